package dev.papernotes.corpus;

import dev.papernotes.names.NameKeys;

/**
 * One author as a library writes it. Particles ({@code van der}) belong to the family name, as
 * people read it; the {@link #key} is the last word of the family name, which is how people type
 * an author ({@code @maaten}, {@code [[vaswani 2017}).
 *
 * @param family the family name with its particles, or the whole name of an organisation
 * @param given  given names, empty for an organisation or when unknown
 */
public record Author(String family, String given) {
    public Author {
        family = family == null ? "" : family.strip();
        given = given == null ? "" : given.strip();
    }

    /** {@code Ashish Vaswani}, {@code Laurens van der Maaten}, {@code OpenAI}. */
    public String display() {
        return given.isEmpty() ? family : given + " " + family;
    }

    /** The last word of the family name, letters and digits only, lower case; empty when unknown. */
    public String key() {
        String f = family;
        int space = f.lastIndexOf(' ');
        String last = space >= 0 ? f.substring(space + 1) : f;
        String key = NameKeys.compact(last);
        return key.isEmpty() ? NameKeys.compact(f) : key;
    }
}
