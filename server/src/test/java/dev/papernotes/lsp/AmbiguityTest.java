package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A name two papers share: a bare mention of it is information, naming both. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AmbiguityTest {
    private static final String FILLER = "It is evaluated on several benchmarks against strong baselines. ".repeat(8);

    @Test
    void aSharedNameIsInformationListingThePapers(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("page.txt"), "new\n\nSubscribe\n\nMar 1\n\n"
                + "PROP: Pre-training with Representative Words Prediction for Ad-hoc Retrieval\n\n"
                + "We propose PROP, a pre-training method for retrieval. " + FILLER + "\n\n"
                + "PROP: Probabilistic Robot Object Placement\n\n"
                + "We present PROP, a planner for placing objects. " + FILLER + "\n");
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        try (LspTestClient client = LspTestClient.ready(notes, tmp.resolve("index"), corpus)) {
            String uri = notes.resolve("a.md").toUri().toString();
            client.open(uri, "Which PROP do you mean?\n");
            PublishDiagnosticsParams p = client.awaitDiagnostics(uri, d -> !d.getDiagnostics().isEmpty(), 20);
            assertEquals(1, p.getDiagnostics().size());
            Diagnostic d = p.getDiagnostics().get(0);
            assertEquals(DiagnosticSeverity.Information, d.getSeverity());
            assertEquals(new Range(new Position(0, 6), new Position(0, 10)), d.getRange());
            String message = d.getMessage().getLeft();
            assertTrue(message.startsWith("'PROP' names 2 papers: "), message);
            assertTrue(message.contains("Ad-hoc Retrieval") && message.contains("Robot Object Placement"), message);
            // The two share the citekey base: corpus order decides the suffix.
            assertTrue(message.contains("(@prop)") && message.contains("(@prop-2)"), message);
            client.shutdownAndExit();
        }
    }

    @Test
    void aNameSharedByMorePapersThanARefKeepsIsCountedInFull(@TempDir Path tmp) throws Exception {
        int shared = dev.papernotes.workspace.PaperRef.MAX_IDS + 20;
        StringBuilder page = new StringBuilder("new\n\nSubscribe\n\nMar 1\n\n");
        for (int i = 0; i < shared; i++) {
            page.append("Zorbit: Study number ").append(i).append(" of orbital mechanics\n\n")
                    .append("We propose Zorbit, a method. ").append(FILLER).append("\n\n");
        }
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("page.txt"), page.toString());
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        try (LspTestClient client = LspTestClient.ready(notes, tmp.resolve("index"), corpus)) {
            String uri = notes.resolve("a.md").toUri().toString();
            client.open(uri, "Which Zorbit do you mean?\n");
            PublishDiagnosticsParams p = client.awaitDiagnostics(uri, d -> !d.getDiagnostics().isEmpty(), 20);
            String message = p.getDiagnostics().get(0).getMessage().getLeft();
            assertTrue(message.startsWith("'Zorbit' names " + shared + " papers: "), message);
            var hover = client.server().getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(
                    new org.eclipse.lsp4j.TextDocumentIdentifier(uri), new Position(0, 8))).get(20, TimeUnit.SECONDS);
            String text = hover.getContents().getRight().getValue();
            assertTrue(text.startsWith(shared + " papers are called"), text);
            client.shutdownAndExit();
        }
    }
}
