package dev.papernotes.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The generic terms of the field ({@code RL}, {@code IL}, {@code GA}, "imitation learning"): strings
 * that many papers use for a general concept. A paper that defines one ("Imitation Learning (IL)")
 * does not make it its own name, so it is never extracted as a method name and never matched as a
 * bare mention. This is the one place the notion lives; the lexicon is {@code field-terms.txt}
 * beside this class.
 */
public final class FieldTerms {
    private static final Set<String> LEXICON = load();

    private FieldTerms() {
    }

    /** Whether {@code name} is a generic term of the field (case, spaces and punctuation ignored). */
    public static boolean isFieldTerm(String name) {
        String key = NameKeys.compact(name);
        return !key.isEmpty() && LEXICON.contains(key);
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (InputStream in = FieldTerms.class.getResourceAsStream("field-terms.txt")) {
            if (in == null) {
                throw new IllegalStateException("field-terms.txt is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                for (String term : l.split(",")) {
                    String key = NameKeys.compact(term);
                    if (!key.isEmpty()) {
                        out.add(key);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
