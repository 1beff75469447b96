package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full build keeps its identity table bounded: past {@link IndexUpdater#clustersPerTable} the
 * keys of written papers go to a filter and repeats of them are merged through the index. The
 * papers, their occurrences and citekeys must be exactly those of a build with one exact table.
 */
class BoundedBuildTest {
    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        IndexUpdater.clustersPerTable = IndexUpdater.MAX_CLUSTERS;
        IndexUpdater.citekeyBasesPerTableForTests = 0;
        IndexUpdater.fileCharsHeld = IndexUpdater.MAX_FILE_CHARS;
    }

    /**
     * 60 pages of 20 tiny papers; a fifth of the entries repeat a paper from far back (beyond the
     * pages a paper is held for) or nearby; titles share their words, so generated citekeys collide.
     */
    private Path corpus() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("corpus"));
        Random random = new Random(16);
        String[] heads = {"Lumo", "Kavi", "Tesra", "Orin", "Pax"};
        String[] tails = {"small models", "long context", "sparse attention", "video tokens"};
        List<String[]> written = new ArrayList<>();
        int next = 0;
        for (int page = 0; page < 60; page++) {
            StringBuilder text = new StringBuilder("Mar 11\n\n");
            for (int i = 0; i < 20; i++) {
                String[] paper;
                if (!written.isEmpty() && random.nextInt(5) == 0) {
                    paper = written.get(random.nextBoolean() ? random.nextInt(Math.min(40, written.size()))
                            : written.size() - 1 - random.nextInt(Math.min(200, written.size())));
                } else {
                    String name = heads[random.nextInt(heads.length)] + (next % 7 == 0 ? "" : Integer.toString(next, 36));
                    paper = new String[] {name + ": " + tails[random.nextInt(tails.length)] + " " + next,
                        "We propose " + name + ", which studies " + tails[next % tails.length] + " at scale."};
                    written.add(paper);
                    next++;
                }
                text.append(paper[0]).append("\n\n").append(paper[1]).append("\n\n");
            }
            Files.writeString(dir.resolve(String.format("page-%03d.txt", page)), text);
        }
        return dir;
    }

    private static List<String> build(Path index, Path corpus) throws IOException {
        List<String> out = new ArrayList<>();
        try (IndexStore store = IndexStore.open(index, List.of(corpus), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                idx.forEach(p -> out.add(p.id() + " " + p.citekey() + " " + p.title() + " " + p.methods() + " "
                        + p.occurrences().stream().map(o -> o.file().getFileName() + ":" + o.line()).toList()));
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> difference(List<String> exact, List<String> bounded) {
        List<String> out = new ArrayList<>();
        for (String p : exact) {
            if (!bounded.contains(p) && out.size() < 10) {
                out.add("- " + p);
            }
        }
        for (String p : bounded) {
            if (!exact.contains(p) && out.size() < 20) {
                out.add("+ " + p);
            }
        }
        return out;
    }

    @Test
    void aRolledOverTableGivesTheSamePapersAsOneExactTable() throws IOException {
        Path corpus = corpus();
        List<String> exact = build(tmp.resolve("exact"), corpus);
        IndexUpdater.clustersPerTable = 100;
        List<String> bounded = build(tmp.resolve("bounded"), corpus);
        assertTrue(exact.size() > 800, "papers: " + exact.size());
        assertEquals(List.of(), difference(exact, bounded), "papers only in one of the builds (- exact, + bounded)");
        assertEquals(exact.size(), bounded.size());
    }

    @Test
    void citekeyCountsThatStartAgainGiveTheSamePapersAsOneExactTable() throws IOException {
        Path corpus = corpus();
        List<String> exact = build(tmp.resolve("exact"), corpus);
        IndexUpdater.clustersPerTable = 100;
        IndexUpdater.citekeyBasesPerTableForTests = 50; // counted anew at every roll-over
        List<String> bounded = build(tmp.resolve("bounded"), corpus);
        assertEquals(List.of(), difference(exact, bounded), "papers only in one of the builds (- exact, + bounded)");
        assertEquals(exact.size(), bounded.size());
    }

    @Test
    void everyHeaderSaysWhatItsStoredPaperSays() throws IOException {
        // Lists and diagnostics read headers instead of stored papers: their titles and citekeys,
        // settled after the papers were written when citekeys collide, must be the same.
        IndexUpdater.clustersPerTable = 100;
        IndexUpdater.citekeyBasesPerTableForTests = 50;
        int checked = 0;
        try (IndexStore store = IndexStore.open(tmp.resolve("headers"), List.of(corpus()), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                List<Paper> papers = new ArrayList<>();
                idx.forEach(papers::add);
                for (Paper p : papers) {
                    PaperHeader h = idx.headerById(p.id());
                    assertEquals(p.title() + " @" + p.citekey(), h.title() + " @" + h.citekey(), p.id());
                    checked++;
                }
                assertTrue(papers.stream().map(Paper::citekey).anyMatch(k -> k.matches(".*\\d[a-z]$")),
                        "some citekeys collided and were settled with a suffix");
            }
        }
        assertTrue(checked > 800, "papers: " + checked);
    }

    @Test
    void citekeyCountsOutliveIdentityRollOversWithinTheirBound() throws IOException {
        Path corpus = corpus();
        IndexUpdater.clustersPerTable = 100;
        for (int bases : new int[] {0, 50}) {
            IndexUpdater.citekeyBasesPerTableForTests = bases;
            try (Directory dir = IndexFiles.open(Files.createDirectories(tmp.resolve("direct-" + bases)));
                    IndexWriter writer = IndexStore.openWriter(dir, 16, IndexWriterConfig.OpenMode.CREATE)) {
                IndexUpdater updater = new IndexUpdater(writer, List.of(corpus), w -> { }, UpdateProgress.NONE);
                assertTrue(updater.apply());
                assertTrue(updater.rollOvers() >= 5, "roll-overs: " + updater.rollOvers());
                if (bases == 0) {
                    assertEquals(0, updater.citekeyRollOvers(), "a few hundred bases stay in one table");
                } else {
                    assertTrue(updater.citekeyRollOvers() >= 2, "citekey roll-overs: " + updater.citekeyRollOvers());
                }
                writer.rollback();
            }
        }
    }

    @Test
    void theIdentityTableStaysWithinItsBoundPlusThePapersHeld() throws IOException {
        Path corpus = corpus();
        IndexUpdater.clustersPerTable = 100;
        try (Directory dir = IndexFiles.open(Files.createDirectories(tmp.resolve("direct")));
                IndexWriter writer = IndexStore.openWriter(dir, 16, IndexWriterConfig.OpenMode.CREATE)) {
            IndexUpdater updater = new IndexUpdater(writer, List.of(corpus), w -> { }, UpdateProgress.NONE);
            assertTrue(updater.apply());
            assertTrue(updater.rollOvers() >= 5, "roll-overs: " + updater.rollOvers());
            // 32 pages of 20 entries are held at most, and filed again in each new table
            assertTrue(updater.largestIdentityTable() <= 100 + 32 * 20 + 1,
                    "largest table: " + updater.largestIdentityTable());
            writer.rollback();
        }
    }

    /**
     * One arXiv-metadata file of 600 entries with abstracts of a few hundred characters; a fifth
     * repeat an earlier entry (the same arXiv id, a later version's metadata) from near or far back.
     */
    private Path libraryFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("library"));
        Random random = new Random(17);
        String[] words = {"sparse", "attention", "retrieval", "heads", "long", "context", "video", "tokens", "small"};
        StringBuilder file = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String line;
            if (lines.size() > 10 && random.nextInt(5) == 0) {
                int back = random.nextBoolean() ? 1 + random.nextInt(10) : 1 + random.nextInt(lines.size());
                line = lines.get(lines.size() - back);
            } else {
                StringBuilder abs = new StringBuilder("We study");
                for (int w = 40 + random.nextInt(60); w > 0; w--) {
                    abs.append(' ').append(words[random.nextInt(words.length)]);
                }
                line = "{\"id\": \"2401." + String.format("%05d", i) + "\", \"title\": \"Tesra"
                        + Integer.toString(i, 36) + ": " + words[i % words.length] + " at scale\", "
                        + "\"authors\": \"A. Lumo and B. Kavi\", \"abstract\": \"" + abs + ".\", "
                        + "\"categories\": \"cs.CL\"}";
                lines.add(line);
            }
            file.append(line).append('\n');
        }
        Files.writeString(dir.resolve("arxiv-metadata.jsonl"), file);
        return dir;
    }

    @Test
    void aLibraryFileHeldInPartsGivesTheSamePapersAsOneHeldWhole() throws IOException {
        Path library = libraryFile();
        List<String> whole = build(tmp.resolve("whole"), library);
        IndexUpdater.fileCharsHeld = 20_000; // about 30 of its entries
        List<String> parts = build(tmp.resolve("parts"), library);
        assertTrue(whole.size() > 400, "papers: " + whole.size());
        assertEquals(List.of(), difference(whole, parts), "papers only in one of the builds (- whole, + parts)");
        assertEquals(whole.size(), parts.size());
        try (Directory dir = IndexFiles.open(Files.createDirectories(tmp.resolve("direct")));
                IndexWriter writer = IndexStore.openWriter(dir, 16, IndexWriterConfig.OpenMode.CREATE)) {
            IndexUpdater updater = new IndexUpdater(writer, List.of(library), w -> { }, UpdateProgress.NONE);
            assertTrue(updater.apply());
            long entry = 1_000; // checked after each entry: the one that crosses it counts first
            assertTrue(updater.largestFileChars() <= 20_000 + entry, "held at most: " + updater.largestFileChars());
            assertTrue(updater.largestFileChars() > 10_000, "held at most: " + updater.largestFileChars());
            writer.rollback();
        }
    }
}
