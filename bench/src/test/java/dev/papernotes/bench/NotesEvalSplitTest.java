package dev.papernotes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-collection splits of sources.tsv: a fresh held-out scored in its own split, a retired one counted as tune. */
class NotesEvalSplitTest {
    private static final List<String> SOURCES = List.of(
            "# kind\tname\tstyle\trepository\tcommit\tpaths\t[split]",
            "notes\told\tpaper notes\ta/old\t0123\t*.md",
            "notes\tnew\tawesome list\tb/new\t4567\tREADME.md\tfresh",
            "notes\tread\tpaper notes, scored once\td/read\tcdef\t*.md\ttune",
            "corpus\tpapers\tsome papers\tc/papers\t89ab\tpapers.csv");

    @Test
    void onlyMarkedRowsHaveAWholeSplit() {
        assertEquals(Map.of("new", "fresh", "read", "tune"), NotesEval.wholeSplits(SOURCES));
        assertEquals(Map.of(), NotesEval.wholeSplits(SOURCES.subList(0, 2)));
    }

    @Test
    void anUnknownSplitMarkerIsRefused() {
        List<String> bad = List.of("notes\tx\tstyle\tr/x\t00\t*.md\theld-out");
        assertThrows(IllegalArgumentException.class, () -> NotesEval.wholeSplits(bad));
    }

    @Test
    void aMarkedCollectionHasItsSplitEverywhereAndTheOthersKeepTheirBlocks() {
        Map<String, String> fresh = Map.of("new", "fresh", "read", "tune");
        for (int line = 1; line < 2000; line += 37) {
            assertEquals("fresh", NotesEval.split(fresh, "new", "README.md", line));
            assertEquals("tune", NotesEval.split(fresh, "read", "a.md", line));
            assertEquals(NotesEval.split("old", "a.md", line), NotesEval.split(fresh, "old", "a.md", line));
        }
    }

    @Test
    void labelsOfAFreshCollectionMustSayFresh(@TempDir Path dir) throws IOException {
        Map<String, String> fresh = Map.of("new", "fresh");
        Path ok = dir.resolve("ok.tsv");
        String oldSplit = NotesEval.split("old", "a.md", 3);
        Files.write(ok, List.of(
                "split\tcollection\trepository\tcommit\tpath\tline\tcolumn\tkind\tname\tverdict",
                "fresh\tnew\tb/new\t4567\tREADME.md\t12\t5\tmention\tMonkey\tright",
                oldSplit + "\told\ta/old\t0123\ta.md\t3\t1\tmention\tKey\twrong"), StandardCharsets.UTF_8);
        assertEquals(2, NotesEval.readLabels(ok, fresh).size());

        Path wrong = dir.resolve("wrong.tsv");
        Files.write(wrong, List.of("tune\tnew\tb/new\t4567\tREADME.md\t12\t5\tmention\tMonkey\tright"),
                StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> NotesEval.readLabels(wrong, fresh));
        Path notFresh = dir.resolve("notfresh.tsv");
        Files.write(notFresh, List.of("fresh\told\ta/old\t0123\ta.md\t3\t1\tmention\tKey\twrong"),
                StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> NotesEval.readLabels(notFresh, fresh));
    }

    @Test
    void theFreshSplitIsScoredApartAndLeavesTheOtherRowsAsTheyWere() {
        Map<String, String> fresh = Map.of("new", "fresh");
        String oldSplit = NotesEval.split("old", "a.md", 3);
        List<NotesEval.Found> found = List.of(
                new NotesEval.Found("old", "a.md", 3, 1, "mention", "Key", ""),
                new NotesEval.Found("new", "README.md", 12, 5, "mention", "Monkey", ""),
                new NotesEval.Found("new", "README.md", 20, 5, "mention", "Fuyu", ""),
                new NotesEval.Found("new", "README.md", 30, 1, "warning", "[[x]]", ""));
        List<NotesEval.Label> labels = List.of(
                new NotesEval.Label(oldSplit, "old", "a.md", 3, 1, "mention", "Key", "wrong"),
                new NotesEval.Label("fresh", "new", "README.md", 12, 5, "mention", "Monkey", "right"),
                new NotesEval.Label("fresh", "new", "README.md", 20, 5, "mention", "Fuyu", "wrong"),
                new NotesEval.Label("fresh", "new", "README.md", 40, 5, "mention", "Otter", "right"),
                new NotesEval.Label("fresh", "new", "README.md", 30, 1, "warning", "[[x]]", "right"));
        String withFresh = NotesEval.score(found, labels, List.of("old", "new"), fresh);
        String oldOnly = NotesEval.score(found.subList(0, 1), labels.subList(0, 1), List.of("old"), Map.of());
        // the old collection's rows are the same with or without the fresh one
        for (String row : oldOnly.split("\n")) {
            if (row.startsWith("| old ") || row.startsWith("| all | tune") || row.startsWith("| all | held-out")) {
                assertTrue(withFresh.contains(row), row + "\n" + withFresh);
            }
        }
        assertTrue(withFresh.contains("| new | fresh | 2 | 2 | 1 | 1 | 0.50 (1/2) | 0.50 (1/2) | 1 | 1 | 0 | 0.00 (0/1) |"),
                withFresh);
        assertTrue(withFresh.contains("| all | fresh | 2 | 2 | 1 | 1 | 0.50 (1/2) | 0.50 (1/2) | 1 | 1 | 0 | 0.00 (0/1) |"),
                withFresh);
        assertTrue(!withFresh.contains("| new | tune") && !withFresh.contains("| new | held-out"), withFresh);
        assertTrue(!oldOnly.contains("fresh"), oldOnly);
    }
    @Test
    void aCollectionMarkedTuneCountsAsTuneAsAWhole(@TempDir Path dir) throws IOException {
        Map<String, String> whole = Map.of("new", "fresh", "read", "tune");
        List<NotesEval.Found> found = List.of(
                new NotesEval.Found("read", "a.md", 3, 1, "mention", "Key", ""),
                new NotesEval.Found("new", "README.md", 12, 5, "mention", "Monkey", ""));
        List<NotesEval.Label> labels = List.of(
                new NotesEval.Label("tune", "read", "a.md", 3, 1, "mention", "Key", "right"),
                new NotesEval.Label("fresh", "new", "README.md", 12, 5, "mention", "Monkey", "wrong"));
        String report = NotesEval.score(found, labels, List.of("read", "new"), whole);
        assertTrue(report.contains("| read | tune | 1 | 1 | 1 | 0 | 1.00 (1/1) | 1.00 (1/1) | 0 | 0 | 0 | – |"), report);
        assertTrue(report.contains("| all | tune | 1 | 1 | 1 | 0 | 1.00 (1/1) | 1.00 (1/1) | 0 | 0 | 0 | – |"), report);
        assertTrue(report.contains("| all | held-out | 0 | 0 | 0 | 0 | – | – | 0 | 0 | 0 | – |"), report);
        assertTrue(report.contains("| all | fresh | 1 | 1 | 0 | 1 | 0.00 (0/1) | – | 0 | 0 | 0 | – |"), report);
        assertTrue(!report.contains("| read | held-out") && !report.contains("| read | fresh"), report);

        Path stale = dir.resolve("stale.tsv");
        Files.write(stale, List.of("fresh\tread\td/read\tcdef\ta.md\t3\t1\tmention\tKey\tright"),
                StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> NotesEval.readLabels(stale, whole));
    }
}
