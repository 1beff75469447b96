package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileRename;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameFile;
import org.eclipse.lsp4j.RenameFilesParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.ResourceOperationKind;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editing the note graph through the protocol: rename (from a link, a title, a heading; as a move
 * into a folder; from the editor's explorer), with a client that takes file operations and one that
 * does not, and the create-note fix with and without a paper. The clients do not apply the edits,
 * so every test sees the same fixture and checks the exact edit the server proposes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NoteGraphEditingTest {
    private Path vault;
    /** Takes documentChanges with file creation and renames (VS Code). */
    private LspTestClient capable;
    /** Says nothing about workspace edits: the plain changes map only. */
    private LspTestClient plain;
    /**
     * Lists resource operations but says nothing of documentChanges, as Neovim (0.7 to 0.11) does;
     * resource operations exist only in documentChanges, so it takes them.
     */
    private LspTestClient neovim;
    private int counter;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        vault = Files.createDirectories(tmp.resolve("vault"));
        write("Old Note.md", String.join("\n",
                "---",
                "aliases: [OldAlias]",
                "---",
                "# Old Note",
                "",
                "## Method",
                "",
                "Body. See [[#Method]] and [sibling](Sibling.md).",
                ""));
        write("Sibling.md", "# Sibling\n");
        write("Same.md", "Beside: [rel](Old%20Note.md) and [[Old Note#Method|m]].\n");
        write("refs/Linker.md", String.join("\n",
                "[[Old Note]] [[Old Note|shown]] [[Old Note#Method]] [[old note.md]] ![[Old Note]] [[OldAlias]]",
                "[md](../Old%20Note.md#method) [angled](<../Old Note.md>)",
                ""));
        write("Topic.md", String.join("\n",
                "# Topic",
                "",
                "## Results so far",
                "",
                "See [[#Results so far]].",
                ""));
        write("refs/TopicLinks.md", "[[Topic#Results so far|results]] and [r](../Topic.md#results-so-far).\n");
        write("Draft Title.md", "# Draft Title\n\nText.\n");
        write("refs/Drafts.md", "Read [[Draft Title]].\n");
        capable = new LspTestClient();
        JsonObject options = options(tmp.resolve("index-capable"));
        capable.configuration = options;
        capable.initialize(List.of(vault), options, caps -> {
            WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
            edits.setDocumentChanges(true);
            edits.setResourceOperations(List.of(ResourceOperationKind.Create, ResourceOperationKind.Rename));
            caps.getWorkspace().setWorkspaceEdit(edits);
            var rename = new org.eclipse.lsp4j.RenameCapabilities(true, false);
            caps.getTextDocument().setRename(rename);
        });
        capable.awaitReady();
        plain = LspTestClient.ready(vault, tmp.resolve("index-plain"));
        neovim = new LspTestClient();
        JsonObject neovimOptions = options(tmp.resolve("index-neovim"));
        neovim.configuration = neovimOptions;
        neovim.initialize(List.of(vault), neovimOptions, caps -> {
            WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
            edits.setResourceOperations(List.of(ResourceOperationKind.Rename, ResourceOperationKind.Create,
                    ResourceOperationKind.Delete));
            caps.getWorkspace().setWorkspaceEdit(edits);
        });
        neovim.awaitReady();
    }

    private static JsonObject options(Path index) {
        JsonObject options = new JsonObject();
        com.google.gson.JsonArray corpus = new com.google.gson.JsonArray();
        corpus.add(dev.papernotes.TestCorpus.dir().toString());
        options.add("corpus", corpus);
        options.addProperty("indexDir", index.toString());
        return options;
    }

    @AfterAll
    void stop() throws Exception {
        for (LspTestClient c : new LspTestClient[] {capable, plain, neovim}) {
            c.shutdownAndExit();
            c.close();
        }
    }

    private void write(String relative, String text) throws Exception {
        Path p = vault.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String uri(String relative) {
        return vault.resolve(relative).toUri().toString();
    }

    private String rel(String uri) {
        return vault.toUri().relativize(java.net.URI.create(uri)).getPath();
    }

    private final List<Map.Entry<LspTestClient, String>> opened = new ArrayList<>();

    private String open(LspTestClient client, String folder, String text) {
        String uri = uri((folder.isEmpty() ? "" : folder + "/") + "scratch-" + (counter++) + ".md");
        openAs(client, uri, text);
        return uri;
    }

    private void openAs(LspTestClient client, String uri, String text) {
        client.open(uri, text);
        opened.add(Map.entry(client, uri));
    }

    /** Every test starts from the fixture: what a test opened (and its links) is gone. */
    @AfterEach
    void closeOpened() throws Exception {
        for (Map.Entry<LspTestClient, String> e : opened) {
            e.getKey().server().getTextDocumentService().didClose(
                    new org.eclipse.lsp4j.DidCloseTextDocumentParams(new TextDocumentIdentifier(e.getValue())));
        }
        opened.clear();
        // didClose is a notification: a request after it is answered after it.
        for (LspTestClient c : new LspTestClient[] {capable, plain, neovim}) {
            c.server().getWorkspaceService().symbol(new org.eclipse.lsp4j.WorkspaceSymbolParams("x")).get(20, TimeUnit.SECONDS);
        }
    }

    /** Each change of a documentChanges edit: "file@version: line:from-to text" per edit, or "rename a -> b". */
    private List<String> describe(WorkspaceEdit edit) {
        List<String> out = new ArrayList<>();
        for (Either<TextDocumentEdit, ResourceOperation> c : edit.getDocumentChanges()) {
            if (c.isLeft()) {
                TextDocumentEdit t = c.getLeft();
                String name = rel(t.getTextDocument().getUri());
                name = name.substring(name.lastIndexOf('/') + 1).startsWith("scratch-") ? "scratch" : name;
                for (var e : t.getEdits()) {
                    out.add(name + "@" + t.getTextDocument().getVersion() + ": " + range(e.getLeft().getRange()) + " "
                            + e.getLeft().getNewText());
                }
            } else if (c.getRight() instanceof RenameFile r) {
                out.add("rename " + rel(r.getOldUri()) + " -> " + rel(r.getNewUri()) + " overwrite="
                        + r.getOptions().getOverwrite());
            } else if (c.getRight() instanceof CreateFile f) {
                out.add("create " + rel(f.getUri()) + " overwrite=" + f.getOptions().getOverwrite() + " ignoreIfExists="
                        + f.getOptions().getIgnoreIfExists());
            }
        }
        return out;
    }

    private static String range(Range r) {
        return r.getStart().getLine() + ":" + r.getStart().getCharacter() + "-" + r.getEnd().getCharacter();
    }

    private WorkspaceEdit rename(LspTestClient client, String uri, Position p, String newName) throws Exception {
        return client.server().getTextDocumentService()
                .rename(new RenameParams(new TextDocumentIdentifier(uri), p, newName)).get(20, TimeUnit.SECONDS);
    }

    private PrepareRenameResult prepare(String uri, Position p) throws Exception {
        var r = capable.server().getTextDocumentService()
                .prepareRename(new PrepareRenameParams(new TextDocumentIdentifier(uri), p)).get(10, TimeUnit.SECONDS);
        return r == null ? null : r.getSecond();
    }

    @Test
    void renamingANoteFromALinkRenamesTheFileAndEveryLinkInItsOwnForm() throws Exception {
        Cursor c = Cursor.of("Read [[Old No‸te]] again.");
        String uri = open(capable, "", c.text());
        PrepareRenameResult prepared = prepare(uri, c.position());
        assertEquals(new Range(new Position(0, 7), new Position(0, 15)), prepared.getRange());
        assertEquals("Old Note", prepared.getPlaceholder());
        WorkspaceEdit edit = rename(capable, uri, c.position(), "New Note");
        assertEquals(List.of(
                "Same.md@null: 0:14-27 New%20Note.md",
                "Same.md@null: 0:35-43 New Note",
                "refs/Linker.md@null: 0:2-10 New Note",
                "refs/Linker.md@null: 0:15-23 New Note",
                "refs/Linker.md@null: 0:34-42 New Note",
                "refs/Linker.md@null: 0:54-65 New Note.md",
                "refs/Linker.md@null: 0:71-79 New Note",
                "refs/Linker.md@null: 1:5-21 ../New%20Note.md",
                "refs/Linker.md@null: 1:40-54 ../New Note.md",
                "scratch@1: 0:7-15 New Note",
                "rename Old Note.md -> New Note.md overwrite=false"),
                describe(edit));
    }

    @Test
    void aMoveIntoAFolderRewritesPathsButNotNames() throws Exception {
        Cursor c = Cursor.of("[[Old No‸te]]");
        String uri = open(capable, "", c.text());
        WorkspaceEdit edit = rename(capable, uri, c.position(), "archive/Old Note");
        assertEquals(List.of(
                "Old Note.md@null: 7:36-46 ../Sibling.md",
                "Same.md@null: 0:14-27 archive/Old%20Note.md",
                "refs/Linker.md@null: 1:5-21 ../archive/Old%20Note.md",
                "refs/Linker.md@null: 1:40-54 ../archive/Old Note.md",
                "rename Old Note.md -> archive/Old Note.md overwrite=false"),
                describe(edit));
    }

    @Test
    void theEditorsExplorerMoveGetsTheSameLinkEditsWithoutARename() throws Exception {
        WorkspaceEdit edit = capable.server().getWorkspaceService().willRenameFiles(new RenameFilesParams(List.of(
                new FileRename(uri("Old Note.md"), uri("archive/Old Note.md"))))).get(20, TimeUnit.SECONDS);
        assertEquals(List.of(
                "Old Note.md@null: 7:36-46 ../Sibling.md",
                "Same.md@null: 0:14-27 archive/Old%20Note.md",
                "refs/Linker.md@null: 1:5-21 ../archive/Old%20Note.md",
                "refs/Linker.md@null: 1:40-54 ../archive/Old Note.md"),
                describe(edit));
        WorkspaceEdit folder = capable.server().getWorkspaceService().willRenameFiles(new RenameFilesParams(List.of(
                new FileRename(uri("refs"), uri("links"))))).get(20, TimeUnit.SECONDS);
        assertEquals(List.of(), describe(folder), "notes linked by name and relative paths that move together stay");
    }

    @Test
    void aRenameTheServerAskedForIsNotRewrittenTwiceWhenTheEditorAnnouncesIt() throws Exception {
        Cursor c = Cursor.of("[[Draft Ti‸tle]]");
        String uri = open(capable, "", c.text());
        WorkspaceEdit edit = rename(capable, uri, c.position(), "Other Draft");
        assertTrue(describe(edit).contains("rename Draft Title.md -> Other Draft.md overwrite=false"), describe(edit).toString());
        WorkspaceEdit again = capable.server().getWorkspaceService().willRenameFiles(new RenameFilesParams(List.of(
                new FileRename(uri("Draft Title.md"), uri("Other Draft.md"))))).get(20, TimeUnit.SECONDS);
        assertEquals(List.of(), describe(again));
    }

    @Test
    void renamingATitleRenamesTheHeadingTheFileAndTheLinks() throws Exception {
        String draft = uri("Draft Title.md");
        openAs(capable, draft, Files.readString(vault.resolve("Draft Title.md")));
        Position onTitle = new Position(0, 4);
        PrepareRenameResult prepared = prepare(draft, onTitle);
        assertEquals(new Range(new Position(0, 2), new Position(0, 13)), prepared.getRange());
        assertEquals("Draft Title", prepared.getPlaceholder());
        assertEquals(List.of(
                "Draft Title.md@1: 0:2-13 Final: Title",
                "refs/Drafts.md@null: 0:7-18 Final Title",
                "rename Draft Title.md -> Final Title.md overwrite=false"),
                describe(rename(capable, draft, onTitle, "Final: Title")));
    }

    @Test
    void renamingAHeadingUpdatesEveryLinkToIt() throws Exception {
        String topic = uri("Topic.md");
        openAs(capable, topic, Files.readString(vault.resolve("Topic.md")));
        Position onHeading = new Position(2, 6);
        PrepareRenameResult prepared = prepare(topic, onHeading);
        assertEquals(new Range(new Position(2, 3), new Position(2, 17)), prepared.getRange());
        assertEquals("Results so far", prepared.getPlaceholder());
        assertEquals(List.of(
                "Topic.md@1: 2:3-17 Findings",
                "Topic.md@1: 4:7-21 Findings",
                "refs/TopicLinks.md@null: 0:8-22 Findings",
                "refs/TopicLinks.md@null: 0:53-67 findings"),
                describe(rename(capable, topic, onHeading, "Findings")));
        // From a link's #anchor too.
        Cursor c = Cursor.of("[[Topic#Results s‸o far]]");
        String uri = open(capable, "", c.text());
        assertEquals("Results so far", prepare(uri, c.position()).getPlaceholder());
    }

    @Test
    void papersAreNotRenamedAndPlainTextIsNothingToRename() throws Exception {
        Cursor c = Cursor.of("[[Prepa‸cking]]");
        String uri = open(capable, "", c.text());
        ExecutionException e = assertThrows(ExecutionException.class, () -> prepare(uri, c.position()));
        ResponseErrorException error = (ResponseErrorException) e.getCause();
        assertEquals("'Prepacking' is a paper in the corpus, not a note: papers are not renamed (the corpus is not your "
                + "text). To rename the link text, give it an alias: [[Prepacking|...]].", error.getResponseError().getMessage());
        Cursor plainText = Cursor.of("Just wo‸rds.");
        assertNull(prepare(open(capable, "", plainText.text()), plainText.position()));
    }

    @Test
    void anEditorThatCannotRenameFilesGetsTheLinkEditsAndAMessage() throws Exception {
        Cursor c = Cursor.of("[[Old No‸te]]");
        String uri = open(plain, "", c.text());
        WorkspaceEdit edit = rename(plain, uri, c.position(), "New Note");
        assertNull(edit.getDocumentChanges());
        Map<String, List<TextEdit>> changes = edit.getChanges();
        assertEquals(List.of("New%20Note.md", "New Note"),
                changes.get(uri("Same.md")).stream().map(TextEdit::getNewText).toList());
        assertEquals(7, changes.get(uri("refs/Linker.md")).size(), "every link but the alias");
        assertEquals(List.of("New Note"), changes.get(uri).stream().map(TextEdit::getNewText).toList());
        MessageParams m = plain.awaitLog(l -> l.getMessage().contains("rename"), 10);
        assertEquals("papernotes: your editor does not let a language server rename files, so only the links were "
                + "changed: they now point to 'New Note.md'. Rename 'Old Note.md' to 'New Note.md' yourself.", m.getMessage());
    }

    @Test
    void aClientThatListsResourceOperationsWithoutDocumentChangesGetsTheRenameAndTheNewFile() throws Exception {
        Cursor c = Cursor.of("[[Old No‸te]] and [[Fresh Note]]");
        String uri = open(neovim, "", c.text());
        List<String> renamed = describe(rename(neovim, uri, c.position(), "New Note"));
        assertEquals("rename Old Note.md -> New Note.md overwrite=false", renamed.get(renamed.size() - 1));
        assertTrue(renamed.contains("scratch@1: 0:2-10 New Note"), renamed.toString());
        CodeAction create = titled(actions(neovim, uri, new Position(0, c.text().indexOf("Fresh") + 2)), "Create note");
        assertNull(create.getCommand());
        assertEquals(List.of(
                "create Fresh Note.md overwrite=false ignoreIfExists=false",
                "Fresh Note.md@null: 0:0-0 # Fresh Note\n\n"),
                describe(create.getEdit()));
    }

    private List<CodeAction> actions(LspTestClient client, String uri, Position at) throws Exception {
        return client.server().getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(uri),
                new Range(at, at), new CodeActionContext(List.of()))).get(20, TimeUnit.SECONDS)
                .stream().map(Either::getRight).toList();
    }

    private static CodeAction titled(List<CodeAction> actions, String prefix) {
        return actions.stream().filter(a -> a.getTitle().startsWith(prefix)).findFirst().orElse(null);
    }

    @Test
    void createNoteMakesTheFileWithATitleBesideTheNote() throws Exception {
        Cursor c = Cursor.of("Plan: [[Brand New Id‸ea]].");
        String uri = open(capable, "refs", c.text());
        CodeAction a = titled(actions(capable, uri, c.position()), "Create note");
        assertEquals("Create note 'refs/Brand New Idea.md'", a.getTitle());
        assertEquals(List.of(
                "create refs/Brand New Idea.md overwrite=false ignoreIfExists=false",
                "refs/Brand New Idea.md@null: 0:0-0 # Brand New Idea\n\n"),
                describe(a.getEdit()));
        Cursor odd = Cursor.of("[[What: a ti‸tle?]]");
        CodeAction sanitized = titled(actions(capable, open(capable, "", odd.text()), odd.position()), "Create note");
        assertEquals(List.of(
                "create What a title.md overwrite=false ignoreIfExists=false",
                "What a title.md@null: 0:0-0 ---\naliases:\n  - \"What: a title?\"\n---\n\n# What: a title?\n\n"),
                describe(sanitized.getEdit()));
    }

    @Test
    void createNoteOnAPaperMakesALiteratureNote() throws Exception {
        Cursor c = Cursor.of("[[Prepack‸ing]]");
        String uri = open(capable, "", c.text());
        CodeAction a = titled(actions(capable, uri, c.position()), "Create literature note");
        assertEquals("Create literature note 'Prepacking.md'", a.getTitle());
        List<String> changes = describe(a.getEdit());
        assertEquals("create Prepacking.md overwrite=false ignoreIfExists=false", changes.get(0));
        String text = a.getEdit().getDocumentChanges().get(1).getLeft().getEdits().get(0).getLeft().getNewText();
        Path page = dev.papernotes.TestCorpus.dir().resolve("000_2d47f89bf13333c2.txt");
        List<String> lines = Files.readAllLines(page);
        int titleLine = -1;
        for (int i = 0; i < lines.size() && titleLine < 0; i++) {
            if (lines.get(i).startsWith("Prepacking: A Simple Method")) {
                titleLine = i;
            }
        }
        String title = lines.get(titleLine);
        String abstractText = lines.get(titleLine + 2);
        assertTrue(text.startsWith("---\ncitekey: \"prepacking\"\n---\n\n# " + title + "\n\n"), text);
        assertTrue(text.contains("- Citekey: [@prepacking]\n"), text);
        assertTrue(text.contains("- Source: [000_2d47f89bf13333c2.txt, line " + (titleLine + 1) + "]("
                + page.toRealPath().toUri() + "#L" + (titleLine + 1) + ")"), text);
        String summary = text.substring(text.indexOf("## Summary\n\n") + 12, text.indexOf("\n\n## Notes"));
        assertTrue(!summary.isBlank() && abstractText.contains(summary.substring(0, Math.min(60, summary.length()))), summary);
        assertTrue(text.endsWith("## Notes\n\n"), text);
    }

    @Test
    void createNoteGoesToTheConfiguredFolderAndNeverOverwrites() throws Exception {
        Cursor c = Cursor.of("[[Another Id‸ea]]");
        String uri = open(capable, "refs", c.text());
        try {
            setNewNoteFolder("inbox");
            assertEquals("Create note 'inbox/Another Idea.md'", awaitCreateTitle(uri, c.position(), "inbox"));
        } finally {
            setNewNoteFolder(""); // kept: the server pulls settings when told, so they stay until it has
            awaitCreateTitle(uri, c.position(), "refs/");
        }
        // A file the server has not heard of yet is still never overwritten.
        write("Ghost.md", "# Ghost\n");
        Cursor g = Cursor.of("[[Gho‸st]]");
        List<CodeAction> ghost = actions(capable, open(capable, "", g.text()), g.position());
        assertNull(titled(ghost, "Create"), ghost.toString());
    }

    /** The create-note title once it mentions {@code folder} (settings are pulled asynchronously). */
    private String awaitCreateTitle(String uri, Position at, String folder) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String title = null;
        while (System.nanoTime() < end) {
            CodeAction a = titled(actions(capable, uri, at), "Create note");
            title = a == null ? null : a.getTitle();
            if (title != null && title.contains(folder)) {
                return title;
            }
            Thread.sleep(50);
        }
        return title;
    }

    private void setNewNoteFolder(String folder) {
        JsonObject o = capable.configuration.deepCopy();
        JsonObject notes = new JsonObject();
        notes.addProperty("newNoteFolder", folder);
        o.add("notes", notes);
        capable.configuration = o;
        capable.server().getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(o));
    }

    @Test
    void anEditorThatCannotCreateFilesGetsACommandThatNeverOverwrites() throws Exception {
        Cursor c = Cursor.of("[[Made By Com‸mand]]");
        String uri = open(plain, "", c.text());
        CodeAction a = titled(actions(plain, uri, c.position()), "Create note");
        assertNull(a.getEdit());
        assertEquals("papernotes.createNote", a.getCommand().getCommand());
        ExecuteCommandParams run = new ExecuteCommandParams(a.getCommand().getCommand(), a.getCommand().getArguments());
        Object created = plain.server().getWorkspaceService().executeCommand(run).get(20, TimeUnit.SECONDS);
        assertEquals(uri("Made By Command.md"), String.valueOf(created).replace("\"", ""));
        assertEquals("# Made By Command\n\n", Files.readString(vault.resolve("Made By Command.md")));
        ExecutionException again = assertThrows(ExecutionException.class,
                () -> plain.server().getWorkspaceService().executeCommand(run).get(20, TimeUnit.SECONDS));
        assertEquals("'Made By Command.md' already exists; papernotes never overwrites a note.",
                ((ResponseErrorException) again.getCause()).getResponseError().getMessage());
        assertEquals("# Made By Command\n\n", Files.readString(vault.resolve("Made By Command.md")));
    }
}
