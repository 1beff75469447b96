package dev.papernotes.index;

import dev.papernotes.corpus.AbstractSpan;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Reads the abstracts the index keeps as {@link AbstractSpan}s of corpus files rather than as copies.
 * A span whose bytes no longer give its abstract (the file changed and is not read again yet) gives
 * null, said once per file in the log; the next update of that file stores it afresh.
 */
class AbstractFiles implements Closeable {
    private static final Logger LOG = Logger.getLogger(AbstractFiles.class.getName());
    private static final Set<Path> REPORTED = ConcurrentHashMap.newKeySet();

    /** Opens the file at every read: for single papers (hover, a literature note). */
    static final AbstractFiles EACH_READ = new AbstractFiles(false);

    /** No abstracts, stored or in the corpus: for answers that say where a paper is, not what it says. */
    static final AbstractFiles NONE = new AbstractFiles(false) {
        @Override
        boolean wanted() {
            return false;
        }
    };

    private final boolean keepOpen;
    private Path openPath;
    private FileChannel open;

    private AbstractFiles(boolean keepOpen) {
        this.keepOpen = keepOpen;
    }

    /** Keeps the last file open between reads: for one thread going through papers in corpus order. */
    static AbstractFiles sequential() {
        return new AbstractFiles(true);
    }

    /** Whether papers read through this get their abstracts. */
    boolean wanted() {
        return true;
    }

    /** The abstract at {@code span} of {@code file}, or null when the file no longer holds it there. */
    String read(Path file, AbstractSpan span) {
        try {
            byte[] bytes = new byte[span.length()];
            if (keepOpen) {
                synchronized (this) {
                    if (!file.equals(openPath)) {
                        close();
                        open = FileChannel.open(file, StandardOpenOption.READ);
                        openPath = file;
                    }
                    readFully(open, span.offset(), bytes);
                }
            } else {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    readFully(ch, span.offset(), bytes);
                }
            }
            String text = span.decode(bytes);
            if (text == null) {
                report(file, "the file changed since it was indexed");
            }
            return text;
        } catch (IOException e) {
            report(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return null;
        }
    }

    private static void readFully(FileChannel ch, long offset, byte[] into) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(into);
        long at = offset;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, at);
            if (n < 0) {
                throw new IOException("the file is shorter than when it was indexed");
            }
            at += n;
        }
    }

    private static void report(Path file, String why) {
        if (REPORTED.add(file)) {
            LOG.warning("abstracts of " + file + " cannot be read back (" + why + "); they return when the file is"
                    + " indexed again");
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (open != null) {
            FileChannel ch = open;
            open = null;
            openPath = null;
            ch.close();
        }
    }
}
