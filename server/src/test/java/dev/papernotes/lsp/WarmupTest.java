package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.config.Settings;
import dev.papernotes.features.FeatureContext;
import dev.papernotes.index.IndexStore;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.index.Suggester.Scope;
import dev.papernotes.index.UpdateProgress;
import dev.papernotes.workspace.NoteWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up types through the real features, remembers every first letter's ranking, and shows the user nothing. */
class WarmupTest {
    @TempDir
    Path tmp;

    private IndexStore store() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        StringBuilder page = new StringBuilder("new\n\nMar 11\n\n");
        String[] names = {"Griffon", "Mini-Monkey", "Prepacking", "KazeNet", "LoRA", "Quokka", "Zephyr", "T5X"};
        for (String n : names) {
            page.append(n).append(": A Method Named ").append(n).append("\n\nWe propose ").append(n)
                    .append(", a model that reads long documents, and evaluate ").append(n).append(" on QA.\n\n");
        }
        Files.writeString(corpus.resolve("p1.txt"), page, StandardCharsets.UTF_8);
        IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(corpus), 16);
        store.update(w -> { }, UpdateProgress.NONE, false);
        return store;
    }

    @Test
    void typesEveryFirstLetterAndNamesInFullInAWorkspaceOfItsOwn() throws IOException {
        try (IndexStore store = store(); PaperIndex idx = store.acquire()) {
            NoteWorkspace users = new NoteWorkspace();
            FeatureContext ctx = new FeatureContext(idx, users, Settings.DEFAULTS, List.of(tmp.resolve("corpus")), true);
            int max = Settings.DEFAULTS.completionMaxItems();
            assertFalse(idx.suggester().remembers("g", Scope.WIKI, max));
            assertFalse(idx.suggester().remembersWordPrefix("g"));

            int keystrokes = new Warmup(ctx, () -> false).run();

            // 1 + 36 first letters after [[ and after [@, then names in full.
            assertTrue(keystrokes > 2 * (1 + Warmup.FIRST_CHARS.length()), "keystrokes " + keystrokes);
            for (char c : Warmup.FIRST_CHARS.toCharArray()) {
                assertTrue(idx.suggester().remembers(String.valueOf(c), Scope.WIKI, max), "[[" + c);
                assertTrue(idx.suggester().remembers(String.valueOf(c), Scope.CITEKEY, max), "@" + c);
                assertTrue(idx.suggester().remembersWordPrefix(String.valueOf(c)), "[[word " + c);
            }
            assertEquals(0, users.size(), "the user's workspace holds no note of the warm-up's");
        }
    }

    @Test
    void typesInTheMiddleOfALongNoteAndLooksAtTheNamesAroundIt() throws IOException {
        try (IndexStore store = store(); PaperIndex idx = store.acquire()) {
            FeatureContext ctx = new FeatureContext(idx, new NoteWorkspace(), Settings.DEFAULTS, List.of(), true);
            Warmup w = new Warmup(ctx, () -> false);
            w.run();

            String note = w.note().text();
            assertTrue(w.note().lines().lineCount() > Warmup.NOTE_LINES, "lines " + w.note().lines().lineCount());
            assertTrue(note.startsWith("---\ntags: [reading, log]\n---\n# Reading log\n"), note);
            for (String shape : List.of("\n## Week 2\n", "\n- [[", "[@", "\n```python\n", "\n> ")) {
                assertTrue(note.contains(shape), shape);
            }
            // Every paper name was found after [[ (the other notes, "Week 0" …, are not taken for papers).
            for (String n : List.of("Griffon", "Mini-Monkey", "Prepacking", "KazeNet", "Zephyr")) {
                assertTrue(note.contains("We read " + n + " and ") || note.contains("compared it with " + n + " "), n);
            }
            assertFalse(note.contains("We read Week"), note);
            // Lines were added and typed on inside the note, then taken out again: the note is as built.
            assertEquals(9, w.linesTypedInside);
            assertFalse(note.contains("Related: ") || note.contains("We compare against"), note);
            // Hover and definition were asked on bare names, found through the lines added above them
            // (one line off, they land on a blank line or a heading and find nothing; "LoRA" in prose is
            // not taken for the paper, so not every hover finds one).
            assertTrue(w.papersHovered >= 9, "hovers that found a paper: " + w.papersHovered);
        }
    }

    /** The server's JSON handler, made as its launcher makes it. */
    private static org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler serversJsonHandler() {
        class Handler extends dev.papernotes.lsp.jsonrpc.LspLauncher.Builder<PapernotesClient> {
            org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler make() {
                setLocalService(new PapernotesLanguageServer(status -> { }));
                setRemoteInterface(PapernotesClient.class);
                return createJsonHandler();
            }
        }
        return new Handler().make();
    }

    @Test
    void everyChangeAndQuestionIsReadAndAnsweredThroughTheServersJsonHandler() throws IOException {
        try (IndexStore store = store(); PaperIndex idx = store.acquire()) {
            FeatureContext ctx = new FeatureContext(idx, new NoteWorkspace(), Settings.DEFAULTS, List.of(), true);
            WireRehearsal wire = new WireRehearsal(serversJsonHandler());
            Warmup w = new Warmup(ctx, () -> false, wire);
            int keystrokes = w.run();

            // Read back equal to what was written: the handler knew each method's parameter type.
            assertEquals(keystrokes, wire.readBack.get("textDocument/completion"), wire.readBack.toString());
            assertTrue(wire.readBack.get("textDocument/didChange") > keystrokes, wire.readBack.toString());
            // After each of the 9 names typed: what an editor asks, and two hovers and definitions.
            for (String m : List.of("textDocument/semanticTokens/full", "textDocument/inlayHint",
                    "textDocument/documentSymbol")) {
                assertEquals(9, wire.readBack.get(m), m + " " + wire.readBack);
            }
            assertEquals(18, wire.readBack.get("textDocument/hover"), wire.readBack.toString());
            assertEquals(18, wire.readBack.get("textDocument/definition"), wire.readBack.toString());
            assertTrue(wire.bytesWritten > 1000L * keystrokes, "bytes written " + wire.bytesWritten);
        }
    }

    @Test
    void withoutAServerOnStreamsNothingIsRehearsed() throws IOException {
        try (IndexStore store = store(); PaperIndex idx = store.acquire()) {
            FeatureContext ctx = new FeatureContext(idx, new NoteWorkspace(), Settings.DEFAULTS, List.of(), true);
            assertTrue(new Warmup(ctx, () -> false, WireRehearsal.NONE).run() > 0);
            assertTrue(WireRehearsal.NONE.readBack.isEmpty());
            assertEquals(0, WireRehearsal.NONE.bytesWritten);
        }
    }

    @Test
    void stopsWhenTold() throws IOException {
        try (IndexStore store = store(); PaperIndex idx = store.acquire()) {
            FeatureContext ctx = new FeatureContext(idx, new NoteWorkspace(), Settings.DEFAULTS, List.of(), true);
            AtomicInteger asked = new AtomicInteger();
            int keystrokes = new Warmup(ctx, () -> asked.incrementAndGet() > 5).run();
            assertTrue(keystrokes <= 8, "keystrokes " + keystrokes);
            assertFalse(idx.suggester().remembers("z", Scope.WIKI, Settings.DEFAULTS.completionMaxItems()));
        }
    }

    @Test
    void anEmptyIndexIsNotWarmedUp() throws IOException {
        try (PaperIndex idx = PaperIndex.empty()) {
            FeatureContext ctx = new FeatureContext(idx, new NoteWorkspace(), Settings.DEFAULTS, List.of(), true);
            assertEquals(0, new Warmup(ctx, () -> false).run());
        }
    }
}
