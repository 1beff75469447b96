package dev.papernotes.names;

import java.util.List;

/** Placeholder: replaced by the real implementation. */
public final class Citekeys {
    private Citekeys() {
    }

    /** The citekey before collision suffixes. */
    public static String base(List<String> methods, String title) {
        return NameKeys.compact(methods.isEmpty() ? title : methods.get(0));
    }
}
