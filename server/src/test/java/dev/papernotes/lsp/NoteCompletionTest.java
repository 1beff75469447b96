package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notes offered inside {@code [[}, over the protocol: which, in what order, under what name, and
 * no more than the list has room for however many notes the workspace holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NoteCompletionTest {
    private static final int MAX_ITEMS = 6;
    private Path notes;
    private LspTestClient client;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        notes = Files.createDirectories(tmp.resolve("notes"));
        Files.createDirectories(notes.resolve("projects"));
        // Forty notes whose names sort after the ones below ("k…"), so that a bare [[ has more notes than room.
        for (int i = 0; i < 40; i++) {
            Files.writeString(notes.resolve(String.format("kq%02d.md", i)), "# " + i + "\n");
        }
        for (String name : List.of("zqx.md", "zqx-later.md", "Zqx early.md", "the zqx.md", "Beta.md", "alpha.md",
                "projects/alpha.md", "projects/Delta plan.md", "writing.md")) {
            Files.writeString(notes.resolve(name), "# " + name + "\n");
        }
        JsonObject options = LspTestClient.options(tmp.resolve("index"));
        JsonObject completion = new JsonObject();
        completion.addProperty("maxItems", MAX_ITEMS);
        options.add("completion", completion);
        client = LspTestClient.ready(notes, options);
    }

    @AfterAll
    void stop() throws Exception {
        client.shutdownAndExit();
        client.close();
    }

    /** Label, kind and inserted text of every item, in sort-text order, typed in {@code writing.md}. */
    private List<String> complete(String marked) throws Exception {
        Cursor c = Cursor.of(marked);
        String uri = notes.resolve("writing.md").toUri().toString();
        client.open(uri, c.text());
        List<CompletionItem> items = new ArrayList<>(client.server().getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(uri), c.position()))
                .get(10, TimeUnit.SECONDS).getRight().getItems());
        items.sort((a, b) -> a.getSortText().compareTo(b.getSortText()));
        List<String> out = new ArrayList<>();
        for (CompletionItem i : items) {
            String kind = i.getKind() == CompletionItemKind.File ? "note" : "paper";
            out.add(kind + " " + i.getLabel() + " -> " + i.getTextEdit().getLeft().getNewText());
        }
        return out;
    }

    @Test
    void aBareLinkListsTheFirstNotesByNameAndNoMore() throws Exception {
        // Not writing.md itself; "alpha" names two notes, so each goes by its path; case aside.
        assertEquals(List.of("note alpha -> alpha]]", "note projects/alpha -> projects/alpha]]",
                "note Beta -> Beta]]", "note Delta plan -> Delta plan]]", "note kq00 -> kq00]]",
                "note kq01 -> kq01]]"), complete("See [[‸"));
    }

    @Test
    void aNoteNamedAsTypedFirstThenPrefixesThenNamesThatContainIt() throws Exception {
        assertEquals(List.of("note zqx -> zqx]]", "note Zqx early -> Zqx early]]", "note zqx-later -> zqx-later]]",
                "note the zqx -> the zqx]]"), complete("See [[zqx‸"));
    }

    @Test
    void typingOnNarrowsTheNotesAndDeletingWidensThemAgain() throws Exception {
        List<String> inside = List.of("note the zqx -> the zqx]]", "note zqx -> zqx]]", "note Zqx early -> Zqx early]]",
                "note zqx-later -> zqx-later]]");
        assertEquals(List.of(), notes(complete("See [[q‸")));
        assertEquals(inside, notes(complete("See [[qx‸")));
        assertEquals(List.of("note Zqx early -> Zqx early]]"), notes(complete("See [[qx ea‸")));
        assertEquals(inside, notes(complete("See [[qx‸")));
        // One letter is matched at the start of a name only: "the zqx" has a z inside.
        assertEquals(List.of("note zqx -> zqx]]", "note Zqx early -> Zqx early]]", "note zqx-later -> zqx-later]]"),
                notes(complete("See [[z‸")));
    }

    @Test
    void aNoteAddedBetweenTwoKeystrokesIsFoundByTheSecond() throws Exception {
        assertEquals(List.of(), notes(complete("See [[wq‸")));
        Path added = notes.resolve("wqy.md");
        Files.writeString(added, "# new\n");
        client.server().getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(added.toUri().toString(), FileChangeType.Created))));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> found = notes(complete("See [[wqy‸"));
        while (found.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
            found = notes(complete("See [[wqy‸"));
        }
        assertEquals(List.of("note wqy -> wqy]]"), found);
    }

    private static List<String> notes(List<String> items) {
        return items.stream().filter(i -> i.startsWith("note ")).toList();
    }

    @Test
    void notesAddedAndDeletedOnDiskComeAndGo() throws Exception {
        Path added = notes.resolve("projects/aardvark.md");
        Files.writeString(added, "# new\n");
        client.server().getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(added.toUri().toString(), FileChangeType.Created))));
        assertEquals(List.of("note aardvark -> aardvark]]", "note alpha -> alpha]]",
                "note projects/alpha -> projects/alpha]]", "note Beta -> Beta]]", "note Delta plan -> Delta plan]]",
                "note kq00 -> kq00]]"), awaitBareLink("note aardvark -> aardvark]]", true));
        Files.delete(added);
        client.server().getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(added.toUri().toString(), FileChangeType.Deleted))));
        assertEquals(List.of("note alpha -> alpha]]", "note projects/alpha -> projects/alpha]]", "note Beta -> Beta]]",
                "note Delta plan -> Delta plan]]", "note kq00 -> kq00]]", "note kq01 -> kq01]]"),
                awaitBareLink("note aardvark -> aardvark]]", false));
    }

    /** The bare-link list once {@code item} is in it ({@code present}) or out of it; watched files are handled in turn. */
    private List<String> awaitBareLink(String item, boolean present) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            List<String> items = complete("See [[‸");
            if (items.contains(item) == present || System.nanoTime() > end) {
                return items;
            }
            Thread.sleep(20);
        }
    }
}
