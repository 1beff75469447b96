package dev.papernotes.index;

import static dev.papernotes.index.IndexSchema.ABSTRACT;
import static dev.papernotes.index.IndexSchema.ABSTRACT_FROM;
import static dev.papernotes.index.IndexSchema.TITLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page's abstracts are read from the page, not kept a second time in the index: what a paper says
 * stays what the page says through reads, changes behind the index's back, and updates.
 */
class AbstractSpansIndexTest {
    private static final String ALPHA = "We propose Alpha, a method for sparse attention that works well on long inputs.";
    private static final String BETA = "We introduce Beta, which prunes tokens in vision transformers with no loss at all.";
    private static final String GAMMA = "We present Gamma, a retrieval model that is trained end to end on many tasks.";

    @TempDir
    Path tmp;

    private static String page(String... titleAbstract) {
        StringBuilder sb = new StringBuilder("new\n\nMar 11\n\n");
        for (int i = 0; i < titleAbstract.length; i += 2) {
            sb.append(titleAbstract[i]).append("\n\n").append(titleAbstract[i + 1]).append("\n\n");
        }
        return sb.toString();
    }

    private static void write(Path file, String text) throws IOException {
        boolean existed = Files.exists(file);
        FileTime before = existed ? Files.getLastModifiedTime(file) : null;
        Files.writeString(file, text, StandardCharsets.UTF_8);
        if (existed) {
            // A change the update sees even within the file system's time resolution.
            Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 10_000));
        }
    }

    private static Map<String, String> abstracts(PaperIndex idx) throws IOException {
        Map<String, String> out = new TreeMap<>();
        idx.forEach(p -> out.put(p.title(), p.abstractText()));
        return out;
    }

    private static String abstractOf(PaperIndex idx, String name) throws IOException {
        List<Paper> found = idx.resolve(name);
        assertEquals(1, found.size(), name + ": " + found);
        return found.get(0).abstractText();
    }

    /** Title → whether the stored document keeps its abstract as text (else as a span). */
    private static Map<String, Boolean> storedAsText(PaperIndex idx) throws IOException {
        Map<String, Boolean> out = new TreeMap<>();
        DirectoryReader reader = idx.reader();
        for (int d = 0; d < reader.maxDoc(); d++) {
            Document doc = reader.storedFields().document(d);
            if (doc.get(TITLE) != null) {
                out.put(doc.get(TITLE), doc.get(ABSTRACT) != null);
                if (doc.get(ABSTRACT) == null) {
                    assertNotNull(doc.getField(ABSTRACT_FROM), doc.get(TITLE));
                }
            }
        }
        return out;
    }

    private IndexStore open(Path corpus) throws IOException {
        IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(corpus), 16);
        store.update(w -> { }, UpdateProgress.NONE, false);
        return store;
    }

    @Test
    void pageAbstractsAreReadFromThePageNotStoredTwice() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        write(corpus.resolve("p1.txt"), page("Alpha: Sparse Attention", ALPHA, "Beta: Token Pruning", BETA));
        // An abstract with bytes that are not UTF-8 is not what the page says byte for byte: kept as text.
        byte[] damaged = page("Gamma: Retrieval at Scale", GAMMA.replace("retrieval", "retrieval \u0000"))
                .getBytes(StandardCharsets.UTF_8);
        int nul = indexOf(damaged, (byte) 0);
        damaged[nul] = (byte) 0xC3;
        Files.write(corpus.resolve("p2.txt"), damaged);
        try (IndexStore store = open(corpus); PaperIndex idx = store.acquire()) {
            assertEquals(Map.of("Alpha: Sparse Attention", false, "Beta: Token Pruning", false,
                    "Gamma: Retrieval at Scale", true), storedAsText(idx));
            assertEquals(Map.of("Alpha: Sparse Attention", ALPHA, "Beta: Token Pruning", BETA,
                    "Gamma: Retrieval at Scale", GAMMA.replace("retrieval", "retrieval \uFFFD")), abstracts(idx));
            assertEquals(BETA, abstractOf(idx, "Beta"));
            assertEquals(BETA, idx.search("prunes tokens", 5).get(0).abstractText());
            // Listings that show no abstract read none, whether kept in the page or in the index.
            List<String> listed = new ArrayList<>();
            idx.forEach(p -> listed.add(p.title() + "|" + p.abstractText()), false);
            assertEquals(List.of("Alpha: Sparse Attention|", "Beta: Token Pruning|", "Gamma: Retrieval at Scale|"), listed);
            String id = idx.resolveIds("Gamma").get(0);
            assertEquals("", idx.getWithoutAbstract(id).abstractText());
            assertEquals(idx.get(id).occurrences(), idx.getWithoutAbstract(id).occurrences());
        }
    }

    @Test
    void aPageChangedBehindTheIndexGivesNoAbstractUntilItIsReadAgain() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Path p1 = corpus.resolve("p1.txt");
        write(p1, page("Alpha: Sparse Attention", ALPHA, "Beta: Token Pruning", BETA));
        try (IndexStore store = open(corpus)) {
            String beta2 = BETA.replace("no loss", "a small loss");
            write(p1, page("Alpha: Sparse Attention", ALPHA, "Beta: Token Pruning", beta2));
            try (PaperIndex idx = store.acquire()) {
                assertEquals(ALPHA, abstractOf(idx, "Alpha"), "bytes before the change are still the abstract");
                assertEquals("", abstractOf(idx, "Beta"), "never another text than the page's");
            }
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                assertEquals(beta2, abstractOf(idx, "Beta"));
            }
            Files.delete(p1);
            try (PaperIndex idx = store.acquire()) {
                assertEquals("", abstractOf(idx, "Beta"), "a page gone is no abstract, not an error");
            }
        }
    }

    /** A snapshot keeps the papers it has read by id; the page's bytes are still read each time. */
    @Test
    void aPaperReadAgainByIdSaysWhatItsPageSaysNowAndANewerSnapshotWhereItIs() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Path p1 = corpus.resolve("p1.txt");
        write(p1, page("Alpha: Sparse Attention", ALPHA, "Beta: Token Pruning", BETA));
        try (IndexStore store = open(corpus)) {
            String id;
            try (PaperIndex idx = store.acquire()) {
                id = idx.resolveIds("Beta").get(0);
                for (int i = 0; i < 3; i++) {
                    assertEquals(BETA, idx.get(id).abstractText());
                    assertEquals(idx.get(id).occurrences(), idx.getWithoutAbstract(id).occurrences());
                }
                write(p1, page("Alpha: Sparse Attention", ALPHA, "Beta: Token Pruning", BETA.replace("no loss", "a loss")));
                assertEquals("", idx.get(id).abstractText(), "never another text than the page's, read before or not");
                assertEquals("Beta: Token Pruning", idx.getWithoutAbstract(id).title());
            }
            // The paper moves to another page: the snapshot after the update reads it there.
            Path p2 = corpus.resolve("p2.txt");
            write(p2, page("Gamma: Retrieval at Scale", GAMMA, "Beta: Token Pruning", BETA));
            write(p1, page("Alpha: Sparse Attention", ALPHA));
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                assertEquals(List.of(p2), idx.getWithoutAbstract(id).occurrences().stream().map(o -> o.file()).toList());
                assertEquals(BETA, idx.get(id).abstractText());
                assertNull(idx.get("0000000000000000"));
                assertNull(idx.getWithoutAbstract("0000000000000000"));
            }
        }
    }

    @Test
    void aPaperOnTwoPagesKeepsItsAbstractWhenEitherPageChanges() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Path p1 = corpus.resolve("p1.txt");
        Path p2 = corpus.resolve("p2.txt");
        write(p1, page("Alpha: Sparse Attention", ALPHA));
        write(p2, page("Beta: Token Pruning", BETA, "Alpha: Sparse Attention", ALPHA));
        try (IndexStore store = open(corpus)) {
            try (PaperIndex idx = store.acquire()) {
                assertEquals(2, idx.resolve("Alpha").get(0).occurrences().size());
                assertEquals(ALPHA, abstractOf(idx, "Alpha"));
            }
            // The page the abstract was read from loses the paper, and its other bytes move.
            write(p1, page("Gamma: Retrieval at Scale", GAMMA));
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                assertEquals(1, idx.resolve("Alpha").get(0).occurrences().size());
                assertEquals(ALPHA, abstractOf(idx, "Alpha"));
                assertEquals(GAMMA, abstractOf(idx, "Gamma"));
            }
            // The paper comes back on the first page, and the second page's bytes move under it.
            write(p1, page("Gamma: Retrieval at Scale", GAMMA, "Alpha: Sparse Attention", ALPHA));
            store.update(w -> { }, UpdateProgress.NONE, false);
            write(p2, page("Delta: A Longer Title Than Before", GAMMA, "Beta: Token Pruning", BETA,
                    "Alpha: Sparse Attention", ALPHA));
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                assertEquals(2, idx.resolve("Alpha").get(0).occurrences().size());
                assertEquals(Map.of("Alpha: Sparse Attention", ALPHA, "Beta: Token Pruning", BETA,
                        "Delta: A Longer Title Than Before", GAMMA, "Gamma: Retrieval at Scale", GAMMA), abstracts(idx));
                List<String> asText = new ArrayList<>();
                storedAsText(idx).forEach((t, text) -> {
                    if (text) {
                        asText.add(t);
                    }
                });
                assertEquals(List.of(), asText);
            }
        }
    }

    private static String arxivLine(String id, String title, String abstractText) {
        return "{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"abstract\": \"  " + abstractText
                + "\\n\", \"categories\": \"cs.LG\"}\n";
    }

    @Test
    void arxivLinesThatMoveKeepTheirAbstracts() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Path lines = corpus.resolve("arxiv.jsonl");
        write(lines, arxivLine("2401.00001", "Alpha: Sparse Attention", ALPHA)
                + arxivLine("2401.00002", "Beta: Token Pruning", BETA));
        try (IndexStore store = open(corpus)) {
            try (PaperIndex idx = store.acquire()) {
                assertEquals(Map.of("Alpha: Sparse Attention", false, "Beta: Token Pruning", false), storedAsText(idx));
                assertEquals(BETA, abstractOf(idx, "Beta"));
            }
            // A line put first: the others are unchanged (not parsed again), but start further on.
            write(lines, arxivLine("2401.00003", "Gamma: Retrieval at Scale", GAMMA + " A much longer line.")
                    + arxivLine("2401.00001", "Alpha: Sparse Attention", ALPHA)
                    + arxivLine("2401.00002", "Beta: Token Pruning", BETA));
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                assertEquals(Map.of("Alpha: Sparse Attention", ALPHA, "Beta: Token Pruning", BETA,
                        "Gamma: Retrieval at Scale", GAMMA + " A much longer line."), abstracts(idx));
                assertEquals(ALPHA, abstractOf(idx, "Alpha"));
                assertEquals(3, idx.resolve("Beta").get(0).occurrences().get(0).line());
            }
            // One line changed, the one after it moved.
            String alpha2 = ALPHA.replace("long inputs", "very long inputs");
            write(lines, arxivLine("2401.00003", "Gamma: Retrieval at Scale", GAMMA + " A much longer line.")
                    + arxivLine("2401.00001", "Alpha: Sparse Attention", alpha2)
                    + arxivLine("2401.00002", "Beta: Token Pruning", BETA));
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                assertEquals(alpha2, abstractOf(idx, "Alpha"));
                assertEquals(BETA, abstractOf(idx, "Beta"));
            }
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("no such byte");
    }

    @Test
    void noSpanAtAllForAnEmptyAbstract() {
        assertNull(new dev.papernotes.corpus.CorpusEntry("T", "", null, null,
                dev.papernotes.corpus.AbstractSpan.of(dev.papernotes.corpus.CorpusFormat.DAILY_PAGES, 0, 1, ""))
                .abstractSpan());
    }
}
