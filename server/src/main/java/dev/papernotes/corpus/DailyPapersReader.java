package dev.papernotes.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads one daily-papers page: a few header lines, a date line, then title and abstract lines
 * separated by blank lines. The file is streamed; entries go to a sink as they are complete.
 *
 * <p>Real pages are damaged in known ways: a title without its abstract, an abstract without its
 * title, an abstract wrapped over several lines, stray bytes, and lines of unusual shape (a title of
 * 400 characters, an abstract of one short phrase). Pairs follow the page's structure of blank-line
 * blocks; the shape of a block (prose or title) is evidence only against that structure, so one
 * missing or odd line does not shift every pair after it. Each damage is reported with file and
 * line, and so is each pair kept against the shape of its lines.
 */
public final class DailyPapersReader {
    /** The page reader behind the common interface. */
    static final CorpusReader INSTANCE = DailyPapersReader::read;

    /** Lines longer than this are cut: no real title or abstract comes near it. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private static final Set<String> HEADER_LINES = Set.of(
            "new",
            "get trending papers in your email inbox!",
            "subscribe",
            "byak and the research community");

    private static final Pattern DATE_LINE = Pattern.compile(
            "(?i)(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.? \\d{1,2}(st|nd|rd|th)?(,? \\d{4})?");

    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?] +[A-Z(\\[]");

    private DailyPapersReader() {
    }

    /**
     * Reads {@code file}, handing each entry to {@code entries} and each damage to
     * {@code warnings}. An unreadable file is one warning, not an exception: the rest of the
     * corpus still indexes.
     */
    public static void read(Path file, Consumer<CorpusEntry> entries, Consumer<CorpusWarning> warnings) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            read(file, in, entries, warnings);
        } catch (IOException e) {
            warnings.accept(new CorpusWarning(file, 0, "cannot read file: " + e.getMessage()));
        }
    }

    /** As {@link #read(Path, Consumer, Consumer)}, from a stream already open on {@code file}. */
    public static void read(Path file, InputStream in, Consumer<CorpusEntry> entries, Consumer<CorpusWarning> warnings)
            throws IOException {
        new PageParser(file, entries, warnings).parse(new LineReader(in, MAX_LINE_BYTES));
    }

    static boolean isDateLine(String line) {
        return line.length() <= 24 && DATE_LINE.matcher(line).matches();
    }

    /** No title comes near this length; a line this long is prose whatever its punctuation. */
    static final int MAX_TITLE_CHARS = 4000;
    /** Titles longer than this are rare enough that their pairing is worth a warning. */
    static final int LONG_TITLE_CHARS = 300;

    /**
     * Abstracts are prose: sentences, or a full stop at the end of a long line. Length alone does
     * not make prose below {@link #MAX_TITLE_CHARS}: a title of 400 characters is still a title.
     */
    static boolean looksLikeAbstract(String line) {
        int n = line.length();
        if (n >= MAX_TITLE_CHARS) {
            return true;
        }
        if (n >= 120 && line.endsWith(".")) {
            return true;
        }
        return n >= 200 && SENTENCE_BREAK.matcher(line).find();
    }

    /**
     * Written in sentence case: most longer words start in lower case, as in prose and unlike a
     * title ({@code We propose RedosScheme, a method} against {@code Sparse Token Pruning Helps}).
     */
    static boolean sentenceCase(String line) {
        int lower = 0;
        int upper = 0;
        for (String word : line.split("[\\s/]+")) {
            String w = word.replaceAll("^[^\\p{L}]+", "");
            if (w.length() < 4) {
                continue;
            }
            if (Character.isLowerCase(w.charAt(0))) {
                lower++;
            } else if (Character.isUpperCase(w.charAt(0))) {
                upper++;
            }
        }
        return lower > upper;
    }

    /**
     * Pairs titles with abstracts by the page's structure: after the date, its blank-line blocks
     * alternate title, abstract, title, abstract. Each block's shape (prose or title) is only
     * evidence against that alternation, weighed with the blocks around it (up to two ahead), so a
     * block of an unusual shape (a 400-character title, an abstract of one short phrase) keeps its
     * place and does not shift the pairs after it. A block that is out of place (a title whose
     * abstract is missing, an abstract without its title) is reported; a pair kept against its
     * shape is reported as doubtful.
     */
    private static final class PageParser {
        /** One blank-line block: usually one line; an abstract wrapped over several lines is joined. */
        private static final class Block {
            final StringBuilder text;
            final int line;
            boolean prose;
            /** The bytes of the block's lines in the file, and whether they give its text back. */
            final long start;
            long end;
            boolean exact;

            Block(String text, int line, long start, long end, boolean exact) {
                this.text = new StringBuilder(text);
                this.line = line;
                this.prose = looksLikeAbstract(text);
                this.start = start;
                this.end = end;
                this.exact = exact;
            }

            void join(String more, long moreEnd, boolean moreExact) {
                text.append(' ').append(more);
                end = moreEnd;
                exact &= moreExact;
            }

            String text() {
                return text.toString();
            }

            boolean titleShaped() {
                return !prose && !text.toString().endsWith(".");
            }
        }

        private final Path file;
        private final Consumer<CorpusEntry> entries;
        private final Consumer<CorpusWarning> warnings;
        private String date = "";
        private boolean inHeader = true;
        /** Blocks not yet paired, the first in a title's place; never more than three. */
        private final java.util.ArrayDeque<Block> window = new java.util.ArrayDeque<>(4);
        // The last complete entry is held back so a wrapped abstract can still be joined to it.
        private String heldTitle;
        private Block heldAbstract;
        private Occurrence heldOccurrence;
        private boolean heldEndsAtLastLine;
        private boolean previousLineBlank = true;
        private int entryCount;

        PageParser(Path file, Consumer<CorpusEntry> entries, Consumer<CorpusWarning> warnings) {
            this.file = file;
            this.entries = entries;
            this.warnings = warnings;
        }

        void parse(LineReader reader) throws IOException {
            boolean anyText = false;
            boolean invalidReported = false;
            String line;
            while ((line = reader.readLine()) != null) {
                int lineNo = reader.lineNumber();
                if (reader.lastLineHadNul()) {
                    warn(lineNo, "binary data (NUL bytes); the rest of the file is skipped");
                    break;
                }
                if (reader.lastLineHadInvalidUtf8() && !invalidReported) {
                    warn(lineNo, "invalid UTF-8 bytes replaced with U+FFFD"
                            + " (further lines with invalid bytes are not reported)");
                    invalidReported = true;
                }
                if (reader.lastLineWasTruncated()) {
                    warn(lineNo, "line longer than " + MAX_LINE_BYTES + " bytes was cut");
                }
                String text = clean(line);
                if (text.isEmpty()) {
                    previousLineBlank = true;
                    continue;
                }
                anyText = true;
                accept(text, lineNo, reader.lineStart(), reader.lineEnd(),
                        !reader.lastLineHadInvalidUtf8() && !reader.lastLineWasTruncated());
                previousLineBlank = false;
            }
            while (!window.isEmpty()) {
                step(true);
            }
            flushHeld();
            if (!anyText) {
                warn(1, "empty file: no papers");
            } else if (entryCount == 0) {
                warn(1, "no papers found (not a daily-papers page?)");
            }
        }

        private void accept(String text, int lineNo, long start, long end, boolean exact) {
            if (inHeader && HEADER_LINES.contains(text.toLowerCase(java.util.Locale.ROOT))) {
                return;
            }
            if (isDateLine(text)) {
                inHeader = false;
                while (!window.isEmpty()) {
                    step(true);
                }
                heldEndsAtLastLine = false;
                date = text;
                return;
            }
            inHeader = false;
            boolean prose = looksLikeAbstract(text);
            if (!previousLineBlank && prose) {
                // A wrapped abstract: the line continues the prose right above it.
                Block last = window.peekLast();
                if (last != null && last.prose) {
                    last.join(text, end, exact);
                    return;
                }
                if (last == null && heldEndsAtLastLine) {
                    heldAbstract.join(text, end, exact);
                    return;
                }
            }
            window.addLast(new Block(text, lineNo, start, end, exact));
            heldEndsAtLastLine = false;
            if (window.size() == 3) {
                step(false);
            }
        }

        /** Decides the first block of the window (with what follows it); {@code atEnd}: nothing more follows. */
        private void step(boolean atEnd) {
            Block p = window.pollFirst();
            java.util.Iterator<Block> ahead = window.iterator();
            Block b = ahead.hasNext() ? ahead.next() : null;
            Block c = ahead.hasNext() ? ahead.next() : null;
            if (b == null) {
                if (p.prose) {
                    warn(p.line, "abstract without a title; skipped: \"" + shorten(p.text()) + "\"");
                } else {
                    titleAlone(p);
                }
                return;
            }
            if (p.prose && !b.prose) {
                // Prose in a title's place, a title after it: an abstract whose title is missing.
                warn(p.line, "abstract without a title; skipped: \"" + shorten(p.text()) + "\"");
                return;
            }
            if (p.prose) {
                window.pollFirst();
                warn(p.line, "doubtful pair: a title that reads like prose, taken with the abstract after it: \""
                        + shorten(p.text()) + "\"");
                pair(p, b);
                return;
            }
            if (b.prose || !b.titleShaped()) {
                // Prose, or a short line ending in a full stop (no title does): the abstract.
                window.pollFirst();
                if (p.text.length() > LONG_TITLE_CHARS) {
                    warn(p.line, "doubtful pair: a long title (" + p.text.length()
                            + " characters), taken with the abstract after it: \"" + shorten(p.text()) + "\"");
                }
                pair(p, b);
                return;
            }
            // Two title-shaped blocks: the second is either the next title (then the first lost its
            // abstract) or a short abstract. An abstract after it, or title case, says title.
            boolean bIsTitle = (c != null && c.prose) || !sentenceCase(b.text()) || (c == null && !atEnd);
            if (bIsTitle) {
                titleAlone(p);
                return;
            }
            window.pollFirst();
            warn(b.line, "doubtful pair: a short abstract that could be a title, taken with the title before it: \""
                    + shorten(b.text()) + "\"");
            pair(p, b);
        }

        private void titleAlone(Block title) {
            warn(title.line, "title without an abstract: \"" + shorten(title.text()) + "\"");
            hold(title.text(), null, title.line);
            heldEndsAtLastLine = false;
        }

        private void pair(Block title, Block abstractBlock) {
            hold(title.text(), abstractBlock, title.line);
            heldEndsAtLastLine = window.isEmpty();
        }

        private void hold(String title, Block abstractBlock, int titleLine) {
            flushHeld();
            heldTitle = title;
            heldAbstract = abstractBlock;
            heldOccurrence = new Occurrence(file, titleLine, date);
        }

        private void flushHeld() {
            if (heldTitle != null) {
                String abstractText = "";
                AbstractSpan span = null;
                if (heldAbstract != null) {
                    abstractText = heldAbstract.text();
                    long bytes = heldAbstract.end - heldAbstract.start;
                    if (heldAbstract.exact && bytes <= AbstractSpan.MAX_BYTES) {
                        span = AbstractSpan.of(CorpusFormat.DAILY_PAGES, heldAbstract.start, (int) bytes, abstractText);
                    }
                }
                entries.accept(new CorpusEntry(heldTitle, abstractText, heldOccurrence, PaperMetadata.NONE, span));
                entryCount++;
                heldTitle = null;
                heldAbstract = null;
                heldOccurrence = null;
            }
        }

        private void warn(int line, String message) {
            warnings.accept(new CorpusWarning(file, line, message));
        }
    }

    /**
     * The abstract that the bytes of its lines give, as {@link PageParser} joins them: each line
     * cleaned, the lines joined by one space.
     */
    static String abstractFrom(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        // Split and decoded as the page was read: the same line ends, the same text.
        try (LineReader lines = new LineReader(new java.io.ByteArrayInputStream(bytes), MAX_LINE_BYTES, bytes.length)) {
            String line;
            while ((line = lines.readLine()) != null) {
                String text = clean(line);
                if (!text.isEmpty()) {
                    if (out.length() > 0) {
                        out.append(' ');
                    }
                    out.append(text);
                }
            }
        } catch (IOException inMemory) {
            throw new java.io.UncheckedIOException(inMemory);
        }
        return out.toString();
    }

    /** Trims and turns control characters (other than tab) into spaces. */
    static String clean(String line) {
        StringBuilder sb = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\uFEFF') {
                if (sb == null) {
                    sb = new StringBuilder(line.length());
                    sb.append(line, 0, i);
                }
                sb.append(c == '\uFEFF' ? "" : " ");
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return (sb == null ? line : sb.toString()).strip();
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
