package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.TestCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * References, note links, diagnostics and quick fixes, symbols and document links, on a fixture
 * workspace of several notes, most of them never opened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrossLinkingTest {
    private Path notes;
    private LspTestClient client;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        notes = Files.createDirectories(tmp.resolve("notes"));
        Files.createDirectories(notes.resolve("projects"));
        Files.createDirectories(notes.resolve("node_modules/pkg"));
        Files.createDirectories(notes.resolve(".obsidian"));
        Files.writeString(notes.resolve("efficiency.md"), String.join("\n",
                "# Efficient inference",
                "",
                "Prepacking packs prompts; compare [[Prepacking]] with [@hidiffusion].",
                "PROP and B-PROP are retrieval pretraining methods.",
                "```",
                "Prepacking in code does not count",
                "```",
                ""));
        Files.writeString(notes.resolve("projects/retrieval.md"), String.join("\n",
                "# Retrieval project",
                "",
                "Start from B-PROP, then [[efficiency]] and [[projects/retrieval]].",
                ""));
        Files.writeString(notes.resolve("node_modules/pkg/readme.md"), "Prepacking mentioned in a dependency.\n");
        Files.writeString(notes.resolve(".obsidian/cache.md"), "Prepacking in a hidden folder.\n");
        Files.writeString(notes.resolve("prepacking.md"), "# My Prepacking notes\n\nA note named like a paper.\n");
        client = LspTestClient.ready(notes, tmp.resolve("index"));
    }

    @AfterAll
    void stop() throws Exception {
        client.shutdownAndExit();
        client.close();
    }

    private String uri(String relative) {
        return notes.resolve(relative).toUri().toString();
    }

    private List<Location> references(String uri, Position p, boolean declaration) throws Exception {
        ReferenceParams params = new ReferenceParams(new TextDocumentIdentifier(uri), p, new ReferenceContext(declaration));
        return new ArrayList<>(client.server().getTextDocumentService().references(params).get(20, TimeUnit.SECONDS));
    }

    private static String where(Location l) {
        return l.getUri().substring(l.getUri().lastIndexOf('/') + 1) + ":" + l.getRange().getStart().getLine() + ":"
                + l.getRange().getStart().getCharacter() + "-" + l.getRange().getEnd().getCharacter();
    }

    @Test
    void referencesOfAPaperSpanUnopenedNotesAndEveryKindOfMention() throws Exception {
        Cursor c = Cursor.of("I want to try Prepa‸cking soon.");
        String scratch = uri("scratch-a.md");
        client.open(scratch, c.text());
        List<String> found = references(scratch, c.position(), false).stream().map(CrossLinkingTest::where).toList();
        // The heading "# My Prepacking notes" is a bare mention too.
        assertEquals(List.of("efficiency.md:2:0-10", "efficiency.md:2:36-46", "prepacking.md:0:5-15", "scratch-a.md:0:14-24"),
                found);
    }

    @Test
    void referencesOfPropExcludeBProp() throws Exception {
        String eff = uri("efficiency.md");
        client.open(eff, Files.readString(notes.resolve("efficiency.md")));
        List<String> prop = references(eff, new Position(3, 1), false).stream().map(CrossLinkingTest::where).toList();
        assertEquals(List.of("efficiency.md:3:0-4"), prop);
        List<String> bprop = references(eff, new Position(3, 10), false).stream().map(CrossLinkingTest::where).toList();
        assertEquals(List.of("efficiency.md:3:9-15", "retrieval.md:2:11-17"), bprop);
    }

    @Test
    void referencesWithDeclarationIncludeTheCorpusTitleLine() throws Exception {
        Cursor c = Cursor.of("Prepa‸cking");
        String scratch = uri("scratch-b.md");
        client.open(scratch, c.text());
        List<Location> all = references(scratch, c.position(), true);
        assertTrue(all.stream().anyMatch(l -> l.getUri().endsWith(".txt")), all.toString());
    }

    @Test
    void referencesFromTheCorpusTitleLine() throws Exception {
        Path page = TestCorpus.dir().resolve("000_2d47f89bf13333c2.txt");
        List<String> lines = Files.readAllLines(page);
        int line = lines.indexOf(lines.stream().filter(l -> l.startsWith("Prepacking:")).findFirst().orElseThrow());
        List<String> found = references(page.toUri().toString(), new Position(line, 3), false).stream()
                .map(CrossLinkingTest::where).toList();
        assertTrue(found.containsAll(List.of("efficiency.md:2:0-10", "efficiency.md:2:36-46")), found.toString());
    }

    @Test
    void noteLinksResolveAndCountAsReferences() throws Exception {
        String retrieval = uri("projects/retrieval.md");
        client.open(retrieval, Files.readString(notes.resolve("projects/retrieval.md")));
        var defs = client.server().getTextDocumentService().definition(new org.eclipse.lsp4j.DefinitionParams(
                new TextDocumentIdentifier(retrieval), new Position(2, 28))).get(10, TimeUnit.SECONDS).getRight();
        assertEquals(uri("efficiency.md"), defs.get(0).getTargetUri());
        List<String> refs = references(retrieval, new Position(2, 28), false).stream().map(CrossLinkingTest::where).toList();
        assertEquals(List.of("retrieval.md:2:26-36"), refs);
        var self = client.server().getTextDocumentService().definition(new org.eclipse.lsp4j.DefinitionParams(
                new TextDocumentIdentifier(retrieval), new Position(2, 47))).get(10, TimeUnit.SECONDS).getRight();
        assertEquals(retrieval, self.get(0).getTargetUri());
    }

    @Test
    void aNoteAndAPaperOfTheSameNameAreBothOffered() throws Exception {
        Cursor c = Cursor.of("[[prepacking‸");
        String scratch = uri("scratch-c.md");
        client.open(scratch, c.text());
        var items = client.server().getTextDocumentService().completion(new org.eclipse.lsp4j.CompletionParams(
                new TextDocumentIdentifier(scratch), c.position())).get(10, TimeUnit.SECONDS).getRight().getItems();
        List<String> labels = items.stream().map(i -> i.getLabel() + "/" + i.getKind()).toList();
        assertTrue(labels.contains("prepacking/File"), labels.toString());
        assertTrue(labels.contains("Prepacking/Reference"), labels.toString());
        var defs = client.server().getTextDocumentService().definition(new org.eclipse.lsp4j.DefinitionParams(
                new TextDocumentIdentifier(uri("efficiency.md")), new Position(2, 40))).get(10, TimeUnit.SECONDS).getRight();
        assertTrue(defs.stream().anyMatch(d -> d.getTargetUri().endsWith("prepacking.md")), defs.toString());
        assertTrue(defs.stream().anyMatch(d -> d.getTargetUri().endsWith(".txt")), defs.toString());
    }

    @Test
    void diagnosticsWithQuickFixesAndClearedOnClose() throws Exception {
        String uri = uri("scratch-d.md");
        client.open(uri, "Compare [[Griffn v2]] with [@nosuchpaper] and PROP.\n");
        PublishDiagnosticsParams p = client.awaitDiagnostics(uri, d -> d.getDiagnostics().size() == 2, 20);
        Diagnostic link = p.getDiagnostics().get(0);
        assertEquals(DiagnosticSeverity.Warning, link.getSeverity());
        assertEquals(new Range(new Position(0, 10), new Position(0, 19)), link.getRange());
        assertEquals("No paper or note named 'Griffn v2'", link.getMessage().getLeft());
        Diagnostic cite = p.getDiagnostics().get(1);
        assertEquals(new Range(new Position(0, 28), new Position(0, 40)), cite.getRange());

        CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), link.getRange(),
                new CodeActionContext(List.of(link)));
        List<CodeAction> fixes = client.server().getTextDocumentService().codeAction(params).get(10, TimeUnit.SECONDS)
                .stream().map(e -> e.getRight()).toList();
        assertEquals("Replace with [[Griffon v2]]", fixes.get(0).getTitle());
        assertEquals("quickfix", fixes.get(0).getKind());
        var edit = fixes.get(0).getEdit().getChanges().get(uri).get(0);
        assertEquals("Griffon v2", edit.getNewText());
        assertEquals(link.getRange(), edit.getRange());

        // Fixing the text clears the warning (debounced publish after the change).
        TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(link.getRange(), "Griffon v2");
        client.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, 2), List.of(change)));
        client.awaitDiagnostics(uri, d -> d.getDiagnostics().size() == 1 && Integer.valueOf(2).equals(d.getVersion()), 20);

        client.server().getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
        client.awaitDiagnostics(uri, d -> d.getDiagnostics().isEmpty(), 20);
    }

    @Test
    void workspaceSymbolsFindPapersByNameTitleWordsAndCitekeyAndNoteHeadings() throws Exception {
        List<String> byName = symbols("Griffon");
        assertTrue(byName.get(0).startsWith("Griffon v2"), byName.toString());
        assertTrue(symbols("cropping").stream().anyMatch(s -> s.startsWith("Mini-Monkey")));
        assertTrue(symbols("hidiffusion").stream().anyMatch(s -> s.startsWith("HiDiffusion")));
        assertTrue(symbols("Retrieval project").contains("Retrieval project"), symbols("Retrieval project").toString());
    }

    private List<String> symbols(String query) throws Exception {
        var result = client.server().getWorkspaceService().symbol(new WorkspaceSymbolParams(query))
                .get(10, TimeUnit.SECONDS);
        // LSP4J's client reads the JSON into whichever side of the Either fits; the names are what matter.
        return result.isLeft() ? result.getLeft().stream().map(SymbolInformation::getName).toList()
                : result.getRight().stream().map(org.eclipse.lsp4j.WorkspaceSymbol::getName).toList();
    }

    @Test
    void documentLinksForWikiLinksAndCitations() throws Exception {
        String eff = uri("efficiency.md");
        client.open(eff, Files.readString(notes.resolve("efficiency.md")));
        List<DocumentLink> links = client.server().getTextDocumentService()
                .documentLink(new DocumentLinkParams(new TextDocumentIdentifier(eff))).get(10, TimeUnit.SECONDS);
        assertEquals(2, links.size(), links.toString());
        assertTrue(links.get(0).getTarget().matches("file:.*\\.txt#L\\d+"), links.get(0).getTarget());
        assertEquals(new Range(new Position(2, 36), new Position(2, 46)), links.get(0).getRange());
        assertEquals(new Range(new Position(2, 55), new Position(2, 67)), links.get(1).getRange());
    }

    @Test
    void aNoteChangedOnDiskIsSeenWithoutOpeningIt() throws Exception {
        Path fresh = notes.resolve("later.md");
        Files.writeString(fresh, "Later I read about Griffon v2.\n");
        client.server().getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(fresh.toUri().toString(), FileChangeType.Created))));
        Cursor c = Cursor.of("Griff‸on v2");
        String scratch = uri("scratch-f.md");
        client.open(scratch, c.text());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> found = List.of();
        while (System.nanoTime() < end) {
            found = references(scratch, c.position(), false).stream().map(CrossLinkingTest::where).toList();
            if (found.contains("later.md:0:19-29")) {
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(found.contains("later.md:0:19-29"), found.toString());
        Files.delete(fresh);
        client.server().getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(fresh.toUri().toString(), FileChangeType.Deleted))));
        end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end && found.contains("later.md:0:19-29")) {
            found = references(scratch, c.position(), false).stream().map(CrossLinkingTest::where).toList();
            Thread.sleep(50);
        }
        assertTrue(!found.contains("later.md:0:19-29"), found.toString());
    }

    @Test
    void watcherIsRegisteredDynamically() {
        assertTrue(client.registrations.stream().flatMap(r -> r.getRegistrations().stream())
                .anyMatch(r -> r.getMethod().equals("workspace/didChangeWatchedFiles")));
    }
}
