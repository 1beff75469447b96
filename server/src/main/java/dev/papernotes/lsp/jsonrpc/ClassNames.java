package dev.papernotes.lsp.jsonrpc;

import java.util.regex.Pattern;

/**
 * Error replies are read by people in an editor: Gson and the JDK put Java class names in their
 * messages ({@code java.lang.IllegalStateException: Expected BEGIN_OBJECT ...}), which say nothing
 * to them. The log keeps the classes and the stacks.
 */
public final class ClassNames {
    private static final Pattern EXCEPTION = Pattern.compile(
            "(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)(?::\\s*)?");

    private ClassNames() {
    }

    /** {@code text} without the exception class names in it, stripped; empty when nothing else was said. */
    public static String removed(String text) {
        return text == null ? "" : EXCEPTION.matcher(text).replaceAll("").strip();
    }
}
