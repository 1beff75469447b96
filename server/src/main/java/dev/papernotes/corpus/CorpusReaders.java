package dev.papernotes.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads any corpus file: the reader is chosen by extension and checked against the first bytes, so
 * that a BibTeX file saved as {@code .txt} is read as BibTeX (with a warning saying so) instead of
 * becoming garbage titles.
 */
public final class CorpusReaders {
    private static final int SNIFF_BYTES = 4096;

    private CorpusReaders() {
    }

    /** The format {@code file} will be read as: by content when it says, else by extension. */
    public static CorpusFormat formatOf(Path file) throws IOException {
        CorpusFormat byName = CorpusFormat.byExtension(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            CorpusFormat byContent = CorpusFormat.sniff(head, head.length);
            return chosen(byName, byContent);
        }
    }

    /** Reads {@code file} from disk; an unreadable file is one warning. */
    public static void read(Path file, Consumer<CorpusEntry> entries, Consumer<CorpusWarning> warnings) {
        try (InputStream in = Files.newInputStream(file)) {
            read(file, in, entries, warnings);
        } catch (IOException e) {
            warnings.accept(new CorpusWarning(file, 0, "cannot read file: " + e.getMessage()));
        }
    }

    /**
     * Reads {@code in} (the bytes of {@code file}) with the reader its extension and content call
     * for.
     *
     * @return the format it was read as
     */
    public static CorpusFormat read(Path file, InputStream in, Consumer<CorpusEntry> entries,
            Consumer<CorpusWarning> warnings) throws IOException {
        BufferedInputStream buffered = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 1 << 16);
        buffered.mark(SNIFF_BYTES + 1);
        byte[] head = buffered.readNBytes(SNIFF_BYTES);
        buffered.reset();
        CorpusFormat byName = CorpusFormat.byExtension(file);
        CorpusFormat byContent = CorpusFormat.sniff(head, head.length);
        CorpusFormat format = chosen(byName, byContent);
        if (byName != null && format != byName) {
            warnings.accept(new CorpusWarning(file, 1, "the file is " + format.label() + ", not a "
                    + byName.label() + " as its extension says; read as " + format.label()));
        }
        Consumer<CorpusWarning> capped = new WarningBudget(file, warnings);
        format.reader().read(file, buffered, entries, capped);
        ((WarningBudget) capped).finish();
        return format;
    }

    private static CorpusFormat chosen(CorpusFormat byName, CorpusFormat byContent) {
        if (byContent == null) {
            return byName == null ? CorpusFormat.DAILY_PAGES : byName;
        }
        if (byName == CorpusFormat.CSL_YAML && byContent != CorpusFormat.CSL_YAML) {
            return byName; // YAML is a superset of JSON: a YAML file may well start with [ or {
        }
        return byContent;
    }

    /** At most this many warnings a file: a damaged million-line file must not flood the log. */
    static final int MAX_WARNINGS_PER_FILE = 100;

    private static final class WarningBudget implements Consumer<CorpusWarning> {
        private final Path file;
        private final Consumer<CorpusWarning> out;
        private int count;

        WarningBudget(Path file, Consumer<CorpusWarning> out) {
            this.file = file;
            this.out = out;
        }

        @Override
        public void accept(CorpusWarning w) {
            if (++count <= MAX_WARNINGS_PER_FILE) {
                out.accept(w);
            }
        }

        void finish() {
            if (count > MAX_WARNINGS_PER_FILE) {
                out.accept(new CorpusWarning(file, 0, (count - MAX_WARNINGS_PER_FILE)
                        + " more problems in this file not shown"));
            }
        }
    }
}
