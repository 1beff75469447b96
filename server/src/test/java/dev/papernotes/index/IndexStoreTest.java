package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.TestCorpus;
import dev.papernotes.corpus.CorpusWarning;
import dev.papernotes.corpus.Occurrence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexStoreTest {
    @TempDir
    Path tmp;

    private Path copySeed(Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(TestCorpus.dir())) {
            for (Path f : (Iterable<Path>) s::iterator) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return to;
    }

    private static List<Paper> all(PaperIndex idx) throws IOException {
        List<Paper> out = new ArrayList<>();
        idx.forEach(out::add);
        return out;
    }

    @Test
    void buildsTheSeedCorpus() throws IOException {
        List<CorpusWarning> warnings = new ArrayList<>();
        try (IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(TestCorpus.dir()), 16)) {
            UpdateResult r = store.update(warnings::add, UpdateProgress.NONE, false);
            assertEquals(List.of(), warnings);
            assertTrue(r.rebuilt());
            assertTrue(r.committed());
            assertEquals(5, r.filesRead());
            assertEquals(497, r.entries());
            assertEquals(413, r.papers());
            // Where the time went, phase by phase, in the order a first build goes through them.
            assertEquals(List.of("scanning corpus", "reading papers", "merging papers", "assigning citekeys",
                    "merging segments", "writing mention dictionary", "committing"), List.copyOf(r.phaseMillis().keySet()));
            long timed = r.phaseMillis().values().stream().mapToLong(Long::longValue).sum();
            assertTrue(timed <= r.millis() && r.phaseMillis().get("reading papers") > 0, r.phaseMillis() + " in " + r.millis());
            try (PaperIndex idx = store.acquire()) {
                List<Paper> papers = all(idx);
                assertEquals(413, papers.size());
                int occurrences = 0;
                for (Paper p : papers) {
                    occurrences += p.occurrences().size();
                    for (Occurrence o : p.occurrences()) {
                        assertEquals(p.title().replace(" ", ""),
                                Files.readAllLines(o.file()).get(o.line() - 1).replace(" ", ""));
                    }
                }
                assertEquals(497, occurrences);
                assertEquals(413, papers.stream().map(Paper::citekey).distinct().count());
                Paper dragonfly = papers.get(0);
                assertTrue(dragonfly.title().startsWith("Dragonfly:"));
                assertEquals(List.of(dragonfly), idx.resolve("dragonfly multi resolution zoom supercharges large visual language model"));
            }
        }
    }

    @Test
    void reopensWithoutReadingAndReadsOnlyChangedFiles() throws IOException {
        Path corpus = copySeed(tmp.resolve("corpus"));
        Path idxDir = tmp.resolve("idx");
        List<Paper> before;
        try (IndexStore store = IndexStore.open(idxDir, List.of(corpus), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                before = all(idx);
            }
        }
        try (IndexStore store = IndexStore.open(idxDir, List.of(corpus), 16)) {
            try (PaperIndex idx = store.acquire()) {
                assertEquals(413, idx.paperCount(), "served from the last commit before any update");
            }
            UpdateResult r = store.update(w -> { }, UpdateProgress.NONE, false);
            assertFalse(r.committed());
            assertEquals(0, r.filesRead());

            // Touched but unchanged: not read again.
            Path page = corpus.resolve("001_1d97baa6bdd1f0cd.txt");
            Files.setLastModifiedTime(page, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
            r = store.update(w -> { }, UpdateProgress.NONE, false);
            assertEquals(0, r.filesRead());

            // A page removed: its papers lose those occurrences; papers only there disappear.
            Files.move(page, tmp.resolve("aside.txt"));
            r = store.update(w -> { }, UpdateProgress.NONE, false);
            assertEquals(0, r.filesRead());
            assertEquals(1, r.filesRemoved());
            try (PaperIndex idx = store.acquire()) {
                assertTrue(idx.paperCount() < 413);
                for (Paper p : all(idx)) {
                    assertTrue(p.occurrences().stream().noneMatch(o -> o.file().endsWith("001_1d97baa6bdd1f0cd.txt")));
                }
            }
            // And back: the same catalog as before, citekeys included.
            Files.move(tmp.resolve("aside.txt"), page);
            r = store.update(w -> { }, UpdateProgress.NONE, false);
            assertEquals(1, r.filesRead());
            try (PaperIndex idx = store.acquire()) {
                assertEquals(before, all(idx));
            }
        }
    }

    /** The core of each segment the store serves, against those a reader from its writer gets. */
    private static void assertServedSegmentsAreTheWritersOwn(IndexStore store) throws IOException {
        List<Object> served = new ArrayList<>();
        try (PaperIndex idx = store.acquire()) {
            for (var leaf : idx.reader().leaves()) {
                served.add(leaf.reader().getCoreCacheHelper().getKey());
            }
        }
        List<Object> writers = new ArrayList<>();
        try (var r = org.apache.lucene.index.DirectoryReader.open(store.writer())) {
            for (var leaf : r.leaves()) {
                writers.add(leaf.reader().getCoreCacheHelper().getKey());
            }
        }
        assertFalse(served.isEmpty());
        assertEquals(writers, served, "each segment opened once, not by the served reader and again by the writer");
    }

    @Test
    void theServedIndexSharesItsSegmentsWithTheWriter() throws IOException {
        Path corpus = copySeed(tmp.resolve("corpus"));
        Path idxDir = tmp.resolve("idx");
        try (IndexStore store = IndexStore.open(idxDir, List.of(corpus), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            assertServedSegmentsAreTheWritersOwn(store);
        }
        try (IndexStore store = IndexStore.open(idxDir, List.of(corpus), 16)) {
            // A start: the check that finds nothing changed reads through the writer too.
            assertFalse(store.update(w -> { }, UpdateProgress.NONE, false).committed());
            assertServedSegmentsAreTheWritersOwn(store);
            Files.move(corpus.resolve("001_1d97baa6bdd1f0cd.txt"), tmp.resolve("aside.txt"));
            assertTrue(store.update(w -> { }, UpdateProgress.NONE, false).committed());
            assertServedSegmentsAreTheWritersOwn(store);
            try (PaperIndex idx = store.acquire()) {
                assertTrue(idx.paperCount() < 413);
            }
        }
    }

    @Test
    void incrementalEqualsFullBuildWhenAPageIsAddedFirstInCorpusOrder() throws IOException {
        Path corpus = copySeed(tmp.resolve("corpus"));
        Path first = corpus.resolve("000_2d47f89bf13333c2.txt");
        Path aside = tmp.resolve("000.txt");
        Files.move(first, aside);
        try (IndexStore store = IndexStore.open(tmp.resolve("inc"), List.of(corpus), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            Files.move(aside, first);
            UpdateResult r = store.update(w -> { }, UpdateProgress.NONE, false);
            assertEquals(1, r.filesRead());
            assertFalse(r.rebuilt());
            try (IndexStore fresh = IndexStore.open(tmp.resolve("full"), List.of(corpus), 16)) {
                fresh.update(w -> { }, UpdateProgress.NONE, false);
                try (PaperIndex a = store.acquire(); PaperIndex b = fresh.acquire()) {
                    assertEquals(all(b), all(a));
                }
            }
        }
    }

    @Test
    void secondStoreOnTheSameFolderIsReadOnlyAndFollowsCommits() throws IOException {
        Path corpus = copySeed(tmp.resolve("corpus"));
        Path idxDir = tmp.resolve("idx");
        try (IndexStore writer = IndexStore.open(idxDir, List.of(corpus), 16);
                IndexStore reader = IndexStore.open(idxDir, List.of(corpus), 16)) {
            assertTrue(writer.isWritable());
            assertFalse(reader.isWritable());
            assertNotNull(reader.openNote());
            try (PaperIndex idx = reader.acquire()) {
                assertEquals(0, idx.paperCount());
            }
            writer.update(w -> { }, UpdateProgress.NONE, false);
            assertTrue(reader.refresh());
            try (PaperIndex idx = reader.acquire()) {
                assertEquals(413, idx.paperCount());
            }
        }
    }

    @Test
    void mentionDictionaryFindsNamesAndTitlesExactly() throws IOException {
        try (IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(TestCorpus.dir()), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                String text = "We tried Dragonfly: Multi-Resolution Zoom Supercharges Large Visual-Language Model today";
                List<Integer> ends = new ArrayList<>();
                idx.mentions().walker().matchesAt(text, 9, text.length(), (end, count) -> ends.add(end));
                assertEquals(text.indexOf(" today"), ends.get(ends.size() - 1));
                List<Integer> none = new ArrayList<>();
                idx.mentions().walker().matchesAt("dragonfly", 0, 9, (end, count) -> none.add(end));
                assertEquals(List.of(), none);
            }
        }
    }

    @Test
    void aMentionDictionaryDamagedInTheMiddleIsReplacedWhileTheIndexServes() throws Exception {
        Path dir = tmp.resolve("idx");
        try (IndexStore store = IndexStore.open(dir, List.of(TestCorpus.dir()), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
        }
        Path fst;
        try (var files = java.nio.file.Files.list(dir)) {
            fst = files.filter(f -> f.getFileName().toString().startsWith("mentions_")).findFirst().orElseThrow();
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(fst);
        bytes[bytes.length / 2] ^= 0x5a; // header and footer intact: only a full check sees it
        java.nio.file.Files.write(fst, bytes);
        try (IndexStore store = IndexStore.open(dir, List.of(TestCorpus.dir()), 16);
                PaperIndex idx = store.acquire()) {
            assertEquals(413, idx.paperCount(), "the index serves before the dictionary is checked");
            MentionDictionary opened = idx.mentions();
            long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (idx.mentions() == opened && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertTrue(idx.mentions() != opened, "the damaged dictionary was replaced");
            String text = "We tried Dragonfly: Multi-Resolution Zoom Supercharges Large Visual-Language Model today";
            List<Integer> ends = new ArrayList<>();
            idx.mentions().walker().matchesAt(text, 9, text.length(), (e, count) -> ends.add(e));
            assertEquals(text.indexOf(" today"), ends.get(ends.size() - 1));
        }
    }

    private static String bib(String secondTitle) {
        return "@article{lovelace2021,\n  title = {Quiet Gradients for Sparse Routing},\n"
                + "  author = {Lovelace, Ada},\n  year = {2021},\n  journal = {Journal of Tests}\n}\n\n"
                + "@inproceedings{babbage2022,\n  title = {" + secondTitle + "},\n"
                + "  author = {Babbage, Charles},\n  year = {2022},\n  booktitle = {Proceedings of Tests}\n}\n";
    }

    private static boolean mentioned(PaperIndex idx, String title) throws IOException {
        String text = "see " + title + " here";
        List<Integer> ends = new ArrayList<>();
        idx.mentions().walker().matchesAt(text, 4, text.length(), (e, count) -> ends.add(e));
        return ends.contains(4 + title.length());
    }

    private static List<String> mentionFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("mentions_")).sorted().toList();
        }
    }

    @Test
    void aLibraryEditIsServedFirstAndItsMentionDictionaryFollowsInTheSameUpdate() throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("lib")).resolve("library.bib");
        Files.writeString(lib, bib("Lanterns over Tabular Benchmarks"));
        Path dir = tmp.resolve("idx");
        try (IndexStore store = IndexStore.open(dir, List.of(lib), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            List<String> before = mentionFiles(dir);
            // Rewritten unchanged (an export run that changed nothing): the dictionary file stays.
            Files.writeString(lib, bib("Lanterns over Tabular Benchmarks"));
            Files.setLastModifiedTime(lib, java.nio.file.attribute.FileTime.fromMillis(
                    Files.getLastModifiedTime(lib).toMillis() + 5000));
            UpdateResult touched = store.update(w -> { }, UpdateProgress.NONE, false);
            assertTrue(touched.committed());
            assertEquals(0, touched.filesRead(), "its hash told it unchanged without reading it");
            assertEquals(before, mentionFiles(dir));

            Files.writeString(lib, bib("Harbor Lights for Streaming Retrieval"));
            List<Boolean> servedWithOldDictionary = new ArrayList<>();
            UpdateResult r = store.update(w -> { }, new UpdateProgress() {
                @Override
                public void phase(String name) {
                    if (name.equals("writing mention dictionary")) {
                        try (PaperIndex idx = store.acquire()) {
                            boolean newPaper = all(idx).stream()
                                    .anyMatch(p -> p.title().equals("Harbor Lights for Streaming Retrieval"));
                            servedWithOldDictionary.add(newPaper && mentioned(idx, "Lanterns over Tabular Benchmarks")
                                    && !mentioned(idx, "Harbor Lights for Streaming Retrieval"));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }
            }, false);
            assertEquals(List.of(true), servedWithOldDictionary, "the edit was served before its dictionary was built");
            assertTrue(r.servedMillis() <= r.millis());
            try (PaperIndex idx = store.acquire()) {
                assertTrue(mentioned(idx, "Harbor Lights for Streaming Retrieval"));
                assertFalse(mentioned(idx, "Lanterns over Tabular Benchmarks"));
            }
            assertEquals(1, mentionFiles(dir).size());
            assertFalse(before.equals(mentionFiles(dir)));
        }
    }

    @Test
    void aDictionaryLeftBehindByAStoppedUpdateIsRebuiltByTheNext() throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("lib")).resolve("library.bib");
        Files.writeString(lib, bib("Lanterns over Tabular Benchmarks"));
        Path dir = tmp.resolve("idx");
        try (IndexStore store = IndexStore.open(dir, List.of(lib), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            Files.writeString(lib, bib("Harbor Lights for Streaming Retrieval"));
            // Stopped after the papers were committed, before the dictionary was (a kill, say).
            UpdateProgress stop = new UpdateProgress() {
                @Override
                public void phase(String name) {
                    if (name.equals("writing mention dictionary")) {
                        throw new IllegalStateException("stopped");
                    }
                }
            };
            assertThrows(IllegalStateException.class, () -> store.update(w -> { }, stop, false));
        }
        try (IndexStore store = IndexStore.open(dir, List.of(lib), 16)) {
            try (PaperIndex idx = store.acquire()) {
                assertTrue(all(idx).stream().anyMatch(p -> p.title().equals("Harbor Lights for Streaming Retrieval")));
                assertFalse(mentioned(idx, "Harbor Lights for Streaming Retrieval"), "the dictionary is behind");
            }
            UpdateResult r = store.update(w -> { }, UpdateProgress.NONE, false);
            assertEquals(0, r.filesRead());
            assertTrue(r.committed(), "a dictionary behind its papers is written again");
            try (PaperIndex idx = store.acquire()) {
                assertTrue(mentioned(idx, "Harbor Lights for Streaming Retrieval"));
            }
        }
    }

    @Test
    void aThreadInterruptedWhileReadingTheIndexBreaksNothingForTheOthers() throws Exception {
        try (IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(TestCorpus.dir()), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                String id = idx.idsByMention("Dragonfly", 5).ids().get(0);
                Thread reader = new Thread(() -> {
                    Thread.currentThread().interrupt(); // as a cancelled job's thread would be
                    for (int i = 0; i < 20; i++) {
                        try {
                            idx.search("vision language model " + i, 10);
                            idx.get(id);
                        } catch (IOException | RuntimeException e) {
                            // this thread may fail; the others must not
                        }
                    }
                });
                reader.start();
                reader.join();
                // Positional reads on a FileChannel would now fail for everyone (channel closed by the interrupt).
                assertEquals("Dragonfly", idx.get(id).methods().get(0));
                assertFalse(idx.search("zoom multi-resolution", 5).isEmpty());
            }
        }
    }
}
