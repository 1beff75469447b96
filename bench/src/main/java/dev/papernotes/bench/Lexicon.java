package dev.papernotes.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The word lists of {@code lexicon.txt}: {@code [section]} headers, one entry a line, {@code #}
 * comment lines. A word list ({@link #list}) drops repeated entries; a template list
 * ({@link #templates}) keeps them, a repeated template being a weight.
 */
final class Lexicon {
    private final Map<String, List<String>> raw;

    private Lexicon(Map<String, List<String>> raw) {
        this.raw = raw;
    }

    static Lexicon load() {
        return new Lexicon(parse(resource("lexicon.txt")));
    }

    static InputStream resource(String name) {
        InputStream in = Lexicon.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }

    /** Every section's entries in file order, repeats included. */
    static Map<String, List<String>> parse(InputStream resource) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resource, StandardCharsets.UTF_8))) {
            String section = null;
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    section = line.substring(1, line.length() - 1);
                    raw.putIfAbsent(section, new ArrayList<>());
                    continue;
                }
                if (section == null) {
                    throw new IllegalStateException("lexicon entry before any [section]: " + line);
                }
                raw.get(section).add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    private List<String> section(String name) {
        List<String> l = raw.get(name);
        if (l == null || l.isEmpty()) {
            throw new IllegalStateException("lexicon has no section [" + name + "]");
        }
        return l;
    }

    /** The words of {@code section}, each once, in file order. */
    List<String> list(String section) {
        return List.copyOf(new LinkedHashSet<>(section(section)));
    }

    /** The templates of {@code section}, repeats kept. */
    List<String> templates(String section) {
        return section(section);
    }
}
