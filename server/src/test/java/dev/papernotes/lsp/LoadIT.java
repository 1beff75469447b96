package dev.papernotes.lsp;

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

/**
 * Huge notes at a 256 MB heap: a 50 MB note and a million-line note are declined politely, and
 * the server keeps answering for the other notes.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class LoadIT {
    private static String open(String uri, String text) {
        return RawServer.notification("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri
                + "\",\"languageId\":\"markdown\",\"version\":1,\"text\":\"" + text + "\"}}");
    }

    private static String hover(int id, String uri, int line, int character) {
        return RawServer.request(id, "textDocument/hover", "{\"textDocument\":{\"uri\":\"" + uri
                + "\"},\"position\":{\"line\":" + line + ",\"character\":" + character + "}}");
    }

    private static boolean shown(JsonObject m, String text) {
        return m.has("method") && m.get("method").getAsString().equals("window/showMessage")
                && m.getAsJsonObject("params").get("message").getAsString().contains(text);
    }

    @Test
    void hugeNotesAreDeclinedAndOtherNotesStillAnswered(@TempDir Path tmp) throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        try (RawServer s = new RawServer(tmp, Files.createDirectories(tmp.resolve("cache")), "-Xmx256m")) {
            s.send(RawServer.request(1, "initialize", "{\"processId\":null,\"rootUri\":\"" + notes.toUri()
                    + "\",\"capabilities\":{},\"initializationOptions\":{\"corpus\":[\"" + TestCorpus.dir()
                    + "\"],\"indexDir\":\"" + tmp.resolve("index") + "\"}}"));
            s.response(1, 30);
            s.send(RawServer.notification("initialized", "{}"));
            s.await(m -> m.toString().contains("notes ready"), 60);
            String small = notes.resolve("small.md").toUri().toString();
            s.send(open(small, "Prepacking\\n"));

            // 50 MB: more than the server reads in one message; refused unread, and said so.
            String big = notes.resolve("big.md").toUri().toString();
            s.sendRaw(frame(open(big, "Prepacking is a paper. ".repeat(50 * 1024 * 1024 / 23))));
            s.await(m -> shown(m, "could not be read"), 60);
            s.send(hover(2, small, 0, 3));
            assertTrue(s.response(2, 30).get("result").isJsonObject(), "the server still answers");

            // A million lines fit in a message but not in a parse: the note is opened, features are off.
            String lines = notes.resolve("lines.md").toUri().toString();
            s.send(open(lines, "Prepacking line\\n".repeat(1_000_000)));
            s.await(m -> shown(m, "too large"), 60);
            s.send(hover(3, lines, 500_000, 3));
            assertTrue(s.response(3, 30).get("result").isJsonNull(), "declined, not answered wrongly");
            s.send(RawServer.notification("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + lines
                    + "\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":500000,\"character\":0},"
                    + "\"end\":{\"line\":500000,\"character\":0}},\"text\":\"edited \"}]}"));
            long t = System.nanoTime();
            s.send(hover(4, small, 0, 3));
            assertTrue(s.response(4, 30).get("result").isJsonObject());
            long ms = (System.nanoTime() - t) / 1_000_000;
            assertTrue(ms < 5000, "other notes answered in " + ms + " ms");
            assertTrue(s.process.isAlive());
        }
    }

    private static byte[] frame(String json) {
        byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] head = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
