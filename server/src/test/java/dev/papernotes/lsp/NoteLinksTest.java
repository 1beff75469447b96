package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link syntax of Obsidian, Foam and Dendron through the protocol, on a vault shaped like the
 * ones those tools write: folders, attachments, front-matter aliases, headings and block ids, a
 * hidden {@code .obsidian} folder. Each test opens a note with a cursor marker (or none) and checks
 * the exact answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NoteLinksTest {
    private Path vault;
    private LspTestClient client;
    private int counter;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        vault = Files.createDirectories(tmp.resolve("vault"));
        write(".obsidian/workspace.json", "{}");
        write(".obsidian/Basics.md", "# A note in the hidden folder: never a link target\n");
        Files.createDirectories(vault.resolve("attachments"));
        Files.write(vault.resolve("attachments/Pasted image 20240101120000.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.write(vault.resolve("attachments/paper.pdf"), "%PDF-1.4\n".getBytes());
        write("AI/ML/Probability/Basics.md", String.join("\n",
                "# Basics",
                "",
                "## Variance",
                "",
                "The spread of a variable around its mean. ^var-def",
                "",
                "## Expected value: the mean",
                ""));
        write("AI/ML/Probability/Sampling.md", "# Sampling\n\nSee [[Basics#Variance]].\n");
        write("other/Basics.md", "# Other basics\n");
        write("Transformers.md", String.join("\n",
                "---",
                "aliases: [Attention models, \"Self-attention\"]",
                "tags: [ml]",
                "---",
                "# Transformers",
                ""));
        write("notes with spaces.md", "# Notes with spaces\n\n## Setup\n");
        write("reading/2017 - Attention.md", String.join("\n",
                "# Attention is all you need",
                "",
                "Background in [[AI/ML/Probability/Basics|the basics]] and [variance](../AI/ML/Probability/Basics.md#variance).",
                "![[Probability/Basics#^var-def]]",
                ""));
        client = LspTestClient.ready(vault, tmp.resolve("index"));
    }

    @AfterAll
    void stop() throws Exception {
        client.shutdownAndExit();
        client.close();
    }

    private void write(String relative, String text) throws Exception {
        Path p = vault.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String uri(String relative) {
        return vault.resolve(relative).toUri().toString();
    }

    /** Opens a fresh note (at {@code folder}, "" for the vault's root) and returns its URI. */
    private String open(String folder, String text) {
        String uri = uri((folder.isEmpty() ? "" : folder + "/") + "scratch-" + (counter++) + ".md");
        client.open(uri, text);
        return uri;
    }

    private List<Diagnostic> diagnostics(String uri, int expected) throws Exception {
        PublishDiagnosticsParams p = client.awaitDiagnostics(uri, d -> d.getDiagnostics().size() == expected, 20);
        return p.getDiagnostics();
    }

    private static String describe(Diagnostic d) {
        Range r = d.getRange();
        return r.getStart().getLine() + ":" + r.getStart().getCharacter() + "-" + r.getEnd().getCharacter() + " "
                + d.getSeverity() + " " + d.getCode().getLeft() + " " + d.getMessage().getLeft();
    }

    private List<? extends LocationLink> definition(String folder, String marked) throws Exception {
        Cursor c = Cursor.of(marked);
        String uri = open(folder, c.text());
        var result = client.server().getTextDocumentService()
                .definition(new DefinitionParams(new TextDocumentIdentifier(uri), c.position()))
                .get(10, TimeUnit.SECONDS);
        // LSP4J's client reads an empty answer as either side.
        return result.isRight() ? result.getRight() : List.of();
    }

    private String where(LocationLink l) {
        String rel = vault.toUri().relativize(java.net.URI.create(l.getTargetUri())).getRawPath();
        Range r = l.getTargetSelectionRange();
        return rel + " " + r.getStart().getLine() + ":" + r.getStart().getCharacter() + "-" + r.getEnd().getLine() + ":"
                + r.getEnd().getCharacter();
    }

    @Test
    void everyLinkFormResolvesAndOnlyTheDanglingOneWarns() throws Exception {
        String uri = open("", String.join("\n",
                "# Links",
                "",
                "Basics: [[Basics]], [[basics]], [[Basics.md]], [[AI/ML/Probability/Basics]], "
                        + "[[Probability/Basics#Variance|variance]], [[Probability/Basics#^var-def]], "
                        + "[[Probability/Basics#Expected value the mean]].",
                "Embeds: ![[Pasted image 20240101120000.png]], ![[paper.pdf#page=3]], ![[attachments/paper.pdf]], "
                        + "![[Transformers]].",
                "Aliases: [[Attention models]], [[self-attention]].",
                "Local: [[#Links]], [[#Local section]], [[#local-section]].",
                "Markdown: [spread](AI/ML/Probability/Basics.md#variance), [spaces](<notes with spaces.md>), "
                        + "[encoded](notes%20with%20spaces.md#setup), [image](attachments/Pasted%20image%2020240101120000.png), "
                        + "![inline](attachments/paper.pdf), [web](https://example.org/missing.md), [top](#links).",
                "| table | [[Transformers\\|a cell]] |",
                "Planned: [[Nowhere note]].",
                "",
                "## Local section",
                ""));
        List<Diagnostic> d = diagnostics(uri, 1);
        assertEquals(List.of("8:11-23 Warning unresolved-link No paper or note named 'Nowhere note'"),
                d.stream().map(NoteLinksTest::describe).toList());
    }

    @Test
    void definitionLandsOnTheNoteTheHeadingTheBlockOrTheFile() throws Exception {
        assertEquals(List.of("AI/ML/Probability/Basics.md 2:0-2:11"),
                definition("", "[[Probability/Basics#Vari‸ance|variance]]").stream().map(this::where).toList());
        assertEquals(List.of("AI/ML/Probability/Basics.md 4:0-4:50"),
                definition("", "[[Probability/Basics#^var‸-def]]").stream().map(this::where).toList());
        assertEquals(List.of("AI/ML/Probability/Basics.md 2:0-2:11"),
                definition("", "[spread](AI/ML/Probability/Basics.md#vari‸ance)").stream().map(this::where).toList());
        assertEquals(List.of("attachments/Pasted%20image%2020240101120000.png 0:0-0:0"),
                definition("", "![[Pasted ima‸ge 20240101120000.png]]").stream().map(this::where).toList());
        assertEquals(List.of("Transformers.md 0:0-0:0"),
                definition("", "[[Attention mod‸els]]").stream().map(this::where).toList());
        assertEquals(List.of("notes%20with%20spaces.md 2:0-2:8"),
                definition("", "[x](notes%20with%20spa‸ces.md#setup)").stream().map(this::where).toList());
        List<? extends LocationLink> local = definition("", "# Top\n\n[[#To‸p]]");
        assertEquals(1, local.size());
        assertEquals(new Range(new Position(0, 0), new Position(0, 5)), local.get(0).getTargetSelectionRange());
    }

    @Test
    void aNameSeveralFilesShareResolvesInTheNotesFolderFirstThenTheShortestPath() throws Exception {
        assertEquals(List.of("other/Basics.md 0:0-0:0"), definition("", "[[Bas‸ics]]").stream().map(this::where).toList());
        assertEquals(List.of("AI/ML/Probability/Basics.md 0:0-0:0"),
                definition("AI/ML/Probability", "[[Bas‸ics]]").stream().map(this::where).toList());
        assertEquals(List.of("AI/ML/Probability/Basics.md 0:0-0:0"),
                definition("other", "[[ML/Probability/Bas‸ics]]").stream().map(this::where).toList());
        assertEquals(List.of("other/Basics.md 0:0-0:0"),
                definition("AI", "[b](../other/Bas‸ics.md)").stream().map(this::where).toList());
    }

    @Test
    void missingHeadingsAndBlocksAreTheirOwnWarningWithDidYouMeanFixes() throws Exception {
        String uri = open("", String.join("\n",
                "# Here",
                "",
                "[[Probability/Basics#Varianse]] [[Probability/Basics#^nope]] [[#Nowhere]]",
                "[x](AI/ML/Probability/Basics.md#no-such) [[Probability/Basics#Variance]]",
                ""));
        List<Diagnostic> d = diagnostics(uri, 4);
        assertEquals(List.of(
                "2:21-29 Warning missing-anchor No heading 'Varianse' in 'Basics'",
                "2:53-58 Warning missing-anchor No block '^nope' in 'Basics'",
                "2:64-71 Warning missing-anchor No heading 'Nowhere' in this note",
                "3:32-39 Warning missing-anchor No heading 'no-such' in 'Basics'"),
                d.stream().map(NoteLinksTest::describe).toList());
        List<CodeAction> fixes = codeActions(uri, d.get(0));
        assertEquals("Replace with #Variance", fixes.get(0).getTitle());
        var edit = fixes.get(0).getEdit().getChanges().get(uri).get(0);
        assertEquals("Variance", edit.getNewText());
        assertEquals(d.get(0).getRange(), edit.getRange());
    }

    private List<CodeAction> codeActions(String uri, Diagnostic d) throws Exception {
        CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), d.getRange(),
                new CodeActionContext(List.of(d)));
        return client.server().getTextDocumentService().codeAction(params).get(10, TimeUnit.SECONDS)
                .stream().map(e -> e.getRight()).toList();
    }

    @Test
    void danglingLinksFollowTheSeveritySettingAndMissingAnchorsStayWarnings() throws Exception {
        String text = String.join("\n",
                "[[Brand new idea]] ![[missing.png]] [x](missing/note.md) [up](../outside.md) [[Probability/Basics#Nope]]",
                "");
        String uri = open("", text);
        assertEquals(List.of(
                "0:2-16 Warning unresolved-link No paper or note named 'Brand new idea'",
                "0:22-33 Warning unresolved-link No file named 'missing.png'",
                "0:40-55 Warning unresolved-link No note or file 'missing/note.md'",
                "0:98-102 Warning missing-anchor No heading 'Nope' in 'Basics'"),
                diagnostics(uri, 4).stream().map(NoteLinksTest::describe).toList());
        JsonObject saved = client.configuration.deepCopy();
        try {
            setDanglingLinks("information");
            PublishDiagnosticsParams info = client.awaitDiagnostics(uri, p -> p.getDiagnostics().size() == 4
                    && p.getDiagnostics().get(0).getSeverity() == DiagnosticSeverity.Information, 20);
            assertEquals(List.of(DiagnosticSeverity.Information, DiagnosticSeverity.Information,
                    DiagnosticSeverity.Information, DiagnosticSeverity.Warning),
                    info.getDiagnostics().stream().map(Diagnostic::getSeverity).toList());
            setDanglingLinks("off");
            assertEquals(List.of("0:98-102 Warning missing-anchor No heading 'Nope' in 'Basics'"),
                    diagnostics(uri, 1).stream().map(NoteLinksTest::describe).toList());
        } finally {
            setDanglingLinks("warning");
            diagnostics(uri, 4); // the server pulls the settings when told they changed: wait before putting them back
            client.configuration = saved;
        }
    }

    private void setDanglingLinks(String value) {
        JsonObject o = client.configuration.deepCopy();
        JsonObject diagnostics = new JsonObject();
        diagnostics.addProperty("danglingLinks", value);
        o.add("diagnostics", diagnostics);
        client.configuration = o;
        client.server().getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(o));
    }

    @Test
    void anAttachmentAddedOnDiskStopsTheWarningAndItsDeletionBringsItBack() throws Exception {
        String uri = open("", "![[later.png]]\n");
        assertEquals(List.of("0:3-12 Warning unresolved-link No file named 'later.png'"),
                diagnostics(uri, 1).stream().map(NoteLinksTest::describe).toList());
        Path png = vault.resolve("attachments/later.png");
        Files.write(png, new byte[] {1, 2, 3});
        client.server().getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(png.toUri().toString(), FileChangeType.Created))));
        diagnostics(uri, 0);
        Files.delete(png);
        client.server().getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(png.toUri().toString(), FileChangeType.Deleted))));
        diagnostics(uri, 1);
    }

    private List<String> complete(String folder, String marked) throws Exception {
        Cursor c = Cursor.of(marked);
        String uri = open(folder, c.text());
        List<CompletionItem> items = client.server().getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(uri), c.position()))
                .get(10, TimeUnit.SECONDS).getRight().getItems();
        List<String> out = new ArrayList<>();
        for (CompletionItem i : items) {
            var e = i.getTextEdit().getLeft();
            out.add(i.getLabel() + " @" + e.getRange().getStart().getCharacter() + "-" + e.getRange().getEnd().getCharacter()
                    + " " + e.getNewText());
        }
        return out;
    }

    @Test
    void headingsAndBlocksAreCompletedAfterHashAndCaret() throws Exception {
        assertEquals(List.of("Basics @21-21 Basics]]", "Variance @21-21 Variance]]",
                "Expected value the mean @21-21 Expected value the mean]]"),
                complete("", "[[Probability/Basics#‸"));
        assertEquals(List.of("Basics @21-24 Basics", "Variance @21-24 Variance",
                "Expected value the mean @21-24 Expected value the mean"),
                complete("", "[[Probability/Basics#Var‸]]"));
        assertEquals(List.of("^var-def @21-22 ^var-def]]"), complete("", "[[Probability/Basics#^‸"));
        assertEquals(List.of("Mine @3-3 Mine]]", "Second @3-3 Second]]"), complete("", "[[#‸\n\n# Mine\n\n## Second\n"));
    }

    @Test
    void referencesOfANoteFindEveryLinkFormInUnopenedNotes() throws Exception {
        Cursor c = Cursor.of("[[AI/ML/Probability/Bas‸ics]]");
        String uri = open("", c.text());
        List<Location> refs = client.server().getTextDocumentService().references(new ReferenceParams(
                new TextDocumentIdentifier(uri), c.position(), new ReferenceContext(false))).get(20, TimeUnit.SECONDS)
                .stream().map(l -> (Location) l).toList();
        List<String> found = new ArrayList<>();
        for (Location l : refs) {
            String rel = vault.toUri().relativize(java.net.URI.create(l.getUri())).getPath();
            if (!rel.substring(rel.lastIndexOf('/') + 1).startsWith("scratch-")) {
                found.add(rel + " " + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter()
                        + "-" + l.getRange().getEnd().getCharacter());
            }
        }
        assertEquals(List.of("AI/ML/Probability/Sampling.md 2:6-12", "reading/2017 - Attention.md 2:16-40",
                "reading/2017 - Attention.md 2:69-99", "reading/2017 - Attention.md 3:3-21"), found);
    }

    @Test
    void embedsAndNoteLinksAreDocumentLinks() throws Exception {
        String uri = open("", "![[paper.pdf]] and [[Probability/Basics#Variance]] and [[Nowhere at all]]\n");
        List<DocumentLink> links = client.server().getTextDocumentService()
                .documentLink(new DocumentLinkParams(new TextDocumentIdentifier(uri))).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(uri("attachments/paper.pdf"), uri("AI/ML/Probability/Basics.md") + "#L3"),
                links.stream().map(DocumentLink::getTarget).toList());
    }

    @Test
    void notesInHiddenFoldersAreNeverTargets() throws Exception {
        assertTrue(definition("", "[[.obsidian/Bas‸ics]]").isEmpty());
    }
}
