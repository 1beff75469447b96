package dev.papernotes.corpus;

import java.nio.file.Path;

/** Damage found while reading a corpus file; the rest of the file is still read. */
public record CorpusWarning(Path file, int line, String message) {
    /** {@code file:line: warning: message}, the compiler-style form used on the command line. */
    @Override
    public String toString() {
        return file + ":" + line + ": warning: " + message;
    }
}
