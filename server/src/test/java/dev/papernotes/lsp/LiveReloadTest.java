package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.index.LibraryFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library changed on disk is served without a restart: watched by the server itself when it is
 * outside the workspace, reported by the editor when inside; a half-written file keeps the papers
 * of its last good read until it reads whole again. No timings are asserted (those are measured by
 * the benchmark); the tests wait for the new answer.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveReloadTest {
    @TempDir
    Path tmp;

    private static final String NEW_ENTRY = "\n@article{zhangLiveReload2024,\n  title = {Reloaded While You Wait},\n"
            + "  author = {Zhang, Wei},\n  year = {2024},\n  journal = {Journal of Invented Results}\n}\n";

    private static List<String> citekeys(LspTestClient client, Path notes, String typed) throws Exception {
        Cursor c = Cursor.of("See " + typed + Cursor.MARK);
        String uri = notes.resolve("n" + System.nanoTime() + ".md").toUri().toString();
        client.open(uri, c.text());
        return client.server().getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(uri), c.position()))
                .get(10, TimeUnit.SECONDS).getRight().getItems().stream().map(CompletionItem::getLabel).toList();
    }

    private static void awaitCitekey(LspTestClient client, Path notes, String typed, String key, boolean present)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> last = List.of();
        while (System.nanoTime() < end) {
            last = citekeys(client, notes, typed);
            if (last.contains(key) == present) {
                return;
            }
            Thread.sleep(50);
        }
        throw new TimeoutException((present ? "never found " : "still found ") + key + " for " + typed + ": " + last);
    }

    /** Writes the way editors and exporters replace a file: a temporary file moved over it. */
    private static void replace(Path file, String text) throws Exception {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temp, text);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aLibraryOutsideTheWorkspaceIsWatchedByTheServer() throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Path lib = LibraryFixtures.copyTo(tmp.resolve("elsewhere/library"));
        Path bib = lib.resolve("zotero-bibtex.bib");
        try (LspTestClient client = LspTestClient.ready(notes, tmp.resolve("index"), lib)) {
            awaitCitekey(client, notes, "@zhang", "zhangLiveReload2024", false);
            assertFalse(citekeys(client, notes, "@z").contains("zhangLiveReload2024"));
            // Written in place, in two writes, as an exporter might.
            String whole = Files.readString(bib) + NEW_ENTRY;
            Files.writeString(bib, whole.substring(0, whole.length() - 40));
            Files.writeString(bib, whole);
            awaitCitekey(client, notes, "@zhang", "zhangLiveReload2024", true);
            client.awaitLog(m -> m.getMessage().contains("corpus reloaded"), 10);
            // A short prefix's ranking is remembered per index snapshot: the new snapshot's, not the old.
            assertTrue(citekeys(client, notes, "@z").contains("zhangLiveReload2024"), "@z");
            // Replaced by a move, without the entry: gone again.
            replace(bib, whole.replace(NEW_ENTRY, ""));
            awaitCitekey(client, notes, "@zhang", "zhangLiveReload2024", false);
            client.shutdownAndExit();
        }
    }

    private static String hover(LspTestClient client, Path notes, String marked) throws Exception {
        Cursor c = Cursor.of(marked);
        String uri = notes.resolve("h" + System.nanoTime() + ".md").toUri().toString();
        client.open(uri, c.text());
        Hover h = client.server().getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), c.position())).get(10, TimeUnit.SECONDS);
        return h == null ? "" : h.getContents().getRight().getValue();
    }

    @Test
    void anArxivLineThatMovesKeepsItsAbstract() throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Path lib = LibraryFixtures.copyTo(tmp.resolve("elsewhere/library"));
        Path lines = lib.resolve("arxiv.jsonl");
        String qin = "an invented network whose weights take four values";
        try (LspTestClient client = LspTestClient.ready(notes, tmp.resolve("index"), lib)) {
            assertTrue(hover(client, notes, "See [[QIN" + Cursor.MARK + "et]].").contains(qin));
            // A line put first, written in place: QINet's line is not parsed again, but it moved.
            Files.writeString(lines, "{\"id\":\"2402.00009\",\"title\":\"Lines That Moved\",\"abstract\":"
                    + "\"  We propose LineMover, a line put first.\\n\",\"categories\":\"cs.LG\"}\n" + Files.readString(lines));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String moved = "";
            while (System.nanoTime() < end && !moved.contains("a line put first")) {
                moved = hover(client, notes, "See [[Lines That" + Cursor.MARK + " Moved]].");
                Thread.sleep(50);
            }
            assertTrue(moved.contains("We propose LineMover, a line put first."), moved);
            assertTrue(hover(client, notes, "See [[QIN" + Cursor.MARK + "et]].").contains(qin));
            client.shutdownAndExit();
        }
    }

    @Test
    void aHalfWrittenLibraryKeepsItsPapersUntilItReadsWholeAgain() throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Path lib = LibraryFixtures.copyTo(tmp.resolve("elsewhere/library"));
        Path bib = lib.resolve("zotero-bibtex.bib");
        String whole = Files.readString(bib);
        try (LspTestClient client = LspTestClient.ready(notes, tmp.resolve("index"), lib)) {
            awaitCitekey(client, notes, "@goodfellow", "goodfellowDeepLearning2016", true);
            // Cut off inside an entry before Goodfellow's, and left so.
            Files.writeString(bib, whole.substring(0, whole.indexOf("journal = {Nature}")));
            var said = client.awaitLog(m -> m.getMessage().contains("keeping the papers of its last complete read"), 30);
            assertTrue(said.getMessage().contains("zotero-bibtex.bib"), said.getMessage());
            assertEquals(List.of("goodfellowDeepLearning2016"), citekeys(client, notes, "@goodfellow"),
                    "the papers of the last good read are still served");
            // Whole again, one entry more: read.
            Files.writeString(bib, whole + NEW_ENTRY);
            awaitCitekey(client, notes, "@zhang", "zhangLiveReload2024", true);
            assertEquals(List.of("goodfellowDeepLearning2016"), citekeys(client, notes, "@goodfellow"));
            client.shutdownAndExit();
        }
    }

    @Test
    void aLibraryInsideTheWorkspaceComesThroughTheEditorsFileEvents() throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Path lib = LibraryFixtures.copyTo(notes.resolve("library"));
        Path bib = lib.resolve("zotero-bibtex.bib");
        try (LspTestClient client = LspTestClient.ready(notes, tmp.resolve("index"), lib)) {
            assertTrue(client.registrations.stream().flatMap(r -> r.getRegistrations().stream())
                    .anyMatch(r -> r.getId().equals("papernotes-corpus-watcher")), "the server asks the editor to watch "
                    + "library files in the workspace: " + client.registrations);
            Files.writeString(bib, Files.readString(bib) + NEW_ENTRY);
            client.server().getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                    List.of(new FileEvent(bib.toUri().toString(), FileChangeType.Changed))));
            awaitCitekey(client, notes, "@zhang", "zhangLiveReload2024", true);
            client.shutdownAndExit();
        }
    }
}
