package dev.papernotes.names;

import java.util.List;

final class FamilyRule {
    private FamilyRule() {
    }

    static void add(String title, List<Token> t, MethodNames.Names names) {
    }
}
