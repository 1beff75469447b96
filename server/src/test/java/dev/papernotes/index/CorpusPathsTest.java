package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.papernotes.corpus.CorpusFiles;
import dev.papernotes.corpus.CorpusWarning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths in a corpus that are not ordinary files or folders — a FIFO, a device, a dangling
 * symbolic link, a folder named like a page — given as the corpus or found inside it: each is
 * skipped with one warning of its own, and a FIFO is never opened (opening one blocks until a
 * writer comes, which would hang indexing: the timeout catches that).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CorpusPathsTest {
    private static final String PAGE = "Mar 11\n\nAlpha: A Title\n\nWe propose Alpha, a method that does things. "
            + "It works well. ".repeat(20) + "\n";

    @TempDir
    Path tmp;
    private Path corpus;

    @BeforeEach
    void corpus() throws Exception {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("page.txt"), PAGE);
        Process p = new ProcessBuilder("mkfifo", corpus.resolve("fifo.txt").toString()).start();
        assumeTrue(p.waitFor() == 0, "mkfifo is needed for this test");
        Files.createSymbolicLink(corpus.resolve("dangling.txt"), tmp.resolve("nowhere.txt"));
        Files.createSymbolicLink(corpus.resolve("device.txt"), Path.of("/dev/null"));
        Files.createDirectories(corpus.resolve("folder.txt"));
        Files.writeString(corpus.resolve("folder.txt").resolve("inner.txt"), PAGE.replace("Alpha", "Inner"));
        Files.createDirectories(corpus.resolve(".hidden"));
        Files.createSymbolicLink(corpus.resolve(".hidden-dangling.txt"), tmp.resolve("nowhere.txt"));
    }

    private static Map<String, String> byName(List<CorpusWarning> warnings) {
        Map<String, String> out = new TreeMap<>();
        for (CorpusWarning w : warnings) {
            String previous = out.put(w.file().getFileName().toString(), w.message());
            assertEquals(null, previous, "one warning per path: " + warnings);
        }
        return out;
    }

    @Test
    void insideTheCorpusEachOddPathIsOneWarning() throws Exception {
        List<CorpusWarning> warnings = new ArrayList<>();
        List<Path> files = CorpusFiles.list(CorpusFiles.roots(List.of(corpus), warnings::add), warnings::add);
        assertEquals(List.of(corpus.toRealPath().resolve("page.txt")), files);
        assertEquals(Map.of(
                "fifo.txt", "not a regular file (a FIFO); skipped, not opened",
                "dangling.txt", "dangling symbolic link (to " + tmp.resolve("nowhere.txt") + "); skipped",
                "device.txt", "not a regular file (a character device); skipped, not opened",
                "folder.txt", "a folder named like a corpus file; skipped (its contents are not read)"),
                byName(warnings));
    }

    @Test
    void givenAsTheCorpusEachOddPathIsOneWarning() throws Exception {
        List<Path> roots = List.of(corpus.resolve("fifo.txt"), corpus.resolve("dangling.txt"), Path.of("/dev/null"),
                corpus.resolve("folder.txt"), corpus.resolve("page.txt"));
        List<CorpusWarning> warnings = new ArrayList<>();
        List<Path> files = CorpusFiles.list(CorpusFiles.roots(roots, warnings::add), warnings::add);
        assertEquals(List.of(corpus.toRealPath().resolve("page.txt")), files);
        assertEquals(Map.of(
                "fifo.txt", "not a regular file (a FIFO); skipped, not opened",
                "dangling.txt", "dangling symbolic link (to " + tmp.resolve("nowhere.txt") + "); skipped",
                "null", "not a regular file (a character device); skipped, not opened",
                "folder.txt", "a folder named like a corpus file; skipped (its contents are not read)"),
                byName(warnings));
    }

    @Test
    void indexingSkipsThemAndFinishes() throws Exception {
        List<CorpusWarning> warnings = new ArrayList<>();
        try (IndexStore store = IndexStore.open(tmp.resolve("index"), List.of(corpus.resolve("fifo.txt"), corpus), 16)) {
            UpdateResult r = store.update(warnings::add, UpdateProgress.NONE, false);
            assertEquals(1, r.papers());
        }
        assertEquals(5, warnings.size(), warnings.toString());
    }
}
