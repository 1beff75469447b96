package dev.papernotes.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FileSwitchDirectory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * How the server reads its index files. Memory-mapped pages count in the process's resident
 * memory once touched, and a session of completions and hovers over a million papers touches
 * hundreds of megabytes of scattered pages (doc values, terms, postings, stored fields): resident
 * for the life of the process, though they are only page cache. Those files are read with
 * positional reads instead, through the same page cache, which the kernel keeps or reclaims but
 * which is then not the server's. The files walked byte by byte in every lookup (completion and
 * mention FSTs, terms indexes) stay mapped.
 */
final class IndexFiles {
    /** Extensions read through a mapping: FSTs walked arc by arc. */
    static final Set<String> MAPPED = Set.of("lkp", "tip", "fst");

    private IndexFiles() {
    }

    static Directory open(Path path) throws IOException {
        MMapDirectory mapped = new MMapDirectory(path);
        if ("mmap".equals(System.getProperty("papernotes.index.read"))) {
            return mapped;
        }
        String only = System.getProperty("papernotes.index.mapped");
        Set<String> extensions = only == null ? MAPPED : Set.of(only.split(","));
        return new FileSwitchDirectory(extensions, mapped, new NIOFSDirectory(path), true);
    }
}
