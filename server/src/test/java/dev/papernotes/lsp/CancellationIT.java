package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.papernotes.RawServer;
import dev.papernotes.TestCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A slow request, over the real process: others do not wait for it, and cancelling it is quick. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CancellationIT {
    @Test
    void slowRequestsDoNotDelayOthersAndCancelQuickly(@TempDir Path tmp) throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        try (RawServer s = new RawServer(tmp, Files.createDirectories(tmp.resolve("cache")), "-Dpapernotes.debug=true")) {
            s.send(RawServer.request(1, "initialize", "{\"processId\":null,\"rootUri\":\"" + notes.toUri()
                    + "\",\"capabilities\":{},\"initializationOptions\":{\"corpus\":[\"" + TestCorpus.dir()
                    + "\"],\"indexDir\":\"" + tmp.resolve("index") + "\"}}"));
            s.response(1, 30);
            s.send(RawServer.notification("initialized", "{}"));
            s.await(m -> m.has("params") && m.toString().contains("notes ready"), 60);
            String uri = notes.resolve("a.md").toUri().toString();
            s.send(RawServer.notification("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri
                    + "\",\"languageId\":\"markdown\",\"version\":1,\"text\":\"Prepacking\\n\"}}"));

            // Two slow requests, as many as the workspace pool has threads.
            s.send(RawServer.request(10, "workspace/executeCommand",
                    "{\"command\":\"papernotes.debug.sleep\",\"arguments\":[20000]}"));
            s.send(RawServer.request(11, "workspace/executeCommand",
                    "{\"command\":\"papernotes.debug.sleep\",\"arguments\":[20000]}"));
            long t = System.nanoTime();
            s.send(RawServer.request(12, "textDocument/hover",
                    "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":0,\"character\":3}}"));
            JsonObject hover = s.response(12, 10);
            long hoverMs = (System.nanoTime() - t) / 1_000_000;
            assertTrue(hover.get("result").isJsonObject(), hover.toString());
            assertTrue(hoverMs < 2000, "hover waited " + hoverMs + " ms behind the slow requests");

            t = System.nanoTime();
            s.send(RawServer.notification("$/cancelRequest", "{\"id\":10}"));
            s.send(RawServer.notification("$/cancelRequest", "{\"id\":11}"));
            JsonObject cancelled = s.response(10, 5);
            s.response(11, 5);
            long cancelMs = (System.nanoTime() - t) / 1_000_000;
            assertEquals(-32800, cancelled.getAsJsonObject("error").get("code").getAsInt(), cancelled.toString());
            assertTrue(cancelMs < 1000, "cancelling took " + cancelMs + " ms");
        }
    }
}
