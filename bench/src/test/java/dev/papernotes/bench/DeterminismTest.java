package dev.papernotes.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
    @TempDir
    Path tmp;

    private static CorpusGenerator.Options options(Path out, long seed, int threads, double damage) {
        return new CorpusGenerator.Options(1500, out, seed, 120, 0.17, damage, threads, null);
    }

    private static void assertSameFiles(Path a, Path b) throws IOException {
        List<String> names;
        try (var s = Files.list(a)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (var s = Files.list(b)) {
            assertEquals(names, s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(names.size() > 10, "expected a few dozen pages, got " + names);
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(a.resolve(n)), Files.readAllBytes(b.resolve(n)), n);
        }
    }

    @Test
    void sameArgumentsGiveIdenticalBytesWhateverTheThreadCount() throws IOException {
        TestCorpora.generate(options(tmp.resolve("a"), 7, 1, 0));
        TestCorpora.generate(options(tmp.resolve("b"), 7, 3, 0));
        assertSameFiles(tmp.resolve("a"), tmp.resolve("b"));
    }

    @Test
    void damageIsDeterministicToo() throws IOException {
        TestCorpora.generate(options(tmp.resolve("a"), 7, 2, 0.3));
        TestCorpora.generate(options(tmp.resolve("b"), 7, 1, 0.3));
        assertSameFiles(tmp.resolve("a"), tmp.resolve("b"));
    }

    @Test
    void anotherSeedGivesAnotherCorpus() throws IOException {
        TestCorpora.generate(options(tmp.resolve("a"), 7, 2, 0));
        TestCorpora.generate(options(tmp.resolve("b"), 8, 2, 0));
        byte[] a = Files.readAllBytes(tmp.resolve("a").resolve("page-000001.txt"));
        byte[] b = Files.readAllBytes(tmp.resolve("b").resolve("page-000001.txt"));
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void aSmallerRunInTheSameFolderLeavesNoStalePages() throws IOException {
        Path dir = tmp.resolve("c");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.md"), "not ours");
        TestCorpora.generate(options(dir, 7, 2, 0.5));
        CorpusGenerator.Summary small = TestCorpora.generate(
                new CorpusGenerator.Options(500, dir, 7, 120, 0.17, 0, 2, null));
        assertEquals(small.pages(), TestCorpora.pages(dir).size());
        assertTrue(Files.exists(dir.resolve("notes.md")), "only the generator's own files are removed");
    }

    @Test
    void aPaperIsAPureFunctionOfSeedAndNumber() {
        CorpusModel m = new CorpusModel(11);
        PaperFactory one = new PaperFactory(m);
        PaperFactory two = new PaperFactory(new CorpusModel(11));
        ByteBuf a = new ByteBuf(4096);
        ByteBuf b = new ByteBuf(4096);
        for (long k : new long[] {0, 1, 17, 999, 123_456_789L}) {
            PaperFactory.Info x = one.info(k);
            assertEquals(x, two.info(k));
            a.clear();
            b.clear();
            one.appendAbstract(x, a);
            two.appendAbstract(x, b);
            assertEquals(a.toUtf8(), b.toUtf8());
            // generating other papers in between changes nothing
            one.appendAbstract(one.info(k + 1), new ByteBuf(4096));
            a.clear();
            one.appendAbstract(x, a);
            assertEquals(b.toUtf8(), a.toUtf8());
        }
    }
}
