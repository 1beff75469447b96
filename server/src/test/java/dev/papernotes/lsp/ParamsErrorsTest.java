package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.papernotes.TestCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests with params that are null, missing, incomplete or of the wrong JSON type are answered
 * -32602 with a sentence that names the method and the member (never a Java exception nor Gson's
 * wording), notification methods called with an id are refused by name, and the server goes on
 * answering. Spoken in raw JSON to the real server, as a careless client would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ParamsErrorsTest {
    private static final String POSITION = "{\"line\":0,\"character\":0}";
    private RawLspSession s;
    private String uri;
    private final AtomicInteger ids = new AtomicInteger(100);

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(notes.resolve("a.md"), "Prepacking is fast.\n");
        uri = notes.resolve("a.md").toUri().toString();
        s = new RawLspSession();
        s.send(RawLspSession.request(1, "initialize", "{\"processId\":null,\"rootUri\":\"" + notes.toUri()
                + "\",\"capabilities\":{},\"initializationOptions\":{\"corpus\":[\"" + TestCorpus.dir()
                + "\"],\"indexDir\":\"" + tmp.resolve("index") + "\"}}"));
        s.reply(1, 30);
        s.send(RawLspSession.notification("initialized", "{}"));
        s.await(m -> m.toString().contains("notes ready"), 60);
        s.send(RawLspSession.notification("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri
                + "\",\"languageId\":\"markdown\",\"version\":1,\"text\":\"Prepacking is fast.\\n\"}}"));
    }

    @AfterAll
    void stop() throws Exception {
        s.close();
    }

    /** Sends the request and returns its error, checked to be free of Java and Gson wording. */
    private JsonObject error(String method, String params) throws Exception {
        int id = ids.incrementAndGet();
        s.send(RawLspSession.request(id, method, params));
        JsonObject reply = s.reply(id, 30);
        assertTrue(reply.has("error"), reply.toString());
        JsonObject error = reply.getAsJsonObject("error");
        String message = error.get("message").getAsString();
        for (String java : new String[] {"Exception", "java.", "com.google", "Gson", "BEGIN_OBJECT", "Local endpoint",
            "could not be parsed"}) {
            assertFalse(message.contains(java), "no '" + java + "' in: " + message);
        }
        assertFalse(error.has("data") && !error.get("data").isJsonNull(), "no stack trace in data: " + error);
        return error;
    }

    private void stillAnswers() throws Exception {
        int id = ids.incrementAndGet();
        s.send(RawLspSession.request(id, "textDocument/hover", "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":"
                + POSITION + "}"));
        JsonObject reply = s.reply(id, 30);
        assertTrue(reply.has("result") && reply.get("result").toString().contains("Prepacking"), reply.toString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "ABSENT", value = {
        "textDocument/hover       | null                                                 | textDocument/hover: params are missing",
        "textDocument/hover       | ABSENT                                               | textDocument/hover: params are missing",
        "textDocument/hover       | {\"position\":{\"line\":0,\"character\":0}}          | textDocument/hover: params.textDocument is missing",
        "textDocument/hover       | {\"textDocument\":{},\"position\":{\"line\":0,\"character\":0}} | textDocument/hover: params.textDocument.uri is missing",
        "textDocument/hover       | {\"textDocument\":{\"uri\":\"file:///n.md\"}}        | textDocument/hover: params.position is missing",
        "textDocument/hover       | {\"textDocument\":5,\"position\":{\"line\":0,\"character\":0}} | textDocument/hover: params.textDocument must be an object, not the number 5",
        "textDocument/hover       | 5                                                    | textDocument/hover: params must be an object, not the number 5",
        "textDocument/hover       | {\"textDocument\":{\"uri\":\"file:///n.md\"},\"position\":{\"line\":\"x\",\"character\":0}} | textDocument/hover: params.position.line must be a whole number, not the string \"x\"",
        "textDocument/hover       | {\"textDocument\":{\"uri\":[1]},\"position\":{\"line\":0,\"character\":0}} | textDocument/hover: params.textDocument.uri must be a string, not an array",
        "textDocument/completion  | null                                                 | textDocument/completion: params are missing",
        "textDocument/definition  | {}                                                   | textDocument/definition: params.textDocument is missing",
        "textDocument/references  | {\"textDocument\":{\"uri\":\"file:///n.md\"},\"position\":{\"line\":0,\"character\":0}} | textDocument/references: params.context is missing",
        "textDocument/codeAction  | {\"textDocument\":{\"uri\":\"file:///n.md\"},\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}}} | textDocument/codeAction: params.context is missing",
        "textDocument/documentLink| {\"textDocument\":true}                               | textDocument/documentLink: params.textDocument must be an object, not true",
        "workspace/symbol         | {}                                                   | workspace/symbol: params.query is missing",
        "workspace/executeCommand | {}                                                   | workspace/executeCommand: params.command is missing",
        "workspace/executeCommand | []                                                   | workspace/executeCommand: params must be an object, not an array",
    })
    void invalidParamsAreNamed(String method, String params, String expected) throws Exception {
        JsonObject error = error(method.strip(), params == null ? null : params.strip());
        assertEquals(-32602, error.get("code").getAsInt(), error.toString());
        assertEquals(expected.strip(), error.get("message").getAsString());
        stillAnswers();
    }

    @Test
    void paramsBeforeTheIdStillGetTheAnswerWithTheId() throws Exception {
        s.send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/hover\",\"params\":5,\"id\":77}");
        JsonObject reply = s.reply(77, 30);
        assertEquals(-32602, reply.getAsJsonObject("error").get("code").getAsInt(), reply.toString());
        stillAnswers();
    }

    @Test
    void notificationSentWithAnIdIsRefusedByName() throws Exception {
        JsonObject error = error("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri
                + "x\",\"languageId\":\"markdown\",\"version\":1,\"text\":\"\"}}");
        assertEquals(-32601, error.get("code").getAsInt(), error.toString());
        assertEquals("textDocument/didOpen is a notification, not a request: send it without an id",
                error.get("message").getAsString());
        error("initialized", "{}");
        stillAnswers();
    }

    @Test
    void notificationWithBadParamsIsReportedAndIgnored() throws Exception {
        s.send(RawLspSession.notification("textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri
                + "\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":" + POSITION + ",\"end\":" + POSITION + "}}]}"));
        JsonObject log = s.await(m -> "window/logMessage".equals(m.has("method") ? m.get("method").getAsString() : null)
                && m.toString().contains("didChange"), 30);
        assertEquals("papernotes: textDocument/didChange: params.contentChanges[0].text is missing; the notification was ignored",
                log.getAsJsonObject("params").get("message").getAsString());
        s.send(RawLspSession.notification("textDocument/didOpen", null));
        log = s.await(m -> m.toString().contains("didOpen"), 30);
        assertEquals("papernotes: textDocument/didOpen: params are missing; the notification was ignored",
                log.getAsJsonObject("params").get("message").getAsString());
        stillAnswers(); // the note is unchanged
    }
}
