package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Requests racing edits: each is answered, in order, about the version it was asked about. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConcurrencyTest {
    @Test
    void aThousandHoversInterleavedWithEditsAnswerForTheirOwnVersion(@TempDir Path tmp) throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        try (LspTestClient client = LspTestClient.ready(notes, tmp.resolve("index"))) {
            String uri = notes.resolve("race.md").toUri().toString();
            client.open(uri, "Prepacking\n");
            var docs = client.server().getTextDocumentService();
            List<CompletableFuture<Hover>> answers = new ArrayList<>();
            ConcurrentLinkedQueue<Integer> completionOrder = new ConcurrentLinkedQueue<>();
            for (int k = 0; k < 1000; k++) {
                int shift = k % 37;
                // Each version moves the mention; a hover answered from another version would
                // report another range (or none).
                String text = "x".repeat(shift) + " Prepacking is the mention.\n";
                docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, k + 2),
                        List.of(new TextDocumentContentChangeEvent(text))));
                int index = k;
                CompletableFuture<Hover> f = docs.hover(new HoverParams(new TextDocumentIdentifier(uri),
                        new Position(0, shift + 3)));
                f.thenRun(() -> completionOrder.add(index));
                answers.add(f);
            }
            for (int k = 0; k < answers.size(); k++) {
                Hover h = answers.get(k).get(60, TimeUnit.SECONDS);
                assertNotNull(h, "hover " + k);
                int shift = k % 37;
                assertEquals(shift + 1, h.getRange().getStart().getCharacter(), "hover " + k);
                assertEquals(shift + 11, h.getRange().getEnd().getCharacter(), "hover " + k);
            }
            List<Integer> order = new ArrayList<>(completionOrder);
            List<Integer> sorted = new ArrayList<>(order);
            sorted.sort(null);
            assertEquals(sorted, order, "answers came in request order");
            client.shutdownAndExit();
        }
    }
}
