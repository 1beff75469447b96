package dev.papernotes.index;

import java.util.List;

/** The part of a paper a list needs (completion, symbols): no abstract, no occurrences. */
public record PaperHeader(String id, String title, List<String> methods, String citekey) {
    public String label() {
        if (!methods.isEmpty()) {
            return methods.get(0);
        }
        int colon = title.indexOf(':');
        return colon > 0 ? title.substring(0, colon).strip() : title;
    }
}
