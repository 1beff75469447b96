package dev.papernotes.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.lucene.store.Directory;
import org.apache.lucene.misc.store.RAFDirectory;
import org.apache.lucene.store.FileSwitchDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.MMapDirectory;

/**
 * How the server reads its index files. Memory-mapped pages count in the process's resident
 * memory once touched, and a session of completions and hovers over a million papers touches
 * hundreds of megabytes of scattered pages (doc values, terms, postings, stored fields): resident
 * for the life of the process, though they are only page cache. Those files are read with
 * positional reads instead, through the same page cache, which the kernel keeps or reclaims but
 * which is then not the server's. The files walked byte by byte in every lookup (completion and
 * mention FSTs, terms indexes) stay mapped: read otherwise, suggest took 2-3 times and a note's
 * analysis 7 times as long (1M papers). So do norms (a byte per paper and field, 5 MB at 1M
 * papers): a merge reads the merged segment's norm of every document of every term it writes, at
 * random, and read positionally that was a 1 KB read per lookup, two merge threads queueing on
 * the file's lock: 1.5 million reads and two thirds of a 100k build's merge time.
 *
 * <p>Positional reads go through {@code RandomAccessFile} ({@link RAFDirectory}), not a {@code FileChannel}
 * ({@code NIOFSDirectory}): an interrupt of any thread blocked in a channel read closes the
 * channel for every reader of that file, and the index would fail until a restart.
 *
 * <p>A file read once from end to end (a checksum: the mention dictionary's after each commit,
 * every file's after an unclean stop) is read positionally whatever its extension: through a
 * mapping, checking the 150 MB mention dictionary of a million papers made all of it resident at
 * once, the server's peak.
 */
final class IndexFiles {
    /** Extensions read through a mapping: FSTs walked arc by arc, norms looked up per document. */
    static final Set<String> MAPPED = Set.of("lkp", "tip", "fst", "nvd");

    private IndexFiles() {
    }

    static Directory open(Path path) throws IOException {
        MMapDirectory mapped = new MMapDirectory(path);
        if ("mmap".equals(System.getProperty("papernotes.index.read"))) {
            return mapped;
        }
        String only = System.getProperty("papernotes.index.mapped");
        Set<String> extensions = only == null ? MAPPED : Set.of(only.split(","));
        RAFDirectory positional = new RAFDirectory(path);
        return new ReadOncePositional(new FileSwitchDirectory(extensions, mapped, positional, true), positional);
    }

    /** Sends inputs opened to be read once to positional reads; closing it closes both. */
    private static final class ReadOncePositional extends FilterDirectory {
        private final Directory positional;

        ReadOncePositional(Directory in, Directory positional) {
            super(in);
            this.positional = positional;
        }

        @Override
        public IndexInput openInput(String name, IOContext context) throws IOException {
            return context.readOnce ? positional.openInput(name, context) : in.openInput(name, context);
        }
    }
}
