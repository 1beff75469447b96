package dev.papernotes.names;

import java.util.List;

/** Placeholder: replaced by the real extractor. */
public final class MethodNames {
    private MethodNames() {
    }

    /** The names a paper gives its own contribution, the primary one first. */
    public static List<String> extract(String title, String abstractText) {
        return List.of();
    }
}
