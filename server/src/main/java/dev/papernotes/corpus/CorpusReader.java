package dev.papernotes.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads one corpus format. A reader streams: entries go to the sink as they are complete, so a
 * file never has to fit in memory. Damage is a {@link CorpusWarning} naming the line, and the rest
 * of the file is still read; nothing readable is dropped without a warning.
 */
public interface CorpusReader {
    /**
     * Reads {@code in}, which holds the bytes of {@code file}; an exception only when the stream
     * itself fails.
     */
    void read(Path file, InputStream in, Consumer<CorpusEntry> entries, Consumer<CorpusWarning> warnings)
            throws IOException;

    /**
     * Whether the file looks whole: false when it ends inside an entry, the mark of a file that is
     * still being written (Better BibTeX rewrites its exports in several writes). Cheap: reads the
     * end of the file, not all of it. Formats that cannot tell say true.
     */
    default boolean looksComplete(Path file) throws IOException {
        return true;
    }
}
