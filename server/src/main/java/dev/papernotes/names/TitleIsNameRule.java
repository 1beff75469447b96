package dev.papernotes.names;

import java.util.List;

final class TitleIsNameRule {
    private TitleIsNameRule() {
    }

    static List<String> names(String title, boolean noPrefixName, List<AcronymDefinition> definitions) {
        return List.of();
    }
}
