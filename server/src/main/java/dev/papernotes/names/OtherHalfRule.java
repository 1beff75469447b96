package dev.papernotes.names;

import java.util.List;

final class OtherHalfRule {
    private OtherHalfRule() {
    }

    static void add(String title, List<Token> t, MethodNames.Names names) {
    }
}
