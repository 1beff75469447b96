package dev.papernotes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.papernotes.JarProcess;
import dev.papernotes.JarProcess.Result;
import dev.papernotes.TestCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: the packaged jar, its output and its exit status. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandLineIT {
    private Path home;
    private Path cache;
    private String corpus;
    private String index;

    @BeforeAll
    void setUp(@TempDir Path dir) throws Exception {
        home = dir;
        cache = Files.createDirectories(dir.resolve("cache"));
        corpus = TestCorpus.dir().toString();
        index = dir.resolve("index").toString();
    }

    private Result run(String... args) throws Exception {
        return JarProcess.run(home, cache, args);
    }

    @Test
    void indexThenExportListsEveryPaperWithItsTitleLines() throws Exception {
        Result r = run("index", "--corpus", corpus, "--index", index);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("413 papers"), r.out());

        Result e = run("export", "--format", "jsonl", "--corpus", corpus, "--index", index);
        assertEquals(0, e.status(), e.err());
        List<String> lines = e.outLines();
        assertEquals(413, lines.size());
        Set<String> ids = new HashSet<>();
        int occurrences = 0;
        for (String line : lines) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            assertEquals(List.of("id", "title", "methods", "citekey", "occurrences"), List.copyOf(o.keySet()));
            ids.add(o.get("id").getAsString());
            String title = o.get("title").getAsString();
            for (JsonElement occ : o.getAsJsonArray("occurrences")) {
                JsonObject oc = occ.getAsJsonObject();
                List<String> file = Files.readAllLines(Path.of(oc.get("file").getAsString()));
                assertEquals(title.replace(" ", ""), file.get(oc.get("line").getAsInt() - 1).replace(" ", ""));
                assertTrue(oc.get("date").getAsString().matches("[A-Z][a-z]{2} \\d{1,2}"));
                occurrences++;
            }
        }
        assertEquals(413, ids.size());
        assertEquals(497, occurrences);

        Result again = run("index", "--corpus", corpus, "--index", index);
        assertEquals(0, again.status());
        assertTrue(again.out().startsWith("up to date"), again.out());
    }

    @Test
    void searchFindsPapersAsTextAndJson() throws Exception {
        Result r = run("search", "long", "context", "--corpus", corpus, "--index", index, "--limit", "3", "--json");
        assertEquals(0, r.status(), r.err());
        JsonArray hits = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(3, hits.size());
        assertTrue(hits.get(0).getAsJsonObject().get("title").getAsString().toLowerCase().contains("long"));
        Result text = run("search", "Mini-Monkey", "--corpus", corpus, "--index", index);
        assertEquals(0, text.status());
        assertTrue(text.out().contains("Mini-Monkey: Multi-Scale Adaptive Cropping"), text.out());
    }

    @Test
    void badArgumentsExitWithStatusTwoAndOneLine() throws Exception {
        for (String[] args : List.of(
                new String[] {"search"},
                new String[] {"search", "x", "--limit", "zero"},
                new String[] {"export", "--format", "xml", "--corpus", corpus, "--index", index},
                new String[] {"index", "--corpus", home.resolve("no-such-corpus").toString()},
                new String[] {"frobnicate"},
                new String[] {"check"})) {
            Result r = run(args);
            assertEquals(2, r.status(), String.join(" ", args) + "\n" + r.err());
            assertEquals(1, r.err().strip().lines().count(), String.join(" ", args) + " printed:\n" + r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void helpOnEveryCommand() throws Exception {
        for (String cmd : List.of("index", "search", "export", "check", "lsp")) {
            Result r = run(cmd, "--help");
            assertEquals(0, r.status(), cmd);
            assertTrue(r.out().contains("Usage: papernotes " + cmd), r.out());
        }
        Result top = run("--help");
        assertEquals(0, top.status());
        assertTrue(top.out().contains("index") && top.out().contains("check"), top.out());
    }

    @Test
    void checkReportsUnresolvedLinksLikeACompiler(@TempDir Path notes) throws Exception {
        Files.writeString(notes.resolve("good.md"), "See [[Mini-Monkey]] and [[bad]].\n");
        Files.writeString(notes.resolve("bad.md"), "# Bad\n\nTried [[Griffn v2]] and @nosuchkey2024.\n`[[in code]]` is fine.\n");
        Result r = run("check", notes.toString(), "--corpus", corpus, "--index", index);
        assertEquals(1, r.status(), r.err());
        List<String> lines = r.outLines();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).matches(".*bad\\.md:3:9: warning: No paper or note named 'Griffn v2'"), lines.get(0));
        assertTrue(lines.get(1).matches(".*bad\\.md:3:25: warning: Unknown citekey '@nosuchkey2024'"), lines.get(1));

        Files.writeString(notes.resolve("bad.md"), "Tried [[Griffon v2]].\n");
        Result clean = run("check", notes.toString(), "--corpus", corpus, "--index", index);
        assertEquals(0, clean.status(), clean.out() + clean.err());
        assertEquals("", clean.out());
    }

    // ---- issue 16: first contact, and an index whose last update did not finish ----

    @Test
    void firstSearchSaysItBuildsTheIndex(@TempDir Path dir) throws Exception {
        String fresh = dir.resolve("index").toString();
        Result first = run("search", "Dragonfly", "--corpus", corpus, "--index", fresh);
        assertEquals(0, first.status(), first.err());
        assertTrue(first.err().startsWith("papernotes: building the index of 5 files"), first.err());
        assertTrue(first.out().contains("Dragonfly: Multi-Resolution Zoom"), first.out());
        Result second = run("search", "Dragonfly", "--corpus", corpus, "--index", fresh);
        assertEquals("", second.err());
    }

    @Test
    void checkSaysHowManyNotesItCheckedOnSuccess(@TempDir Path notes) throws Exception {
        Files.writeString(notes.resolve("a.md"), "See [[Mini-Monkey]].\n");
        Files.writeString(notes.resolve("b.md"), "And @dragonfly.\n");
        Result r = run("check", notes.toString(), "--corpus", corpus, "--index", index);
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals("papernotes: 2 notes checked, no warnings", r.err().strip().lines().reduce((a, b) -> b).orElse(""));
    }

    @Test
    void helpIsACommandAsInGit() throws Exception {
        Result top = run("help");
        assertEquals(0, top.status(), top.err());
        assertTrue(top.out().startsWith("Usage: papernotes"), top.out());
        assertTrue(top.out().contains("search"), top.out());
        Result search = run("help", "search");
        assertEquals(0, search.status(), search.err());
        assertTrue(search.out().startsWith("Usage: papernotes search"), search.out());
    }

    @Test
    void missingCorpusNamesTheCommandAndTheHelp() throws Exception {
        Path missing = home.resolve("no-such-corpus");
        Result r = run("search", "x", "--corpus", missing.toString());
        assertEquals(2, r.status());
        assertEquals("papernotes search: corpus path does not exist: " + missing + " (see --help)", r.err().strip());
    }

    /**
     * A killed {@code index} leaves its update unfinished. A later {@code search} or {@code export}
     * must not finish it (that can take minutes): they answer from the last commit and say the
     * index is behind and how to update it; {@code index} then catches up.
     */
    @Test
    void readOnlyCommandsAnswerFromTheLastCommitWhenAnUpdateDidNotFinish(@TempDir Path dir) throws Exception {
        Path big = Files.createDirectories(dir.resolve("corpus"));
        List<Path> seed;
        try (var files = Files.list(Path.of(corpus))) {
            seed = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path page : seed) {
            Files.copy(page, big.resolve(page.getFileName()));
        }
        String idx = dir.resolve("index").toString();
        Result built = run("index", "--corpus", big.toString(), "--index", idx);
        assertEquals(0, built.status(), built.err());
        // Many more pages (new dates, same papers: their occurrences change), then an update killed midway.
        for (int copy = 0; copy < 20; copy++) {
            for (Path page : seed) {
                Files.copy(page, big.resolve("copy" + copy + "-" + page.getFileName()));
            }
        }
        Process killed = JarProcess.builder(home, cache, "index", "--corpus", big.toString(), "--index", idx)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // Kill it once its update has begun (its marker is there; without one, after a few seconds).
        Path lock = dir.resolve("index").resolve("write.lock");
        Path marker = dir.resolve("index").resolve("papernotes.updating");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(lock) && killed.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long started = System.nanoTime();
        while (!Files.exists(marker) && killed.isAlive() && System.nanoTime() - started < 5_000_000_000L) {
            Thread.sleep(5);
        }
        boolean killedWhileRunning = killed.isAlive();
        killed.destroyForcibly().waitFor();
        org.junit.jupiter.api.Assumptions.assumeTrue(killedWhileRunning, "the update ended before it could be killed");

        String expected = "papernotes index --corpus " + big + " --index " + idx;
        for (int i = 0; i < 2; i++) {
            Result search = run("export", "--corpus", big.toString(), "--index", idx);
            assertEquals(0, search.status(), search.err());
            assertTrue(search.err().contains("the index is behind the corpus"), search.err());
            assertTrue(search.err().contains("Run '" + expected + "' to bring it up to date."), search.err());
            assertEquals(413, search.outLines().size(), "answered from the last commit");
        }
        Result caughtUp = run("index", "--corpus", big.toString(), "--index", idx);
        assertEquals(0, caughtUp.status(), caughtUp.err());
        Result after = run("search", "Dragonfly", "--corpus", big.toString(), "--index", idx, "--json");
        assertEquals("", after.err());
        assertTrue(after.out().contains("copy19-"), "the update is in: " + after.out().substring(0, 300));
    }
}
