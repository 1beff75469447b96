package dev.papernotes.corpus;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSL-JSON ({@code .json}): an array of items, as Zotero and Better BibTeX export it. The array is
 * cut into items by a scanner that only follows nesting and strings, and each item is parsed on its
 * own with Gson: the file is streamed, each item knows its line, and a broken item (or a missing
 * comma) costs that item only.
 */
final class CslJsonReader implements CorpusReader {
    static final CslJsonReader INSTANCE = new CslJsonReader();
    /** An item longer than this is skipped: no bibliography item comes near it. */
    static final int MAX_ITEM_CHARS = 4 << 20;
    private static final int TAIL_BYTES = 4096;

    /** An item's string id, read without parsing the item. */
    private static final Pattern QUICK_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"\\\\]*)\"");

    private CslJsonReader() {
    }

    @Override
    public void read(Path file, InputStream in, Consumer<CorpusEntry> entries, Consumer<CorpusWarning> warnings)
            throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        new Scanner(file, reader, entries, warnings).run();
    }

    /** A whole CSL-JSON file ends in {@code ]} (or {@code }} for a single item). */
    @Override
    public boolean looksComplete(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            String t = FileTail.of(raf, TAIL_BYTES).strip();
            return t.isEmpty() || t.endsWith("]") || t.endsWith("}");
        }
    }

    private static final class Scanner {
        private final Path file;
        private final Reader in;
        private final Consumer<CorpusEntry> entries;
        private final Consumer<CorpusWarning> warnings;
        private final char[] buf = new char[1 << 16];
        private int pos;
        private int limit;
        private int line = 1;
        private boolean pendingCr;
        private final Map<String, Integer> handles = new HashMap<>();
        private int items;
        private final EntrySink sink;

        Scanner(Path file, Reader in, Consumer<CorpusEntry> entries, Consumer<CorpusWarning> warnings) {
            this.file = file;
            this.in = in;
            this.entries = entries;
            this.warnings = warnings;
            this.sink = entries instanceof EntrySink s ? s : null;
        }

        /** The next char, counting lines ({@code \n}, {@code \r\n}, {@code \r}); -1 at the end. */
        private int next() throws IOException {
            if (pos == limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            char c = buf[pos++];
            if (c == '\n') {
                if (!pendingCr) {
                    line++;
                }
                pendingCr = false;
            } else if (c == '\r') {
                line++;
                pendingCr = true;
            } else {
                pendingCr = false;
            }
            return c;
        }

        private int skipBlanks() throws IOException {
            int c;
            do {
                c = next();
            } while (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF');
            return c;
        }

        void run() throws IOException {
            int c = skipBlanks();
            if (c == -1) {
                warn(1, "empty file: no papers");
                return;
            }
            if (c == '{') {
                // One item on its own (some tools write that), or {"items": [...]}: read it as an item.
                item(c, line);
                reportEnd();
                return;
            }
            if (c != '[') {
                warn(line, "not CSL-JSON (expected a JSON array of items, found '" + (char) c + "'); file skipped");
                return;
            }
            boolean closed = false;
            while (true) {
                c = skipBlanks();
                if (c == -1) {
                    break;
                }
                if (c == ']') {
                    closed = true;
                    break;
                }
                if (c == ',') {
                    continue;
                }
                int start = line;
                if (c == '{') {
                    if (!item(c, start)) {
                        return;
                    }
                } else {
                    warn(start, "not an item (a CSL item is a JSON object); skipped");
                    skipValue(c);
                }
            }
            if (!closed) {
                warn(line, "the file ends inside the list of items (still being written?)");
                return;
            }
            reportEnd();
            if (items == 0) {
                warn(1, "no items: the list is empty");
            }
        }

        private void reportEnd() throws IOException {
            int c = skipBlanks();
            if (c != -1) {
                warn(line, "text after the end of the list; ignored");
            }
        }

        /** Reads one object starting at {@code first}; false when the file ended inside it. */
        private boolean item(int first, int startLine) throws IOException {
            StringBuilder sb = new StringBuilder(512);
            sb.append((char) first);
            int depth = 1;
            boolean inString = false;
            boolean oversized = false;
            int c;
            while ((c = next()) != -1) {
                if (sb.length() < MAX_ITEM_CHARS) {
                    sb.append((char) c);
                } else {
                    oversized = true;
                }
                if (inString) {
                    if (c == '\\') {
                        int e = next();
                        if (e == -1) {
                            break;
                        }
                        if (!oversized) {
                            sb.append((char) e);
                        }
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0) {
                        break;
                    }
                }
            }
            if (depth > 0) {
                warn(startLine, "the file ends inside this item (still being written?); item skipped");
                return false;
            }
            if (oversized) {
                warn(startLine, "item longer than " + MAX_ITEM_CHARS + " characters; skipped");
                return true;
            }
            long fingerprint = 0;
            if (sink != null) {
                // An item read before exactly so is not parsed again: its paper has not changed.
                fingerprint = EntrySink.fingerprint(sb, 0);
                Matcher quick = QUICK_ID.matcher(sb);
                if (quick.find() && !quick.group(1).isEmpty()) {
                    String id = quick.group(1);
                    String handle = handles.containsKey(id) ? id + "#" + startLine : id;
                    Occurrence at = new Occurrence(file, startLine, "", handle);
                    if (sink.isUnchanged(at, fingerprint)) {
                        handles.putIfAbsent(id, startLine);
                        items++;
                        sink.unchanged(at, fingerprint);
                        return true;
                    }
                }
            }
            JsonElement parsed;
            try {
                parsed = JsonParser.parseString(sb.toString());
            } catch (JsonParseException | IllegalStateException e) {
                warn(startLine, "item is not valid JSON (" + message(e) + "); skipped");
                return true;
            }
            if (!parsed.isJsonObject()) {
                warn(startLine, "not an item (a CSL item is a JSON object); skipped");
                return true;
            }
            Map<String, Object> map = toJava(parsed.getAsJsonObject());
            CorpusEntry e = CslItems.toEntry(file, startLine, map);
            if (e == null) {
                String id = CslItems.text(map.get("id"));
                warn(startLine, "item" + (id.isEmpty() ? "" : " '" + id + "'") + " has no title; skipped");
                return true;
            }
            items++;
            if (sink != null) {
                sink.accept(unique(e, startLine), fingerprint);
            } else {
                entries.accept(unique(e, startLine));
            }
            return true;
        }

        private CorpusEntry unique(CorpusEntry e, int at) {
            String handle = e.occurrence().handle();
            if (handle.isEmpty()) {
                handle = "line" + at;
            }
            Integer first = handles.putIfAbsent(handle, at);
            if (first != null) {
                warn(at, "duplicate id '" + handle + "' (first at line " + first + ")");
                handle = handle + "#" + at;
            }
            if (handle.equals(e.occurrence().handle())) {
                return e;
            }
            return new CorpusEntry(e.title(), e.abstractText(), new Occurrence(file, at, "", handle), e.metadata());
        }

        private void skipValue(int first) throws IOException {
            if (first == '"') {
                int c;
                while ((c = next()) != -1 && c != '"') {
                    if (c == '\\') {
                        next();
                    }
                }
                return;
            }
            if (first == '[' || first == '{') {
                int depth = 1;
                boolean inString = false;
                int c;
                while (depth > 0 && (c = next()) != -1) {
                    if (inString) {
                        if (c == '\\') {
                            next();
                        } else if (c == '"') {
                            inString = false;
                        }
                    } else if (c == '"') {
                        inString = true;
                    } else if (c == '{' || c == '[') {
                        depth++;
                    } else if (c == '}' || c == ']') {
                        depth--;
                    }
                }
                return;
            }
            // a number or a word: up to the next separator
            while (pos < limit && buf[pos] != ',' && buf[pos] != ']') {
                next();
            }
        }

        private static String message(Exception e) {
            String m = String.valueOf(e.getMessage());
            int cut = m.indexOf(" See https://");
            m = cut > 0 ? m.substring(0, cut) : m;
            return m.length() > 120 ? m.substring(0, 117) + "..." : m;
        }

        private void warn(int at, String message) {
            warnings.accept(new CorpusWarning(file, at, message));
        }
    }

    static Map<String, Object> toJava(JsonObject o) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            out.put(e.getKey(), toJava(e.getValue()));
        }
        return out;
    }

    private static Object toJava(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject()) {
            return toJava(e.getAsJsonObject());
        }
        if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            List<Object> out = new ArrayList<>(a.size());
            for (JsonElement x : a) {
                out.add(toJava(x));
            }
            return out;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.getAsString();
    }
}
