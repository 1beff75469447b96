package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.papernotes.notes.LineIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Link this mention", "link every mention" and "not this paper" through the protocol: the
 * actions offered on a bare mention, their edits applied as an editor would, and what hover,
 * references and diagnostics say afterwards.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MentionActionsTest {

    private static List<CodeAction> actions(LspTestClient client, String uri, Cursor c) throws Exception {
        Range at = new Range(c.position(), c.position());
        CodeActionParams p = new CodeActionParams(new TextDocumentIdentifier(uri), at, new CodeActionContext(List.of()));
        List<CodeAction> out = new ArrayList<>();
        for (var e : client.server().getTextDocumentService().codeAction(p).get(20, TimeUnit.SECONDS)) {
            out.add(e.getRight());
        }
        return out;
    }

    private static CodeAction titled(List<CodeAction> actions, String prefix) {
        return actions.stream().filter(a -> a.getTitle().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no action '" + prefix + "' in " + titles(actions)));
    }

    private static List<String> titles(List<CodeAction> actions) {
        return actions.stream().map(CodeAction::getTitle).toList();
    }

    /** The text after the action's edits, applied as an editor applies them (last first). */
    private static String apply(String text, String uri, CodeAction a) {
        List<TextEdit> edits = new ArrayList<>(a.getEdit().getChanges().get(uri));
        LineIndex lines = new LineIndex(text);
        edits.sort(Comparator.comparingInt((TextEdit e) -> offset(lines, e.getRange().getStart())).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : edits) {
            sb.replace(offset(lines, e.getRange().getStart()), offset(lines, e.getRange().getEnd()), e.getNewText());
        }
        return sb.toString();
    }

    private static int offset(LineIndex lines, org.eclipse.lsp4j.Position p) {
        return lines.offset(p.getLine(), p.getCharacter());
    }

    private static void replaceText(LspTestClient client, String uri, String text, int version) {
        client.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    private static String hover(LspTestClient client, String uri, org.eclipse.lsp4j.Position p) throws Exception {
        var h = client.server().getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), p))
                .get(20, TimeUnit.SECONDS);
        return h == null ? null : h.getContents().getRight().getValue();
    }

    @Test
    void linkThisMentionAsAWikiLinkOrAPandocCitation(@TempDir Path tmp) throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        try (LspTestClient client = MentionFixtures.start(tmp, notes, null)) {
            String uri = notes.resolve("a.md").toUri().toString();
            Cursor c = Cursor.of("I read Pa‸LM today.\n");
            client.open(uri, c.text());
            CodeAction link = titled(actions(client, uri, c), "Link 'PaLM' as [[PaLM]]");
            assertEquals("refactor.rewrite", link.getKind());
            assertEquals("I read [[PaLM]] today.\n", apply(c.text(), uri, link));

            // A name two papers share, without evidence: a hint, offered to be linked to either paper.
            Cursor rain = Cursor.of("Which RA‸IN is it?\n");
            String other = notes.resolve("b.md").toUri().toString();
            client.open(other, rain.text());
            List<CodeAction> both = actions(client, other, rain);
            assertEquals("Which [[rain|RAIN]] is it?\n",
                    apply(rain.text(), other, titled(both, "Link 'RAIN' to 'RAIN: Retrieval Augmented")));
            assertEquals("Which [[rain-2|RAIN]] is it?\n",
                    apply(rain.text(), other, titled(both, "Link 'RAIN' to 'RAIN: Robust Adversarial")));

            // links.style = pandoc: the name stays, the citation follows it.
            JsonObject settings = client.configuration.deepCopy();
            JsonObject links = new JsonObject();
            links.addProperty("style", "pandoc");
            settings.add("links", links);
            client.configuration = settings;
            client.server().getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(settings));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            List<String> offered = List.of();
            while (System.nanoTime() < end) {
                offered = titles(actions(client, uri, c));
                if (offered.contains("Link 'PaLM' as PaLM [@palm]")) {
                    break;
                }
                Thread.sleep(50);
            }
            assertEquals("I read PaLM [@palm] today.\n",
                    apply(c.text(), uri, titled(actions(client, uri, c), "Link 'PaLM' as PaLM [@palm]")), offered.toString());
            client.shutdownAndExit();
        }
    }

    @Test
    void linkTheFirstOrEveryMentionOfThePaper(@TempDir Path tmp) throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        JsonObject all = new JsonObject();
        all.addProperty("links.mentions", "all");
        String text = "PaLM is big.\nLater, PaLM again; and PaLM once more.\n";
        try (LspTestClient first = MentionFixtures.start(tmp.resolve("first"), notes, null)) {
            String uri = notes.resolve("a.md").toUri().toString();
            Cursor c = Cursor.of(text.replace("Later, PaLM", "Later, Pa‸LM"));
            first.open(uri, c.text());
            CodeAction a = titled(actions(first, uri, c), "Link the first mention of 'PaLM: Scaling");
            assertEquals("[[PaLM]] is big.\nLater, PaLM again; and PaLM once more.\n", apply(c.text(), uri, a));
            // Once the first mention is linked, there is nothing left to do for "first".
            Cursor linked = Cursor.of("[[PaLM]] is big.\nLater, Pa‸LM again.\n");
            String other = notes.resolve("b.md").toUri().toString();
            first.open(other, linked.text());
            assertTrue(titles(actions(first, other, linked)).stream().noneMatch(t -> t.startsWith("Link the first")));
            first.shutdownAndExit();
        }
        try (LspTestClient every = MentionFixtures.start(tmp.resolve("all"), notes, all)) {
            String uri = notes.resolve("c.md").toUri().toString();
            Cursor c = Cursor.of(text.replace("Later, PaLM", "Later, Pa‸LM"));
            every.open(uri, c.text());
            CodeAction a = titled(actions(every, uri, c), "Link every mention of 'PaLM: Scaling");
            assertEquals("[[PaLM]] is big.\nLater, [[PaLM]] again; and [[PaLM]] once more.\n", apply(c.text(), uri, a));
            every.shutdownAndExit();
        }
    }

    @Test
    void notThisPaperInThisNoteIsHonouredAtOnce(@TempDir Path tmp) throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        try (LspTestClient client = MentionFixtures.start(tmp, notes, null)) {
            String uri = notes.resolve("a.md").toUri().toString();
            Cursor c = Cursor.of("---\ntags: [llm]\n---\nSee [[PaLM]]. Which RAIN? I read Pa‸LM today.\n");
            client.open(uri, c.text());
            assertNotNull(hover(client, uri, c.position()));
            ReferenceParams refs = new ReferenceParams(new TextDocumentIdentifier(uri), c.position(),
                    new ReferenceContext(false));
            List<? extends Location> before = client.server().getTextDocumentService().references(refs).get(20, TimeUnit.SECONDS);
            assertEquals(2, before.size(), before.toString());
            client.awaitDiagnostics(uri, d -> d.getDiagnostics().size() == 1, 20); // 'RAIN' names 2 papers

            CodeAction ignore = titled(actions(client, uri, c), "Not a paper here: ignore 'PaLM' in this note");
            assertEquals("quickfix", ignore.getKind());
            String ignored = apply(c.text(), uri, ignore);
            assertEquals("---\ntags: [llm]\npapernotes-ignore: [PaLM]\n---\nSee [[PaLM]]. Which RAIN? I read PaLM today.\n",
                    ignored);
            replaceText(client, uri, ignored, 2);
            org.eclipse.lsp4j.Position moved = new org.eclipse.lsp4j.Position(c.position().getLine() + 1,
                    c.position().getCharacter());
            assertNull(hover(client, uri, moved));
            // The link still counts; the bare name does not.
            var fromLink = new ReferenceParams(new TextDocumentIdentifier(uri), new org.eclipse.lsp4j.Position(4, 7),
                    new ReferenceContext(false));
            assertEquals(1, client.server().getTextDocumentService().references(fromLink).get(20, TimeUnit.SECONDS).size());

            // Ignoring the shared name silences its information too; a second name joins the list.
            Cursor rain = Cursor.of(ignored.replace("Which RAIN", "Which RA‸IN"));
            String twice = apply(ignored, uri, titled(actions(client, uri, rain), "Not a paper here: ignore 'RAIN'"));
            assertTrue(twice.contains("papernotes-ignore: [PaLM, RAIN]\n"), twice);
            replaceText(client, uri, twice, 3);
            client.awaitDiagnostics(uri, d -> d.getDiagnostics().isEmpty() && Integer.valueOf(3).equals(d.getVersion()), 20);
            client.shutdownAndExit();
        }
    }

    @Test
    void notThisPaperInTheWorkspaceIsHonouredAtOnceInEveryNote(@TempDir Path tmp) throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(notes.resolve("closed.md"), "Background note: PaLM is large.\n");
        try (LspTestClient client = MentionFixtures.start(tmp, notes, null)) {
            String uri = notes.resolve("a.md").toUri().toString();
            Cursor c = Cursor.of("See [[PaLM]]. I read Pa‸LM today.\n");
            client.open(uri, c.text());
            ReferenceParams refs = new ReferenceParams(new TextDocumentIdentifier(uri), new org.eclipse.lsp4j.Position(0, 7),
                    new ReferenceContext(false));
            assertEquals(3, client.server().getTextDocumentService().references(refs).get(20, TimeUnit.SECONDS).size());

            CodeAction ignore = titled(actions(client, uri, c), "Not a paper: ignore 'PaLM' in the whole workspace");
            assertNull(ignore.getEdit());
            assertEquals("papernotes.ignoreName", ignore.getCommand().getCommand());
            client.server().getWorkspaceService().executeCommand(new ExecuteCommandParams(
                    ignore.getCommand().getCommand(), ignore.getCommand().getArguments())).get(20, TimeUnit.SECONDS);

            String json = Files.readString(notes.resolve(".papernotes.json"));
            assertTrue(json.contains("\"ignore\"") && json.contains("\"PaLM\""), json);
            assertNull(hover(client, uri, c.position()));
            List<? extends Location> after = client.server().getTextDocumentService().references(refs).get(20, TimeUnit.SECONDS);
            assertEquals(1, after.size(), after.toString()); // the link itself; no bare name here or in closed.md

            // Edited by hand (the name removed), the file is honoured at once too.
            Files.writeString(notes.resolve(".papernotes.json"), "{\"ignore\": []}\n");
            client.server().getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(List.of(
                    new FileEvent(notes.resolve(".papernotes.json").toUri().toString(), FileChangeType.Changed))));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            String h = null;
            while (System.nanoTime() < end && (h = hover(client, uri, c.position())) == null) {
                Thread.sleep(50);
            }
            assertNotNull(h);
            client.shutdownAndExit();
        }
    }

    @Test
    void noActionsAwayFromAMention(@TempDir Path tmp) throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        try (LspTestClient client = MentionFixtures.start(tmp, notes, null)) {
            String uri = notes.resolve("a.md").toUri().toString();
            Cursor c = Cursor.of("Plain wo‸rds and `PaLM` in code.\n");
            client.open(uri, c.text());
            assertTrue(actions(client, uri, c).isEmpty());
            Cursor field = Cursor.of("Pri‸sm is a word here.\n");
            client.open(notes.resolve("b.md").toUri().toString(), field.text());
            assertFalse(titles(actions(client, notes.resolve("b.md").toUri().toString(), field)).stream()
                    .anyMatch(t -> t.startsWith("Link")));
            client.shutdownAndExit();
        }
    }

    @Test
    void theIgnoreCommandWithoutANameIsAClearError(@TempDir Path tmp) throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        try (LspTestClient client = MentionFixtures.start(tmp, notes, null)) {
            var f = client.server().getWorkspaceService().executeCommand(new ExecuteCommandParams(
                    "papernotes.ignoreName", List.of(new JsonPrimitive(" "))));
            var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> f.get(20, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("which name"), e.getCause().getMessage());
            assertFalse(Files.exists(notes.resolve(".papernotes.json")));
            client.shutdownAndExit();
        }
    }
}
