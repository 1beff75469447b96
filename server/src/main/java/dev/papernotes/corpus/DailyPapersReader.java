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
 * title, an abstract wrapped over several lines, stray bytes. Lines are told apart by shape
 * (abstracts are long prose, titles are short and do not end in a full stop) so that one missing
 * line does not shift every pair after it. Each damage is reported with file and line.
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

    /** Abstracts are prose: long, several sentences, or ending in a full stop. */
    static boolean looksLikeAbstract(String line) {
        int n = line.length();
        if (n >= 400) {
            return true;
        }
        if (n >= 120 && line.endsWith(".")) {
            return true;
        }
        return n >= 200 && SENTENCE_BREAK.matcher(line).find();
    }

    private static final class PageParser {
        private final Path file;
        private final Consumer<CorpusEntry> entries;
        private final Consumer<CorpusWarning> warnings;
        private String date = "";
        private boolean inHeader = true;
        private String pendingTitle;
        private int pendingTitleLine;
        // The last complete entry is held back one line so a wrapped abstract can be joined to it.
        private String heldTitle;
        private StringBuilder heldAbstract;
        private Occurrence heldOccurrence;
        private boolean previousLineBlank = true;
        private boolean previousLineWasAbstract;
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
                accept(text, lineNo);
                previousLineBlank = false;
            }
            if (pendingTitle != null) {
                warn(pendingTitleLine, "title without an abstract: \"" + shorten(pendingTitle) + "\"");
                hold(pendingTitle, "", pendingTitleLine);
                pendingTitle = null;
            }
            flushHeld();
            if (!anyText) {
                warn(1, "empty file: no papers");
            } else if (entryCount == 0) {
                warn(1, "no papers found (not a daily-papers page?)");
            }
        }

        private void accept(String text, int lineNo) {
            if (inHeader && HEADER_LINES.contains(text.toLowerCase(java.util.Locale.ROOT))) {
                return;
            }
            if (isDateLine(text)) {
                inHeader = false;
                if (pendingTitle != null) {
                    warn(pendingTitleLine, "title without an abstract: \"" + shorten(pendingTitle) + "\"");
                    hold(pendingTitle, "", pendingTitleLine);
                    pendingTitle = null;
                }
                date = text;
                previousLineWasAbstract = false;
                return;
            }
            inHeader = false;
            boolean prose = looksLikeAbstract(text);
            if (pendingTitle == null) {
                if (prose) {
                    if (previousLineWasAbstract && !previousLineBlank && heldTitle != null) {
                        heldAbstract.append(' ').append(text);
                    } else {
                        warn(lineNo, "abstract without a title; skipped: \"" + shorten(text) + "\"");
                    }
                    previousLineWasAbstract = true;
                } else {
                    pendingTitle = text;
                    pendingTitleLine = lineNo;
                    previousLineWasAbstract = false;
                }
                return;
            }
            if (!prose && !text.endsWith(".")) {
                // Two title-shaped lines in a row: the first lost its abstract.
                warn(pendingTitleLine, "title without an abstract: \"" + shorten(pendingTitle) + "\"");
                hold(pendingTitle, "", pendingTitleLine);
                pendingTitle = text;
                pendingTitleLine = lineNo;
                previousLineWasAbstract = false;
                return;
            }
            hold(pendingTitle, text, pendingTitleLine);
            pendingTitle = null;
            previousLineWasAbstract = true;
        }

        private void hold(String title, String abstractText, int titleLine) {
            flushHeld();
            heldTitle = title;
            heldAbstract = new StringBuilder(abstractText);
            heldOccurrence = new Occurrence(file, titleLine, date);
        }

        private void flushHeld() {
            if (heldTitle != null) {
                entries.accept(new CorpusEntry(heldTitle, heldAbstract.toString(), heldOccurrence));
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
