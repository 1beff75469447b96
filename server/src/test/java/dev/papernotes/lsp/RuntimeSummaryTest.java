package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.MessageParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server tells the client which heap it runs with: memory as launched is what users get. */
class RuntimeSummaryTest {
    @Test
    void theClientsLogSaysTheHeapAndFlags(@TempDir Path tmp) throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        try (LspTestClient client = LspTestClient.ready(notes, tmp.resolve("index"))) {
            long maxMb = Runtime.getRuntime().maxMemory() >> 20;
            MessageParams m = client.awaitLog(l -> l.getMessage().contains("MB committed of at most"), 30);
            String text = m.getMessage();
            assertTrue(text.contains("of at most " + maxMb + " MB"), text);
            assertTrue(text.contains("JVM flags: "), text);
            assertTrue(text.contains("Java " + Runtime.version()), text);
        }
    }
}
