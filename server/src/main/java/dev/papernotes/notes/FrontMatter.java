package dev.papernotes.notes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A note's YAML front matter: a {@code ---} first line up to a {@code ---} or {@code ...} line.
 * Read with snakeyaml-engine (YAML 1.2), bounded, and forgiving: front matter that does not parse
 * has no aliases rather than failing the note.
 */
public final class FrontMatter {
    /** Front matter longer than this is not read as YAML (nobody writes that much above a note). */
    static final int MAX_CHARS = 64 << 10;

    private FrontMatter() {
    }

    /** Offset just past the closing line (its line end included), or -1 when the note has no front matter. */
    public static int end(String text) {
        return end(text, Integer.MAX_VALUE);
    }

    /** {@link #end(String)}, giving up (-1) past {@code limit} characters. */
    static int end(String text, int limit) {
        Fence f = fence(text, limit);
        return f == null ? -1 : f.end();
    }

    /**
     * Where the front matter lies: its body from {@code bodyStart} up to the closing line, which
     * starts at {@code closeStart}; {@code end} is just past that line (its line end included).
     */
    public record Fence(int bodyStart, int closeStart, int end) {
    }

    /** The note's front matter, or null when it has none or it runs on past {@code limit} characters. */
    public static Fence fence(String text, int limit) {
        int firstEnd = Lines.end(text, 0);
        if (firstEnd == text.length() || !text.substring(0, firstEnd).strip().equals("---")) {
            return null;
        }
        int bodyStart = Lines.next(text, firstEnd);
        int pos = bodyStart;
        while (pos < text.length() && pos <= limit) {
            int end = Lines.end(text, pos);
            String line = text.substring(pos, end).strip();
            int next = Lines.next(text, end);
            if (line.equals("---") || line.equals("...")) {
                return new Fence(bodyStart, pos, next);
            }
            pos = next;
        }
        return null;
    }

    /**
     * The note's aliases ({@code aliases:} or {@code alias:}, a list or one string), as written,
     * without duplicates. Cheap when there is no front matter: one look at the first line.
     */
    public static List<String> aliases(String text) {
        if (!text.startsWith("---")) {
            return List.of();
        }
        Fence fence = fence(text, MAX_CHARS);
        if (fence == null || fence.end() > MAX_CHARS) {
            return List.of();
        }
        // Without the closing line: YAML would read "---" as a second document.
        String yaml = text.substring(fence.bodyStart(), fence.closeStart());
        if (!yaml.contains("alias")) {
            return List.of(); // the common case: no YAML parse at all
        }
        Object doc;
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setAllowDuplicateKeys(true)
                    .setMaxAliasesForCollections(20)
                    .setCodePointLimit(MAX_CHARS)
                    .build();
            doc = new Load(settings).loadFromString(yaml);
        } catch (RuntimeException e) {
            return List.of(); // not YAML after all: the note is still a note
        }
        if (!(doc instanceof Map<?, ?> map)) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String key : new String[] {"aliases", "alias", "Aliases", "Alias"}) {
            collect(map.get(key), out);
        }
        return List.copyOf(new ArrayList<>(out));
    }

    private static void collect(Object value, Set<String> out) {
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String || o instanceof Number) {
                    add(String.valueOf(o), out);
                }
            }
        } else if (value instanceof String || value instanceof Number) {
            add(String.valueOf(value), out);
        }
    }

    private static void add(String alias, Set<String> out) {
        String a = alias.strip();
        if (a.startsWith("[[") && a.endsWith("]]")) {
            a = a.substring(2, a.length() - 2).strip();
        }
        if (!a.isEmpty() && a.length() <= 500) {
            out.add(a);
        }
    }
}
