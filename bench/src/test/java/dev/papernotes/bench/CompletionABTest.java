package dev.papernotes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.index.IndexStore;
import dev.papernotes.index.UpdateProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same build on both sides (this test's class path): each side answers from a class loader of
 * its own, both agree on every answer, every round after the first is timed on both, and the index
 * copies are gone afterwards while the index itself is untouched.
 */
class CompletionABTest {
    @Test
    void oneBuildOnBothSidesAgreesWithItselfFromTwoLoaders(@TempDir Path tmp) throws Exception {
        Path index = tmp.resolve("index");
        try (IndexStore store = IndexStore.open(index, List.of(TestCorpora.standard()), 16)) {
            assertTrue(store.update(w -> { }, UpdateProgress.NONE, false).committed());
        }
        List<String> filesBefore = names(index);
        String classpath = System.getProperty("java.class.path");
        CompletionAB.Options o = new CompletionAB.Options(index, TestCorpora.standard(), TestCorpora.truth(),
                classpath, classpath, 40, 3, true, true);

        List<List<String>> questions = CompletionAB.questions(o);
        assertEquals(3, questions.size());
        for (List<String> round : questions) {
            assertTrue(round.size() > 20, "each round types names: " + round.size());
        }

        CompletionAB.Result r = CompletionAB.run(o);
        assertNotSame(r.loaderA(), r.loaderB());
        assertNotSame(CompletionAB.class.getClassLoader(), r.loaderA());
        assertNotSame(CompletionAB.class.getClassLoader(), r.loaderB());
        assertEquals(2, r.a().length, "the first round is the JIT's, not counted");
        for (int i = 0; i < 2; i++) {
            assertEquals(questions.get(i + 1).size(), r.a()[i].length);
            assertEquals(questions.get(i + 1).size(), r.b()[i].length);
        }
        int all = questions.stream().mapToInt(List::size).sum();
        assertEquals(all, r.questions());
        assertEquals(0, r.differing(), "first differing: " + r.firstDiffering());
        String report = CompletionAB.report(r, "a.jar", "b.jar");
        assertTrue(report.contains("answers differing: 0 of " + all), report);
        assertTrue(report.contains("b/a of the round means: median"), report);

        assertEquals(filesBefore, names(index), "the index itself is not written");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("index"), s.map(p -> p.getFileName().toString()).toList(), "copies removed");
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("write.lock")).sorted().toList();
        }
    }
}
