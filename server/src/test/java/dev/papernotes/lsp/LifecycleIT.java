package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The LSP lifecycle on the real process: stdin, stdout and the exit status. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LifecycleIT {
    @TempDir
    Path tmp;

    private String initializeParams(Long pid) throws Exception {
        return initializeParams(pid, TestCorpus.dir());
    }

    private String initializeParams(Long pid, Path corpus) throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        return "{\"processId\":" + pid + ",\"rootUri\":\"" + notes.toUri() + "\",\"capabilities\":{},"
                + "\"initializationOptions\":{\"corpus\":[\"" + corpus + "\"],\"indexDir\":\""
                + tmp.resolve("index") + "\"}}";
    }

    private RawServer start() throws Exception {
        return new RawServer(tmp, Files.createDirectories(tmp.resolve("cache")));
    }

    /** Initializes the server (for the client process {@code pid}, or none) and says it is initialized. */
    private void initialized(RawServer s, Long pid) throws Exception {
        initializedWith(s, initializeParams(pid));
    }

    private void initializedWith(RawServer s, String params) throws Exception {
        s.send(RawServer.request(1, "initialize", params));
        s.response(1, 30);
        s.send(RawServer.notification("initialized", "{}"));
    }

    private static int code(JsonObject response) {
        return response.getAsJsonObject("error").get("code").getAsInt();
    }

    @Test
    void requestBeforeInitializeIsServerNotInitialized() throws Exception {
        try (RawServer s = start()) {
            s.send(RawServer.request(1, "textDocument/hover",
                    "{\"textDocument\":{\"uri\":\"file:///x.md\"},\"position\":{\"line\":0,\"character\":0}}"));
            assertEquals(-32002, code(s.response(1, 30)));
            s.send(RawServer.request(2, "initialize", initializeParams(null)));
            assertTrue(s.response(2, 30).has("result"));
            s.send(RawServer.request(3, "initialize", initializeParams(null)));
            assertEquals(-32600, code(s.response(3, 30)));
        }
    }

    @Test
    void theServerWarmsUpOnceItsIndexIsServedAndStillAnswers() throws Exception {
        try (RawServer s = start()) {
            initialized(s, null);
            java.util.List<Integer> typed = warmups(1, 60);
            assertFalse(typed.isEmpty(), "no warm-up in the server's log");
            // Every first letter after [[ and after @, then names in full.
            assertTrue(typed.get(0) > 2 * (1 + Warmup.FIRST_CHARS.length()), "keystrokes " + typed);
            s.send(RawServer.request(2, "workspace/symbol", "{\"query\":\"papernotes-warmup\"}"));
            assertEquals(0, s.response(2, 30).getAsJsonArray("result").size(), "its note is not the user's");
        }
    }

    /** Waits for {@code n} warm-ups in the server's log; returns the keystrokes each typed. */
    private java.util.List<Integer> warmups(int n, long seconds) throws Exception {
        Path log = tmp.resolve("server-stderr.log");
        java.util.regex.Pattern done = java.util.regex.Pattern.compile("warm-up typed (\\d+) keystrokes");
        java.util.List<Integer> typed = new java.util.ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        do {
            typed.clear();
            java.util.regex.Matcher m = done.matcher(Files.exists(log) ? Files.readString(log) : "");
            while (m.find()) {
                typed.add(Integer.parseInt(m.group(1)));
            }
            if (typed.size() < n) {
                Thread.sleep(100);
            }
        } while (typed.size() < n && System.nanoTime() < end);
        return typed;
    }

    @Test
    void aCorpusThatStartsEmptyIsWarmedUpOnceItHasPapersAndAgainAfterEachReload() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("empty-corpus"));
        try (RawServer s = start()) {
            initializedWith(s, initializeParams(null, corpus));
            // Served empty: nothing to warm up (no log line), whatever the wait.
            s.send(RawServer.request(2, "workspace/symbol", "{\"query\":\"Griffon\"}"));
            assertEquals(0, s.response(2, 30).getAsJsonArray("result").size());
            assertEquals(java.util.List.of(), warmups(1, 3));

            Files.copy(TestCorpus.dir().resolve("000_2d47f89bf13333c2.txt"), corpus.resolve("a.txt"));
            java.util.List<Integer> first = warmups(1, 60);
            assertEquals(1, first.size(), "one warm-up once the corpus has papers: " + first);
            assertTrue(first.get(0) > 2 * (1 + Warmup.FIRST_CHARS.length()), "keystrokes " + first);

            Files.copy(TestCorpus.dir().resolve("001_1d97baa6bdd1f0cd.txt"), corpus.resolve("b.txt"));
            java.util.List<Integer> second = warmups(2, 60);
            assertEquals(2, second.size(), "the reloaded index is warmed up again: " + second);
        }
    }

    @Test
    void afterShutdownOnlyExitAndExitIsZero() throws Exception {
        try (RawServer s = start()) {
            initialized(s, null);
            s.send(RawServer.request(2, "shutdown", "null"));
            assertTrue(s.response(2, 30).has("result"));
            s.send(RawServer.request(3, "workspace/symbol", "{\"query\":\"x\"}"));
            JsonObject refused = s.response(3, 30);
            assertEquals(-32600, code(refused));
            assertFalse(refused.getAsJsonObject("error").has("data"));
            long start = System.nanoTime();
            s.send(RawServer.notification("exit", "null"));
            assertTrue(s.process.waitFor(1500, TimeUnit.MILLISECONDS), "exit took longer than 1 s");
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(1500));
            assertEquals(0, s.process.exitValue());
        }
    }

    @Test
    void exitWithoutShutdownIsOne() throws Exception {
        try (RawServer s = start()) {
            s.send(RawServer.request(1, "initialize", initializeParams(null)));
            s.response(1, 30);
            s.send(RawServer.notification("exit", "null"));
            assertTrue(s.process.waitFor(2, TimeUnit.SECONDS));
            assertEquals(1, s.process.exitValue());
        }
    }

    @Test
    void closedStdinEndsTheServer() throws Exception {
        try (RawServer s = start()) {
            s.send(RawServer.request(1, "initialize", initializeParams(null)));
            s.response(1, 30);
            s.closeStdin();
            assertTrue(s.process.waitFor(5, TimeUnit.SECONDS), "server outlived its stdin");
        }
    }

    @Test
    void goneClientProcessEndsTheServer() throws Exception {
        Process fakeClient = new ProcessBuilder("sleep", "60").start();
        try (RawServer s = start()) {
            initialized(s, fakeClient.pid());
            fakeClient.destroyForcibly();
            assertTrue(s.process.waitFor(10, TimeUnit.SECONDS), "server outlived its client process");
        } finally {
            fakeClient.destroyForcibly();
        }
    }

    @Test
    void aBrokenFrameIsAnsweredAndTheNextMessageStillIs() throws Exception {
        try (RawServer s = start()) {
            initialized(s, null);
            String bad = RawServer.request(2, "workspace/symbol", "{\"query\": oops}");
            s.sendRaw(("Content-Length: " + (bad.length() + 10) + "\r\n\r\n" + bad).getBytes());
            s.send(RawServer.request(3, "workspace/symbol", "{\"query\":\"Prepacking\"}"));
            JsonObject error = s.response(2, 30);
            assertEquals(-32700, code(error));
            assertTrue(s.response(3, 60).has("result"));
        }
    }
}
