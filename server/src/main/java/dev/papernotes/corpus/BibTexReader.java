package dev.papernotes.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXObject;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.ConcateValue;
import org.jbibtex.CrossReferenceValue;
import org.jbibtex.Key;
import org.jbibtex.KeyValue;
import org.jbibtex.LiteralValue;
import org.jbibtex.ParseException;
import org.jbibtex.ReferenceValue;
import org.jbibtex.Value;

/**
 * BibTeX and BibLaTeX ({@code .bib}). The file is cut into entries at lines that start with
 * {@code @type}, and each entry is parsed on its own with jbibtex: an unclosed brace then damages
 * one entry, not the rest of the file (jbibtex alone would read on to the end looking for the
 * brace). An entry jbibtex cannot parse, or one whose braces never close, is read again field by
 * field, one {@code name = value} line at a time, the way Better BibTeX writes them; what that
 * recovers is kept, with a warning. {@code @string} macros apply to the entries after them, and
 * {@code crossref} fills in missing fields from the parent entry, which BibTeX puts after its
 * children: a child waits for its parent (or the end of the file).
 */
final class BibTexReader implements CorpusReader {
    static final BibTexReader INSTANCE = new BibTexReader();

    /** An entry longer than this is skipped: no bibliography entry comes near it. */
    static final int MAX_ENTRY_CHARS = 1 << 20;
    private static final int MAX_LINE_BYTES = 1 << 20;
    /** How much of the end of a file {@link #looksComplete} reads to find the last entry. */
    private static final int TAIL_BYTES = 1 << 20;
    /** Entries kept as possible crossref parents besides collections: the latest ones. */
    private static final int RECENT_PARENTS = 256;
    private static final Set<String> PARENT_TYPES = Set.of("proceedings", "book", "collection", "mvbook",
            "mvproceedings", "mvcollection", "periodical", "reference", "mvreference", "bookinbook");

    static final Pattern ENTRY_START = Pattern.compile("^\\s*@\\s*([A-Za-z][\\w-]*)");

    /** Whether a line starts an entry; most lines do not start with {@code @}, and are told so cheaply. */
    static boolean startsEntry(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i < line.length() && line.charAt(i) == '@' && ENTRY_START.matcher(line).find();
    }

    private BibTexReader() {
    }

    @Override
    public void read(Path file, InputStream in, Consumer<CorpusEntry> entries, Consumer<CorpusWarning> warnings)
            throws IOException {
        new FileParser(file, entries, warnings).run(new LineReader(in, MAX_LINE_BYTES));
    }

    /** Complete when the last entry of the file closes its braces. */
    @Override
    public boolean looksComplete(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            boolean cut = raf.length() > TAIL_BYTES;
            String text = FileTail.of(raf, TAIL_BYTES);
            String[] lines = text.split("\r\n|\r|\n", -1);
            int last = -1;
            for (int i = lines.length - 1; i >= (cut ? 1 : 0); i--) {
                if (startsEntry(lines[i])) {
                    last = i;
                    break;
                }
            }
            if (last < 0) {
                return true; // no entry start in reach: nothing says it is cut off
            }
            Braces braces = new Braces();
            for (int i = last; i < lines.length && !braces.closed; i++) {
                braces.feed(lines[i]);
            }
            return braces.closed;
        }
    }

    /** Tracks where an entry opens and closes: braces (and parentheses for {@code @type( ... )}). */
    static final class Braces {
        boolean opened;
        boolean closed;
        char opener;
        int depth;
        boolean inQuote;
        /** Index in the last fed line just past the closing delimiter, when it closed there. */
        int closedAt = -1;

        void feed(String line) {
            closedAt = -1;
            for (int i = 0; i < line.length() && !closed; i++) {
                char c = line.charAt(i);
                if (!opened) {
                    if (c == '{' || c == '(') {
                        opened = true;
                        opener = c;
                        depth = c == '{' ? 1 : 0;
                    }
                    continue;
                }
                if (c == '\\') {
                    i++;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                    if (opener == '{' && depth == 0) {
                        closed = true;
                        closedAt = i + 1;
                    }
                } else if (opener == '(' && depth == 0 && c == '"') {
                    inQuote = !inQuote;
                } else if (opener == '(' && depth == 0 && !inQuote && c == ')') {
                    closed = true;
                    closedAt = i + 1;
                }
            }
        }
    }

    private static final class FileParser {
        private final Path file;
        private final Consumer<CorpusEntry> entries;
        private final Consumer<CorpusWarning> warnings;
        private final LenientParser parser = new LenientParser();
        private final Map<String, Integer> keysSeen = new HashMap<>();
        /** Possible crossref parents: collections, and the latest entries of any type. */
        private final Map<String, Map<String, String>> parents = new HashMap<>();
        private final LinkedHashMap<String, Map<String, String>> recent = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
                return size() > RECENT_PARENTS;
            }
        };
        /** Children whose parent has not been seen yet, by the parent's key (lower case). */
        private final Map<String, List<Pending>> waiting = new HashMap<>();
        private int entryCount;
        private int objectCount;
        /** The sink, when it can tell entries read before: unchanged ones are then not parsed. */
        private final EntrySink sink;
        /** A hash of the @string definitions so far: an entry's text means something else when they change. */
        private long macros;
        /** The text of the latest entries not parsed (unchanged): a crossref child may still need them. */
        private final LinkedHashMap<String, String> skipped = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > RECENT_PARENTS;
            }
        };

        private record Pending(int line, String type, String key, Map<String, String> fields, long fingerprint) {
        }

        FileParser(Path file, Consumer<CorpusEntry> entries, Consumer<CorpusWarning> warnings) {
            this.file = file;
            this.entries = entries;
            this.warnings = warnings;
            this.sink = entries instanceof EntrySink s ? s : null;
        }

        void run(LineReader reader) throws IOException {
            StringBuilder chunk = null;
            int chunkLine = 0;
            int lastLine = 0;
            Braces braces = null;
            boolean oversized = false;
            boolean invalidReported = false;
            boolean anyText = false;
            String line;
            while ((line = reader.readLine()) != null) {
                int lineNo = reader.lineNumber();
                lastLine = lineNo;
                if (reader.lastLineHadNul()) {
                    warn(lineNo, "binary data (NUL bytes); the rest of the file is skipped");
                    break;
                }
                if (reader.lastLineHadInvalidUtf8() && !invalidReported) {
                    warn(lineNo, "invalid UTF-8 bytes replaced with U+FFFD (further lines with invalid bytes are not reported)");
                    invalidReported = true;
                }
                if (!line.isBlank()) {
                    anyText = true;
                }
                if (startsEntry(line)) {
                    if (chunk != null) {
                        finishUnclosed(chunk, chunkLine, braces, lineNo - 1, oversized, false);
                    }
                    chunk = new StringBuilder(256);
                    chunkLine = lineNo;
                    braces = new Braces();
                    oversized = false;
                }
                if (chunk == null) {
                    continue; // text between entries is a comment to BibTeX
                }
                braces.feed(line);
                String part = braces.closed ? line.substring(0, braces.closedAt) : line;
                if (chunk.length() + part.length() > MAX_ENTRY_CHARS) {
                    oversized = true;
                } else if (!oversized) {
                    chunk.append(part).append('\n');
                }
                if (braces.closed) {
                    if (oversized) {
                        warn(chunkLine, "entry longer than " + MAX_ENTRY_CHARS + " characters; skipped");
                    } else {
                        parseChunk(chunk.toString(), chunkLine);
                    }
                    chunk = null;
                    braces = null;
                }
            }
            if (chunk != null) {
                finishUnclosed(chunk, chunkLine, braces, lastLine, oversized, true);
            }
            for (List<Pending> list : waiting.values()) {
                for (Pending p : list) {
                    warn(p.line(), "entry '" + p.key() + "': crossref '" + p.fields().get("crossref")
                            + "' is not in this file; read without it");
                    emit(p.line(), p.type(), p.key(), p.fields(), p.fingerprint());
                }
            }
            waiting.clear();
            if (!anyText) {
                warn(1, "empty file: no papers");
            } else if (objectCount == 0) {
                warn(1, "no BibTeX entries found (not a .bib file?)");
            }
        }

        private void finishUnclosed(StringBuilder chunk, int chunkLine, Braces braces, int endLine, boolean oversized,
                boolean atEnd) {
            String key = keyOf(chunk);
            if (oversized) {
                warn(chunkLine, "entry longer than " + MAX_ENTRY_CHARS + " characters; skipped");
                return;
            }
            if (atEnd) {
                warn(chunkLine, "entry" + (key.isEmpty() ? "" : " '" + key + "'")
                        + " is cut off at the end of the file (still being written?); skipped");
                objectCount++;
                return;
            }
            warn(chunkLine, "entry" + (key.isEmpty() ? "" : " '" + key + "'") + " is not closed (a '"
                    + (braces.opener == '(' ? ")" : "}") + "' is missing before line " + (endLine + 1)
                    + "); its fields were read line by line");
            objectCount++;
            lenient(chunk.toString(), chunkLine, EntrySink.fingerprint(chunk, macros));
        }

        private void parseChunk(String chunkText, int chunkLine) {
            objectCount++;
            Matcher start = ENTRY_START.matcher(chunkText);
            String type = start.find() ? start.group(1).toLowerCase(Locale.ROOT) : "";
            if (type.equals("string")) {
                macros = EntrySink.fingerprint(chunkText, macros);
            }
            long fingerprint = EntrySink.fingerprint(chunkText, macros);
            if (sink != null && !BibFields.NOT_PAPERS.contains(type) && !PARENT_TYPES.contains(type)
                    && !chunkText.contains("crossref")) {
                Matcher keyed = KEYED_HEAD.matcher(chunkText);
                if (keyed.find()) {
                    String key = keyed.group(2);
                    String handle = keysSeen.containsKey(key) ? key + "#" + chunkLine : key;
                    Occurrence at = new Occurrence(file, chunkLine, "", handle);
                    if (sink.isUnchanged(at, fingerprint)) {
                        handleOf(key, chunkLine); // taken, as a parsed entry takes it
                        skipped.put(key.toLowerCase(Locale.ROOT), chunkText);
                        entryCount++;
                        sink.unchanged(at, fingerprint);
                        return;
                    }
                }
            }
            parseEntries(chunkText, chunkLine, fingerprint, true);
        }

        /**
         * Parses one piece with jbibtex; its entries go on (or, with {@code emit} false, only the
         * fields of the first are returned: a crossref parent read on demand).
         */
        private Map<String, String> parseEntries(String chunkText, int chunkLine, long fingerprint, boolean emit) {
            // jbibtex's keys are Latin, Greek and Cyrillic only; a key in any other script (Better
            // BibTeX writes 胡適哲學史1917) stands in as a placeholder while jbibtex parses.
            String text = chunkText;
            Matcher paren = PAREN_HEAD.matcher(text);
            int close = text.lastIndexOf(')');
            if (paren.find() && close > paren.end()) {
                // @string(name = ...) is BibTeX, but jbibtex reads "string(name" as one word
                text = text.substring(0, paren.end() - 1) + "{" + text.substring(paren.end(), close) + "}"
                        + text.substring(close + 1);
            }
            String foreignKey = null;
            Matcher head = KEYED_HEAD.matcher(text);
            if (head.find() && !BibFields.NOT_PAPERS.contains(head.group(1).toLowerCase(Locale.ROOT))
                    && !JBIBTEX_NAME.matcher(head.group(2)).matches()) {
                foreignKey = head.group(2);
                text = text.substring(0, head.start(2)) + PLACEHOLDER_KEY + text.substring(head.end(2));
            }
            BibTeXDatabase db;
            try {
                db = parser.parse(new StringReader(text));
            } catch (ParseException e) {
                int at = e.currentToken != null && e.currentToken.next != null ? e.currentToken.next.beginLine : 1;
                String key = keyOf(chunkText);
                if (!emit) {
                    return null;
                }
                warn(chunkLine + Math.max(0, at - 1), "entry" + (key.isEmpty() ? "" : " '" + key + "'")
                        + " does not parse (" + firstLine(e.getMessage()) + "); its fields were read line by line");
                lenient(chunkText, chunkLine, fingerprint);
                return null;
            } catch (RuntimeException e) {
                if (!emit) {
                    return null;
                }
                String key = keyOf(chunkText);
                warn(chunkLine, "entry" + (key.isEmpty() ? "" : " '" + key + "'") + " does not parse ("
                        + firstLine(String.valueOf(e.getMessage())) + "); its fields were read line by line");
                lenient(chunkText, chunkLine, fingerprint);
                return null;
            }
            for (BibTeXObject o : db.getObjects()) {
                if (o instanceof BibTeXString s) {
                    parser.addMacro(s);
                } else if (o instanceof BibTeXEntry e) {
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (Map.Entry<Key, Value> f : e.getFields().entrySet()) {
                        fields.put(f.getKey().getValue().toLowerCase(Locale.ROOT), text(f.getValue(), chunkLine));
                    }
                    String key = e.getKey().getValue();
                    if (foreignKey != null && key.equals(PLACEHOLDER_KEY)) {
                        key = foreignKey;
                    }
                    if (!emit) {
                        return fields;
                    }
                    entry(chunkLine, e.getType().getValue().toLowerCase(Locale.ROOT), key, fields, fingerprint);
                }
            }
            return null;
        }

        private String text(Value v, int line) {
            if (v == null) {
                return "";
            }
            if (v instanceof LiteralValue l) {
                return l.getString();
            }
            if (v instanceof ConcateValue c) {
                return text(c.getLeft(), line) + text(c.getRight(), line);
            }
            if (v instanceof ReferenceValue r) {
                BibTeXString s = r.getString();
                if (s == null) {
                    warn(line, "undefined @string '" + r.getValue().getString() + "'; read as empty");
                    return "";
                }
                return text(s.getValue(), line);
            }
            if (v instanceof CrossReferenceValue c) {
                return text(c.getValue(), line);
            }
            if (v instanceof KeyValue k) {
                return k.getString();
            }
            return v.toUserString();
        }

        /** An entry parsed; waits for its crossref parent when that is not known yet. */
        private void entry(int line, String type, String key, Map<String, String> fields, long fingerprint) {
            if (BibFields.NOT_PAPERS.contains(type)) {
                return;
            }
            String lower = key.toLowerCase(Locale.ROOT);
            Map<String, String> own = new HashMap<>(fields);
            if (PARENT_TYPES.contains(type)) {
                parents.put(lower, own);
            } else {
                recent.put(lower, own);
            }
            String crossref = fields.getOrDefault("crossref", "").strip();
            boolean emitted = false;
            if (!crossref.isEmpty()) {
                Map<String, String> parent = parentOf(crossref);
                if (parent == null) {
                    waiting.computeIfAbsent(crossref.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(new Pending(line, type, key, fields, fingerprint));
                } else {
                    emit(line, type, key, inherit(fields, parent), fingerprint);
                }
                emitted = true;
            }
            if (!emitted) {
                emit(line, type, key, fields, fingerprint);
            }
            List<Pending> children = waiting.remove(lower);
            if (children != null) {
                for (Pending p : children) {
                    emit(p.line(), p.type(), p.key(), inherit(p.fields(), own), p.fingerprint());
                }
            }
        }

        private Map<String, String> parentOf(String key) {
            String lower = key.toLowerCase(Locale.ROOT);
            Map<String, String> p = parents.get(lower);
            if (p == null) {
                p = recent.get(lower);
            }
            if (p == null && skipped.containsKey(lower)) {
                p = parseEntries(skipped.get(lower), 0, 0, false); // not parsed when it went by
            }
            return p;
        }

        /** BibTeX's crossref: the child's fields win; the parent's title is the child's book title. */
        private static Map<String, String> inherit(Map<String, String> child, Map<String, String> parent) {
            Map<String, String> out = new LinkedHashMap<>(child);
            for (Map.Entry<String, String> f : parent.entrySet()) {
                String name = f.getKey();
                if (name.equals("title")) {
                    out.putIfAbsent("booktitle", f.getValue());
                } else if (!name.equals("crossref") && !name.equals("ids") && !name.equals("subtitle")) {
                    out.putIfAbsent(name, f.getValue());
                }
            }
            return out;
        }

        /** The entry's handle: its key, or for a key seen before in the file, the key and the line. */
        private String handleOf(String key, int line) {
            Integer first = keysSeen.putIfAbsent(key, line);
            if (first != null && first != line) {
                warn(line, "duplicate key '" + key + "' (first at line " + first + ")");
                return key + "#" + line;
            }
            return key;
        }

        private void emit(int line, String type, String key, Map<String, String> fields, long fingerprint) {
            String handle = handleOf(key, line);
            CorpusEntry e = BibFields.toEntry(file, line, type, key, fields);
            if (e == null) {
                warn(line, "entry '" + key + "' has no title; skipped");
                return;
            }
            if (!handle.equals(key)) {
                e = new CorpusEntry(e.title(), e.abstractText(),
                        new Occurrence(file, line, "", handle), e.metadata());
            }
            entryCount++;
            if (sink != null) {
                sink.accept(e, fingerprint);
            } else {
                entries.accept(e);
            }
        }

        private static final String PLACEHOLDER_KEY = "papernotesForeignKey";
        private static final String NAME_CHARS = "A-Za-z0-9\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u1fff\\u20ac\\u2122";
        private static final Pattern JBIBTEX_NAME = Pattern.compile(
                "[" + NAME_CHARS + "(_-][" + NAME_CHARS + "!'()+./:?_-]*");
        private static final Pattern PAREN_HEAD = Pattern.compile("^\\s*@\\s*[A-Za-z][\\w-]*\\s*\\(");
        /** An entry's head with its key, which a comma ends: {@code @article{key,}. */
        private static final Pattern KEYED_HEAD = Pattern.compile("^\\s*@\\s*([A-Za-z][\\w-]*)\\s*[{(]\\s*([^,\\s{}\"=#()]+)\\s*,");
        private static final Pattern HEAD = Pattern.compile("^\\s*@\\s*([A-Za-z][\\w-]*)\\s*[{(]\\s*([^,\\s]*)\\s*,?");
        private static final Pattern FIELD = Pattern.compile("^\\s*([A-Za-z][\\w:.+-]*)\\s*=\\s*(.*)$");

        /**
         * Reads an entry that jbibtex could not: its head ({@code @type{key,}) and then one field per
         * {@code name = value} line, a value running on to the next such line. Braces and quotes
         * around a value are taken off even when they do not pair up.
         */
        private void lenient(String text, int chunkLine, long fingerprint) {
            String[] lines = text.split("\n", -1);
            Matcher head = HEAD.matcher(lines[0]);
            if (!head.find()) {
                warn(chunkLine, "cannot read the entry's type and key; skipped");
                return;
            }
            String type = head.group(1).toLowerCase(Locale.ROOT);
            String key = head.group(2);
            if (BibFields.NOT_PAPERS.contains(type)) {
                return;
            }
            if (key.isEmpty()) {
                key = "line" + chunkLine;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            String name = null;
            StringBuilder value = new StringBuilder();
            String rest = lines[0].substring(head.end());
            List<String> body = new ArrayList<>();
            if (!rest.isBlank()) {
                body.add(rest);
            }
            for (int i = 1; i < lines.length; i++) {
                body.add(lines[i]);
            }
            for (String l : body) {
                Matcher f = FIELD.matcher(l);
                if (f.find()) {
                    if (name != null) {
                        fields.putIfAbsent(name, unwrap(value.toString()));
                    }
                    name = f.group(1).toLowerCase(Locale.ROOT);
                    value.setLength(0);
                    value.append(f.group(2));
                } else if (name != null) {
                    value.append('\n').append(l);
                }
            }
            if (name != null) {
                fields.putIfAbsent(name, unwrap(value.toString()));
            }
            entry(chunkLine, type, key, fields, fingerprint);
        }

        private String unwrap(String raw) {
            String v = raw.strip();
            while (v.endsWith(",") || v.endsWith("}") && count(v, '}') > count(v, '{') || v.endsWith(")")) {
                v = v.substring(0, v.length() - 1).strip();
            }
            if (v.startsWith("{")) {
                v = v.substring(1);
                if (v.endsWith("}")) {
                    v = v.substring(0, v.length() - 1);
                }
            } else if (v.startsWith("\"")) {
                v = v.substring(1);
                if (v.endsWith("\"")) {
                    v = v.substring(0, v.length() - 1);
                }
            } else if (!v.isEmpty() && !Character.isDigit(v.charAt(0))) {
                // a bare word: a macro, as in jbibtex
                BibTeXString macro = parser.getMacros().get(new Key(v));
                if (macro != null) {
                    return text(macro.getValue(), 0);
                }
            }
            return v;
        }

        private static int count(String s, char c) {
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == c) {
                    n++;
                }
            }
            return n;
        }

        private static String keyOf(CharSequence text) {
            Matcher m = HEAD.matcher(text);
            return m.find() ? m.group(2) : "";
        }

        private static String firstLine(String s) {
            if (s == null) {
                return "parse error";
            }
            String l = s.strip();
            int eol = l.indexOf('\n');
            l = eol < 0 ? l : l.substring(0, eol);
            return l.length() > 120 ? l.substring(0, 117) + "..." : l;
        }

        private void warn(int line, String message) {
            warnings.accept(new CorpusWarning(file, line, message));
        }
    }

    /**
     * jbibtex's parser, told not to give up on an undefined macro or a crossref to an entry outside
     * the piece it parses: both are resolved across pieces by the reader.
     */
    private static final class LenientParser extends BibTeXParser {
        LenientParser() {
            super(new org.jbibtex.StringProvider(""));
            // BibTeX's month macros, as jbibtex's default constructor has them
            String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
            String[] names = {"January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"};
            for (int i = 0; i < months.length; i++) {
                addMacro(months[i], names[i]);
            }
        }

        @Override
        public void checkStringResolution(Key key, BibTeXString string) {
            // resolved (or reported) when the value is read
        }

        @Override
        public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
            // parents are found across entries by the reader
        }
    }
}
