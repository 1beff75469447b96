package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.JarProcess;
import dev.papernotes.JarProcess.Result;
import dev.papernotes.TestCorpus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens to the index when processes die or share it, with the real jar in real processes. */
class IndexDurabilityIT {
    @TempDir
    Path tmp;

    /** Daily-papers pages of distinct synthetic papers, big enough that indexing takes seconds. */
    static void writeSyntheticPages(Path dir, int pages, int perPage) throws IOException {
        Files.createDirectories(dir);
        String filler = "The method is evaluated on many benchmarks and compared with strong baselines. ".repeat(14);
        for (int p = 0; p < pages; p++) {
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(String.format("zz-synthetic-%03d.txt", p)),
                    StandardCharsets.UTF_8)) {
                w.write("new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nMay 2\n\n");
                for (int i = 0; i < perPage; i++) {
                    int n = p * perPage + i;
                    w.write("Synthex" + n + ": Scalable Study Number " + n + " of Synthetic Topics\n\n");
                    w.write("We propose Synthex" + n + ", a method for topic " + n + ". " + filler + "\n\n");
                }
            }
        }
    }

    private static int paperCount(Path index) throws IOException {
        try (FSDirectory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            return new org.apache.lucene.search.IndexSearcher(r).count(
                    new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("type", "paper")));
        }
    }

    private static void assertClean(Path index) throws IOException {
        try (FSDirectory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
            CheckIndex.Status status = check.checkIndex();
            assertTrue(status.clean, "index is not clean after the kill");
        }
    }

    @Test
    void killDuringIndexingLeavesTheLastCommitAndTheNextRunFinishes() throws Exception {
        Path corpus = tmp.resolve("corpus");
        Files.createDirectories(corpus);
        for (Path f : Files.list(TestCorpus.dir()).toList()) {
            Files.copy(f, corpus.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path index = tmp.resolve("index");
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Result first = JarProcess.run(tmp, cache, "index", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, first.status(), first.err());
        assertEquals(413, paperCount(index));

        writeSyntheticPages(corpus, 40, 1000);
        for (int attempt = 0; attempt < 3; attempt++) {
            Process p = JarProcess.builder(tmp, cache, "index", "--corpus", corpus.toString(), "--index", index.toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile()).start();
            Thread.sleep(1500 + 700L * attempt);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            assertTrue(p.exitValue() != 0, "the kill came too late to prove anything");
            assertClean(index);
            assertEquals(413, paperCount(index), "a killed run must leave the last commit");
        }
        Result last = JarProcess.run(tmp, cache, "index", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, last.status(), last.err());
        assertEquals(413 + 40_000, paperCount(index));
        assertClean(index);
    }

    @Test
    void twoProcessesOnOneIndexBothWork() throws Exception {
        Path corpus = tmp.resolve("corpus");
        writeSyntheticPages(corpus, 10, 1000);
        Path index = tmp.resolve("index");
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        String[] args = {"index", "--corpus", corpus.toString(), "--index", index.toString()};
        Process a = JarProcess.builder(tmp, cache, args).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("a.log").toFile()).start();
        Process b = JarProcess.builder(tmp, cache, args).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("b.log").toFile()).start();
        // While they work, a reader on the same folder is answered too (from the last commit).
        Result search = JarProcess.run(tmp, cache, "search", "Synthex7", "--corpus", corpus.toString(),
                "--index", index.toString());
        assertTrue(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, a.exitValue(), Files.readString(tmp.resolve("a.log")));
        assertEquals(0, b.exitValue(), Files.readString(tmp.resolve("b.log")));
        assertEquals(0, search.status(), search.err());
        assertEquals(10_000, paperCount(index));
        for (String log : List.of(Files.readString(tmp.resolve("a.log")), Files.readString(tmp.resolve("b.log")))) {
            assertTrue(log.contains(" 10000 papers ("), log);
        }
        Result after = JarProcess.run(tmp, cache, "search", "Synthex7", "--corpus", corpus.toString(),
                "--index", index.toString(), "--limit", "1");
        assertTrue(after.out().contains("Synthex7:"), after.out());
    }
}
