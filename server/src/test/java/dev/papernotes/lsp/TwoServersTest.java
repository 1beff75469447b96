package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.TestCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one index folder, as two editor windows on one vault: the first holds the writer,
 * the second reads. While the writer reindexes after a corpus change, both keep answering from
 * the last commit; then the reader follows the writer's new commit without being told.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TwoServersTest {
    private static final String NEW_PAGE = "Mar 20\n\nZorblaxNet: Sparse Token Routing for Long Documents\n\n"
            + "We propose ZorblaxNet, a router for long documents. " + "It routes tokens sparsely and well. ".repeat(12)
            + "\n";

    @Test
    void bothAnswerWhileOneReindexesAndTheReaderFollows(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        try (var pages = Files.list(TestCorpus.dir())) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".txt")).toList()) {
                Files.copy(page, corpus.resolve(page.getFileName()));
            }
        }
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Path index = tmp.resolve("index");
        try (LspTestClient writer = LspTestClient.ready(notes, index, corpus);
                LspTestClient reader = LspTestClient.ready(notes, index, corpus)) {
            assertTrue(reader.logs.stream().anyMatch(m -> m.getMessage().contains("index ready (read-only)")),
                    "the second server reads: " + reader.logs);
            String text = "Prepacking and ZorblaxNet.\n";
            String writerNote = notes.resolve("w.md").toUri().toString();
            String readerNote = notes.resolve("r.md").toUri().toString();
            writer.open(writerNote, text);
            reader.open(readerNote, text);
            assertNotNull(hover(writer, writerNote, 3));
            assertNotNull(hover(reader, readerNote, 3));
            assertEquals(null, hover(reader, readerNote, 17), "no ZorblaxNet yet");

            // The corpus changes; the writer reindexes. Meanwhile both are asked, again and again.
            Files.writeString(corpus.resolve("005_new.txt"), NEW_PAGE);
            int readyBefore = count(writer.logs, "index ready:");
            writer.server().getWorkspaceService()
                    .executeCommand(new ExecuteCommandParams(PapernotesLanguageServer.REBUILD_COMMAND, List.of()))
                    .get(30, TimeUnit.SECONDS);
            List<Long> slowest = new ArrayList<>();
            int rounds = 0;
            while (count(writer.logs, "index ready:") == readyBefore || rounds < 5) {
                long t = System.nanoTime();
                CompletableFuture<Hover> a = writer.server().getTextDocumentService().hover(params(writerNote, 3));
                CompletableFuture<Hover> b = reader.server().getTextDocumentService().hover(params(readerNote, 3));
                assertNotNull(a.get(20, TimeUnit.SECONDS), "the writer answers while it reindexes");
                assertNotNull(b.get(20, TimeUnit.SECONDS), "the reader answers while the writer reindexes");
                slowest.add((System.nanoTime() - t) / 1_000_000);
                rounds++;
                Thread.sleep(20);
            }
            assertNotNull(hover(writer, writerNote, 17), "the writer serves its new commit");

            // The reader was not told anything: it finds the new commit itself.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Hover followed = null;
            while (followed == null && System.nanoTime() < deadline) {
                followed = hover(reader, readerNote, 17);
                Thread.sleep(100);
            }
            assertNotNull(followed, "the reader follows the writer's commit");
            assertTrue(followed.getContents().getRight().getValue().contains("ZorblaxNet: Sparse Token Routing"),
                    followed.getContents().getRight().getValue());
            assertNotNull(hover(reader, readerNote, 3));
            writer.shutdownAndExit();
            reader.shutdownAndExit();
        }
    }

    private static HoverParams params(String uri, int character) {
        return new HoverParams(new TextDocumentIdentifier(uri), new Position(0, character));
    }

    private static Hover hover(LspTestClient client, String uri, int character) throws Exception {
        return client.server().getTextDocumentService().hover(params(uri, character)).get(20, TimeUnit.SECONDS);
    }

    private static int count(List<MessageParams> logs, String fragment) {
        return (int) logs.stream().filter(m -> m.getMessage().contains(fragment)).count();
    }
}
