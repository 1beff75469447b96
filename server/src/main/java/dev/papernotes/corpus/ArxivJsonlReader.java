package dev.papernotes.corpus;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import dev.papernotes.names.LatexText;
import dev.papernotes.names.Spaces;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * arXiv metadata as JSON Lines ({@code .jsonl}): one object a line, in the shape of the public
 * arXiv metadata snapshot ({@code id}, {@code title}, {@code abstract}, {@code authors},
 * {@code authors_parsed}, {@code categories}, {@code doi}, {@code journal-ref},
 * {@code versions[{created}]}, {@code update_date}). Millions of lines: each is parsed on its own
 * with Gson's streaming reader, reading only the fields needed, so memory does not grow with the
 * file. A line that does not parse costs that line only.
 */
final class ArxivJsonlReader implements CorpusReader {
    static final ArxivJsonlReader INSTANCE = new ArxivJsonlReader();
    private static final int MAX_LINE_BYTES = 8 << 20;
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;
    /** Beyond this many ids, duplicate ids are no longer looked for: the set would outgrow the heap. */
    private static final int MAX_TRACKED_IDS = 100_000;

    /** The id at the start of a line, as the snapshot writes it, read without parsing the line. */
    private static final Pattern QUICK_ID = Pattern.compile("^\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"\\\\]*)\"");

    private ArxivJsonlReader() {
    }

    @Override
    public void read(Path file, InputStream in, Consumer<CorpusEntry> entries, Consumer<CorpusWarning> warnings)
            throws IOException {
        LineReader lines = new LineReader(in, MAX_LINE_BYTES);
        String line;
        int count = 0;
        boolean invalidReported = false;
        boolean anyText = false;
        Set<String> ids = new IdSet();
        EntrySink sink = entries instanceof EntrySink es ? es : null;
        while ((line = lines.readLine()) != null) {
            int lineNo = lines.lineNumber();
            if (lines.lastLineHadNul()) {
                warn(warnings, file, lineNo, "binary data (NUL bytes); the rest of the file is skipped");
                break;
            }
            if (lines.lastLineHadInvalidUtf8() && !invalidReported) {
                warn(warnings, file, lineNo, "invalid UTF-8 bytes replaced with U+FFFD (further lines with invalid bytes are not reported)");
                invalidReported = true;
            }
            if (line.isBlank()) {
                continue;
            }
            anyText = true;
            if (lines.lastLineWasTruncated()) {
                warn(warnings, file, lineNo, "line longer than " + MAX_LINE_BYTES + " bytes; skipped");
                continue;
            }
            long fingerprint = 0;
            if (sink != null) {
                // A line read before exactly so is not parsed again: its paper has not changed.
                fingerprint = EntrySink.fingerprint(line, 0);
                Matcher quick = QUICK_ID.matcher(line);
                if (quick.find()) {
                    String id = quick.group(1).strip();
                    boolean seen = ids.contains(id);
                    Occurrence at = new Occurrence(file, lineNo, "", seen ? id + "#" + lineNo : id);
                    if (sink.isUnchanged(at, fingerprint)) {
                        if (ids.size() < MAX_TRACKED_IDS) {
                            ids.add(id); // as a parsed line's id is taken below
                        }
                        count++;
                        if (lines.lastLineHadInvalidUtf8()) {
                            sink.unchanged(at, fingerprint);
                        } else {
                            sink.unchanged(at, fingerprint, lines.lineStart());
                        }
                        continue;
                    }
                }
            }
            CorpusEntry e;
            try {
                e = parse(file, lineNo, line);
            } catch (IOException | IllegalStateException | NumberFormatException ex) {
                warn(warnings, file, lineNo, "not a JSON object (" + message(ex) + "); line skipped");
                continue;
            }
            if (e == null) {
                warn(warnings, file, lineNo, "no title; line skipped");
                continue;
            }
            String handle = e.occurrence().handle();
            if (handle.isEmpty() || ids.size() < MAX_TRACKED_IDS && !ids.add(handle)) {
                String h = handle.isEmpty() ? "line" + lineNo : handle + "#" + lineNo;
                if (!handle.isEmpty()) {
                    warn(warnings, file, lineNo, "duplicate id '" + handle + "'");
                }
                e = new CorpusEntry(e.title(), e.abstractText(), new Occurrence(file, lineNo, "", h), e.metadata());
            }
            if (!lines.lastLineHadInvalidUtf8() && !e.abstractText().isEmpty()) {
                // The whole line: the abstract is read back by parsing it again.
                long start = lines.lineStart();
                AbstractSpan span = AbstractSpan.of(CorpusFormat.ARXIV_JSONL, start, (int) (lines.lineEnd() - start),
                        e.abstractText());
                e = new CorpusEntry(e.title(), e.abstractText(), e.occurrence(), e.metadata(), span);
            }
            count++;
            if (sink != null) {
                sink.accept(e, fingerprint);
            } else {
                entries.accept(e);
            }
        }
        if (!anyText) {
            warn(warnings, file, 1, "empty file: no papers");
        } else if (count == 0) {
            warn(warnings, file, 1, "no papers found (not arXiv metadata JSON Lines?)");
        }
    }

    /** Complete when the file ends with a line break, or its last line is a whole object. */
    @Override
    public boolean looksComplete(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            if (size == 0) {
                return true;
            }
            raf.seek(size - 1);
            int last = raf.read();
            if (last == '\n' || last == '\r') {
                return true;
            }
            String t = FileTail.of(raf, 1 << 16);
            int eol = Math.max(t.lastIndexOf('\n'), t.lastIndexOf('\r'));
            String lastLine = t.substring(eol + 1).strip();
            try {
                com.google.gson.JsonParser.parseString(lastLine).getAsJsonObject();
                return lastLine.endsWith("}");
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    /**
     * The abstract of the JSON line these bytes hold, as {@link #parse} gives it; empty if it does
     * not parse. Only the abstract is read: a hover should not pay for authors and dates.
     */
    static String abstractFrom(byte[] bytes) {
        String abstractText = "";
        try (JsonReader r = new JsonReader(new StringReader(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)))) {
            r.beginObject();
            while (r.hasNext()) {
                if (r.nextName().equals("abstract") && r.peek() != JsonToken.NULL) {
                    abstractText = r.nextString();
                } else {
                    r.skipValue();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return Spaces.collapse(abstractText);
    }

    static CorpusEntry parse(Path file, int lineNo, String line) throws IOException {
        String id = "";
        String title = "";
        String abstractText = "";
        String authorsText = "";
        List<Author> authors = new ArrayList<>();
        String categories = "";
        String doi = "";
        String journalRef = "";
        String created = "";
        String updated = "";
        try (JsonReader r = new JsonReader(new StringReader(line))) {
            r.beginObject();
            while (r.hasNext()) {
                String name = r.nextName();
                if (r.peek() == JsonToken.NULL) {
                    r.nextNull();
                    continue;
                }
                switch (name) {
                    case "id" -> id = r.nextString();
                    case "title" -> title = r.nextString();
                    case "abstract" -> abstractText = r.nextString();
                    case "authors" -> authorsText = r.nextString();
                    case "authors_parsed" -> authors = authorsParsed(r);
                    case "categories" -> categories = r.nextString();
                    case "doi" -> doi = r.nextString();
                    case "journal-ref" -> journalRef = r.nextString();
                    case "update_date" -> updated = r.nextString();
                    case "versions" -> created = firstCreated(r);
                    default -> r.skipValue();
                }
            }
            r.endObject();
            if (r.peek() != JsonToken.END_DOCUMENT) {
                throw new MalformedJsonException("text after the object");
            }
        }
        title = Spaces.collapse(title);
        if (title.isEmpty()) {
            return null;
        }
        if (authors.isEmpty() && !authorsText.isBlank()) {
            authors = authorsFromText(authorsText);
        }
        String arxiv = Identifiers.arxiv(id);
        String date = dateOf(created, updated, arxiv);
        List<String> keywords = new ArrayList<>();
        for (String c : categories.split("\\s+")) {
            if (!c.isBlank()) {
                keywords.add(c);
            }
        }
        String venue = journalRef.isBlank() ? "arXiv" : Spaces.collapse(journalRef);
        String url = arxiv.isEmpty() ? "" : "https://arxiv.org/abs/" + arxiv;
        return new CorpusEntry(title, Spaces.collapse(abstractText), new Occurrence(file, lineNo, "", id.strip()),
                new PaperMetadata(authors, false, date.length() >= 4 ? date.substring(0, 4) : "", date, venue,
                        Identifiers.doi(doi), arxiv, url, keywords, ""));
    }

    private static List<Author> authorsParsed(JsonReader r) throws IOException {
        List<Author> out = new ArrayList<>();
        if (r.peek() != JsonToken.BEGIN_ARRAY) {
            r.skipValue();
            return out;
        }
        r.beginArray();
        while (r.hasNext()) {
            if (r.peek() != JsonToken.BEGIN_ARRAY) {
                r.skipValue();
                continue;
            }
            r.beginArray();
            List<String> parts = new ArrayList<>(3);
            while (r.hasNext()) {
                if (r.peek() == JsonToken.STRING) {
                    parts.add(r.nextString());
                } else {
                    r.skipValue();
                    parts.add("");
                }
            }
            r.endArray();
            String family = parts.isEmpty() ? "" : LatexText.toUnicode(parts.get(0));
            String given = parts.size() < 2 ? "" : LatexText.toUnicode(parts.get(1));
            if (!family.isEmpty() || !given.isEmpty()) {
                out.add(new Author(family.isEmpty() ? given : family, family.isEmpty() ? "" : given));
            }
        }
        r.endArray();
        return out;
    }

    /** {@code "A. Vaswani, N. Shazeer and others"}: names as written, the last word the family name. */
    private static List<Author> authorsFromText(String text) {
        List<Author> out = new ArrayList<>();
        for (String part : Spaces.collapse(text).split(",\\s*|\\s+and\\s+")) {
            String name = LatexText.toUnicode(part.replaceAll("\\(.*?\\)", "")).strip();
            if (name.isEmpty()) {
                continue;
            }
            int space = name.lastIndexOf(' ');
            out.add(space < 0 ? new Author(name, "") : new Author(name.substring(space + 1), name.substring(0, space)));
        }
        return out;
    }

    private static String firstCreated(JsonReader r) throws IOException {
        String first = "";
        if (r.peek() != JsonToken.BEGIN_ARRAY) {
            r.skipValue();
            return first;
        }
        r.beginArray();
        while (r.hasNext()) {
            if (r.peek() != JsonToken.BEGIN_OBJECT) {
                r.skipValue();
                continue;
            }
            r.beginObject();
            while (r.hasNext()) {
                String name = r.nextName();
                if (name.equals("created") && r.peek() == JsonToken.STRING && first.isEmpty()) {
                    first = r.nextString();
                } else {
                    r.skipValue();
                }
            }
            r.endObject();
        }
        r.endArray();
        return first;
    }

    /** The first version's date; else the update date; else the year and month of a new-style id. */
    private static String dateOf(String created, String updated, String arxiv) {
        if (!created.isBlank()) {
            try {
                ZonedDateTime t = ZonedDateTime.parse(created.strip(), RFC_1123);
                return t.toLocalDate().toString();
            } catch (DateTimeParseException e) {
                String y = Identifiers.year(created);
                if (!y.isEmpty()) {
                    return y;
                }
            }
        }
        if (arxiv.matches("\\d{4}\\.\\d{4,5}")) {
            int yy = Integer.parseInt(arxiv.substring(0, 2));
            int mm = Integer.parseInt(arxiv.substring(2, 4));
            return Identifiers.isoDate(Integer.toString(2000 + yy), mm, 0);
        }
        return Identifiers.isoDate(updated);
    }

    private static String message(Exception e) {
        String m = String.valueOf(e.getMessage());
        int cut = m.indexOf(" See https://");
        m = cut > 0 ? m.substring(0, cut) : m;
        return m.length() > 120 ? m.substring(0, 117) + "..." : m;
    }

    private static void warn(Consumer<CorpusWarning> warnings, Path file, int line, String message) {
        warnings.accept(new CorpusWarning(file, line, message));
    }

    /** The ids seen, as 64-bit hashes in an open-addressed table: a tenth of a set of strings. */
    private static final class IdSet extends java.util.AbstractSet<String> {
        private long[] slots = new long[1 << 12];
        private int size;

        @Override
        public boolean add(String id) {
            long h = EntrySink.fingerprint(id, 0);
            int mask = slots.length - 1;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (slots[i] != 0) {
                if (slots[i] == h) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            slots[i] = h;
            if (++size * 4 > slots.length * 3) {
                long[] old = slots;
                slots = new long[old.length * 2];
                size = 0;
                for (long x : old) {
                    if (x != 0) {
                        insert(x);
                    }
                }
            }
            return true;
        }

        private void insert(long h) {
            int mask = slots.length - 1;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = h;
            size++;
        }

        @Override
        public boolean contains(Object o) {
            long h = EntrySink.fingerprint((String) o, 0);
            int mask = slots.length - 1;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (slots[i] != 0) {
                if (slots[i] == h) {
                    return true;
                }
                i = (i + 1) & mask;
            }
            return false;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            throw new UnsupportedOperationException("hashes only");
        }

        @Override
        public int size() {
            return size;
        }
    }
}
