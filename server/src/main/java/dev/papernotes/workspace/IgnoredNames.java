package dev.papernotes.workspace;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.papernotes.notes.Lines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Names the user said are not papers ("not this paper"): in one note, a list in its YAML front
 * matter ({@code papernotes-ignore: [TSM, SOLO]}, a flat key so Obsidian's properties show it);
 * in the whole workspace, {@code .papernotes.json} in the workspace folder
 * ({@code {"ignore": ["TSM"]}}). A name is compared as written, whitespace runs as one space.
 *
 * <p>The front matter is read here with its own small reader; it can join the note model's
 * front-matter reader (aliases) once there is one.
 */
public final class IgnoredNames {
    /** The front-matter key. */
    public static final String KEY = "papernotes-ignore";
    /** The workspace file, in a workspace folder. */
    public static final String FILE = ".papernotes.json";
    private static final String FILE_KEY = "ignore";
    private static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;

    private IgnoredNames() {
    }

    /** The names a note's front matter ignores; none when it has no front matter or no such key. */
    public static Set<String> fromFrontMatter(String text) {
        FrontMatter fm = FrontMatter.of(text);
        if (fm == null || !fm.body().contains(KEY)) {
            return Set.of();
        }
        Object yaml;
        try {
            yaml = new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build()).loadFromString(fm.body());
        } catch (RuntimeException e) {
            return Set.of(); // a broken front matter ignores nothing; the note is still read
        }
        if (!(yaml instanceof Map<?, ?> map)) {
            return Set.of();
        }
        Object v = map.get(KEY);
        Set<String> out = new LinkedHashSet<>();
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                add(out, o);
            }
        } else {
            add(out, v);
        }
        return out;
    }

    private static void add(Set<String> out, Object o) {
        if (o instanceof String || o instanceof Number || o instanceof Boolean) {
            String s = normalize(String.valueOf(o));
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
    }

    /** Whitespace runs as one space, trimmed: how a mention's text is compared. */
    public static String normalize(String name) {
        String s = name.strip();
        int n = s.length();
        int i = 0;
        while (i < n && !(isSpace(s.charAt(i)) && (s.charAt(i) != ' ' || i + 1 < n && isSpace(s.charAt(i + 1))))) {
            i++;
        }
        if (i == n) {
            return s; // most names: nothing to collapse (asked for every mention at every edit)
        }
        StringBuilder out = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                out.append(' ');
                while (i < n && isSpace(s.charAt(i))) {
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** What the regex {@code \s} matches: ASCII whitespace only. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The names {@code .papernotes.json} in {@code folder} ignores; none when it is missing or unreadable. */
    public static Set<String> fromWorkspaceFile(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        try {
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            Set<String> out = new LinkedHashSet<>();
            if (root.isJsonObject() && root.getAsJsonObject().get(FILE_KEY) instanceof JsonArray a) {
                for (JsonElement e : a) {
                    if (e.isJsonPrimitive()) {
                        add(out, e.getAsString());
                    }
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    /**
     * Adds {@code name} to {@code .papernotes.json} in {@code folder}, keeping whatever else the
     * file holds; written to a temporary file and moved into place, so a crash leaves the old file.
     *
     * @return whether the file changed
     */
    public static boolean addToWorkspaceFile(Path folder, String name) throws IOException {
        String n = normalize(name);
        Path file = folder.resolve(FILE);
        JsonObject root = new JsonObject();
        if (Files.isRegularFile(file)) {
            try {
                JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
                if (e.isJsonObject()) {
                    root = e.getAsJsonObject();
                }
            } catch (RuntimeException e) {
                throw new IOException(FILE + " is not valid JSON; fix it before adding names to it", e);
            }
        }
        JsonArray list = root.get(FILE_KEY) instanceof JsonArray a ? a : new JsonArray();
        for (JsonElement e : list) {
            if (e.isJsonPrimitive() && normalize(e.getAsString()).equals(n)) {
                return false;
            }
        }
        list.add(n);
        root.add(FILE_KEY, list);
        String json = new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
        Path tmp = Files.createTempFile(folder, ".papernotes", ".tmp");
        try {
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return true;
    }

    /** A replacement of {@code [start, end)} of a note's text by {@code text}. */
    public record Edit(int start, int end, String text) {
    }

    /**
     * The edit that adds {@code name} to the note's {@value #KEY} list: into the list when there is
     * one, as a new key at the end of the front matter, or as a new front matter at the top.
     */
    public static Edit frontMatterEdit(String text, String name) {
        String item = yamlScalar(normalize(name));
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        FrontMatter fm = FrontMatter.of(text);
        if (fm == null) {
            return new Edit(0, 0, "---" + nl + KEY + ": [" + item + "]" + nl + "---" + nl);
        }
        int pos = fm.bodyStart();
        while (pos < fm.end()) {
            int lineEnd = Lines.end(text, pos);
            String line = text.substring(pos, lineEnd);
            if (line.startsWith(KEY + ":")) {
                String value = line.substring(KEY.length() + 1).strip();
                if (value.isEmpty()) {
                    // a block list follows: add an item after its last one
                    int after = Lines.next(text, lineEnd);
                    int insert = after;
                    String indent = "  ";
                    while (after < fm.end()) {
                        int e = Lines.end(text, after);
                        String l = text.substring(after, e);
                        if (!l.stripLeading().startsWith("- ")) {
                            break;
                        }
                        indent = l.substring(0, l.indexOf('-'));
                        after = Lines.next(text, e);
                        insert = after;
                    }
                    return new Edit(insert, insert, indent + "- " + item + nl);
                }
                if (value.startsWith("[") && value.endsWith("]")) {
                    String inner = value.substring(1, value.length() - 1).strip();
                    String list = inner.isEmpty() ? "[" + item + "]" : "[" + inner + ", " + item + "]";
                    return new Edit(pos, lineEnd, KEY + ": " + list);
                }
                return new Edit(pos, lineEnd, KEY + ": [" + value + ", " + item + "]");
            }
            pos = Lines.next(text, lineEnd);
        }
        return new Edit(fm.end(), fm.end(), KEY + ": [" + item + "]" + nl);
    }

    /** A name as a YAML flow scalar: plain when safe, else double-quoted. */
    static String yamlScalar(String s) {
        if (s.matches("[A-Za-z0-9][A-Za-z0-9 ._+^/()-]*") && !s.endsWith(" ")
                && !s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false") && !s.equalsIgnoreCase("null")
                && !s.matches("[0-9.+-]+")) {
            return s;
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * A note's YAML front matter: a {@code ---} first line up to a {@code ---} or {@code ...} line.
     *
     * @param body      the YAML between the fences
     * @param bodyStart offset of the first body line
     * @param end       offset of the closing fence line
     */
    record FrontMatter(String body, int bodyStart, int end) {
        static FrontMatter of(String text) {
            if (!text.startsWith("---")) {
                return null;
            }
            dev.papernotes.notes.FrontMatter.Fence f = dev.papernotes.notes.FrontMatter.fence(text, MAX_FRONT_MATTER_CHARS - 1);
            return f == null ? null : new FrontMatter(text.substring(f.bodyStart(), f.closeStart()), f.bodyStart(), f.closeStart());
        }

        /** The lines of the body, for edits that add a key. */
        List<String> lines() {
            return List.of(body.split("\\r\\n|\\r|\\n", -1));
        }
    }
}
