package dev.papernotes.lsp.jsonrpc;

import static dev.papernotes.lsp.jsonrpc.Frames.concat;
import static dev.papernotes.lsp.jsonrpc.Frames.echo;
import static dev.papernotes.lsp.jsonrpc.Frames.frame;
import static dev.papernotes.lsp.jsonrpc.Frames.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds raw bytes to a launcher built by {@link LspLauncher} and checks the raw answers: each
 * damaged message gets the expected error (with its id when it can be known), and the
 * well-formed request after it is still answered.
 */
@Timeout(30)
class SafeMessageProducerProtocolTest {
    static final int PARSE_ERROR = ResponseErrorCode.ParseError.getValue();
    static final int INVALID_REQUEST = ResponseErrorCode.InvalidRequest.getValue();

    /** The request before each damaged message and the one after it. */
    static final byte[] BEFORE = frame(echo(1, "before"));
    static final byte[] AFTER = frame(echo(99, "after"));

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Logger producerLog = Logger.getLogger(SafeMessageProducer.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        producerLog.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        producerLog.removeHandler(capture);
    }

    private boolean warned(String fragment) {
        return logged.stream().anyMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()
                && r.getMessage().contains(fragment));
    }

    /** BEFORE, the damaged bytes, AFTER: the damage must not cost the neighbours their answers. */
    private static Replies around(Object... damaged) {
        Object[] parts = new Object[damaged.length + 2];
        parts[0] = BEFORE;
        System.arraycopy(damaged, 0, parts, 1, damaged.length);
        parts[parts.length - 1] = AFTER;
        return Sessions.run(concat(parts)).echoed(1, "before").echoed(99, "after");
    }

    @Test
    void wellFormedSessionIsAnsweredAsLsp4jWould() {
        EchoServer server = new EchoServer();
        byte[] transcript = concat(
                frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}"),
                frame("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}"),
                frame(echo(2, "Grüße — 日本語 ✓")),
                frame("{\"jsonrpc\":\"2.0\",\"method\":\"test/note\",\"params\":{\"n\":1}}"),
                frame("{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"no/such/method\"}"),
                frame("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}"),
                frame("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"));
        Sessions.run(transcript, server, b -> { })
                .result(1).echoed(2, "Grüße — 日本語 ✓").result(3)
                .error("s", ResponseErrorCode.MethodNotFound.getValue())
                .count(4);
        assertEquals(1, server.notes.size());
    }

    @Test
    void contentLengthTenTooLong() {
        byte[] body = utf8(echo(2, "long"));
        around(concat("Content-Length: " + (body.length + 10) + "\r\n\r\n", body))
                .error(2, PARSE_ERROR).count(3);
    }

    @Test
    void contentLengthTenTooShort() {
        byte[] body = utf8(echo(2, "short by ten bytes"));
        around(concat("Content-Length: " + (body.length - 10) + "\r\n\r\n", body))
                .error(2, PARSE_ERROR).count(3);
    }

    @Test
    void contentLengthCountedInCharactersNotBytes() {
        String json = echo(2, "Grüße aus Köln — 日本語のノート ✓");
        assertTrue(utf8(json).length > json.length());
        around(concat("Content-Length: " + json.length() + "\r\n\r\n", json))
                .error(2, PARSE_ERROR).count(3);
    }

    @Test
    void contentLengthMissing() {
        around(concat("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n", echo(2, "no length")))
                .error(2, INVALID_REQUEST).count(3);
        assertTrue(warned("no Content-Length header"));
    }

    @Test
    void headerBlockMissingEntirely() {
        around("\r\n", echo(2, "no header"), "\r\n")
                .error(2, INVALID_REQUEST).count(3);
    }

    @Test
    void blankLineAfterHeadersMissing() {
        byte[] body = utf8(echo(2, "no blank line"));
        around(concat("Content-Length: " + body.length + "\r\n", body))
                .error(2, INVALID_REQUEST).count(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "7x", "abc", "", "1 2", "+80"})
    void contentLengthThatIsNotANumber(String value) {
        around(concat("Content-Length: " + value + "\r\n\r\n", echo(2, "bad number")))
                .error(2, INVALID_REQUEST).count(3);
        assertTrue(warned("invalid Content-Length value"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void conflictingContentLengths(boolean rightOneFirst) {
        byte[] body = utf8(echo(2, "two lengths"));
        String right = "Content-Length: " + body.length;
        String wrong = "Content-Length: " + (body.length + 7);
        byte[] damaged = concat(rightOneFirst ? right : wrong, "\r\n", rightOneFirst ? wrong : right, "\r\n\r\n", body);
        around(damaged).error(2, INVALID_REQUEST).count(3);
        assertTrue(warned("conflicting Content-Length"));
    }

    @Test
    void repeatedEqualContentLengthIsAccepted() {
        String json = echo(2, "same twice");
        int n = utf8(json).length;
        around(frame(json, "Content-Length: " + n, "Content-Length: " + n)).echoed(2, "same twice").count(3);
    }

    @Test
    void contentTypeBeforeOrAfterAnyCaseAnyLineEnd() {
        String a = echo(2, "type first: Grüße");
        String b = echo(3, "type after: 日本語");
        String c = echo(4, "lower case, bare LF");
        String d = echo(5, "quoted utf8");
        byte[] transcript = concat(
                frame(a, "Content-Type: application/vscode-jsonrpc; charset=utf-8", "Content-Length: " + utf8(a).length),
                frame(b, "Content-Length: " + utf8(b).length, "Content-Type: application/vscode-jsonrpc; charset=utf-8"),
                "content-length: " + utf8(c).length + "\ncontent-type: application/vscode-jsonrpc; charset=UTF-8\n\n", c,
                frame(d, "CONTENT-TYPE: application/vscode-jsonrpc; charset=\"utf8\"", "X-Other: ignored",
                        "CONTENT-LENGTH: " + utf8(d).length));
        around(transcript)
                .echoed(2, "type first: Grüße").echoed(3, "type after: 日本語")
                .echoed(4, "lower case, bare LF").echoed(5, "quoted utf8").count(6);
    }

    @Test
    void latin1CharsetIsHonoured() {
        String json = echo(2, "Köln");
        byte[] body = json.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        around(concat("Content-Length: " + body.length + "\r\nContent-Type: application/vscode-jsonrpc; charset=ISO-8859-1\r\n\r\n", body))
                .echoed(2, "Köln").count(3);
    }

    @Test
    void unsupportedCharsetIsRefused() {
        String json = echo(2, "strange charset");
        around(frame(json, "Content-Length: " + utf8(json).length, "Content-Type: application/json; charset=x-no-such"))
                .error(2, INVALID_REQUEST).count(3);
    }

    @Test
    void syntaxErrorEarlyInTwentyKilobyteBody() {
        String json = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test/echo\",\"params\":{\"text\": oops, \"pad\":\""
                + "x".repeat(20 * 1024) + "\"}}";
        around(frame(json)).error(2, PARSE_ERROR).count(3);
    }

    @Test
    void syntaxErrorBeforeTheIdIsAnsweredWithNullId() {
        String json = "{\"jsonrpc\":\"2.0\",\"method\":\"test/echo\",\"params\":{\"text\": oops, \"pad\":\""
                + "x".repeat(20 * 1024) + "\"},\"id\":2}";
        around(frame(json)).error(null, PARSE_ERROR).count(3);
    }

    @Test
    void wellFramedSyntaxErrorKeepsLsp4jsAnswer() {
        // Structurally whole, so it reaches Gson, which LSP4J reports as a parse error with the id.
        around(frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test/echo\",\"params\":{\"text\" \"x\"}}"))
                .error(2, PARSE_ERROR).count(3);
    }

    @Test
    void jsonNestedOneThousandDeep() {
        String json = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"test/echo\",\"params\":{\"text\":\"deep\",\"deep\":"
                + "[".repeat(1000) + "]".repeat(1000) + "}}";
        around(frame(json)).error(2, PARSE_ERROR).count(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "4294967296", "9223372036854775807", "99999999999999999999999999"})
    void absurdContentLengthIsRefusedAndTheBodySkipped(String length) {
        around(concat("Content-Length: " + length + "\r\n\r\n", echo(2, "huge claim")))
                .error(2, INVALID_REQUEST).count(3);
        assertTrue(warned("exceeds the limit"));
    }

    @Test
    void oversizedMessageIsSkippedWithoutStoringIt() {
        String big = echo(2, "y".repeat(5000));
        byte[] transcript = concat(BEFORE, frame(big), AFTER);
        Sessions.run(transcript, new EchoServer(), b -> b.setMaxContentLength(1024))
                .echoed(1, "before").error(2, INVALID_REQUEST).echoed(99, "after").count(3);
    }

    @Test
    void loneCrlfBetweenMessages() {
        around("\r\n", frame(echo(2, "after a CRLF")), "\r\n", "\n")
                .echoed(2, "after a CRLF").count(3);
        assertTrue(logged.stream().noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()));
    }

    @Test
    void garbageBetweenMessages() {
        byte[] garbage = concat("xyz\u0000}{][", new byte[] {(byte) 0xff, (byte) 0xfe, 0x01}, "Content-Lenoops content-type ",
                "CContent-Length");
        around(garbage, frame(echo(2, "after garbage")), "#!garbage again")
                .echoed(2, "after garbage").count(3);
        assertTrue(warned("outside any message"));
    }

    @Test
    void inputEndsInsideABody() {
        byte[] body = utf8(echo(2, "never finished"));
        byte[] transcript = concat(BEFORE, "Content-Length: " + body.length + "\r\n\r\n",
                java.util.Arrays.copyOf(body, body.length / 2));
        Sessions.run(transcript).echoed(1, "before").error(2, PARSE_ERROR).count(2);
        assertTrue(warned("Input ended"));
    }

    @Test
    void inputEndsInsideAHeader() {
        Sessions.run(concat(BEFORE, "Content-Length: 4")).echoed(1, "before").count(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2,3]", "{\"foo\":1}", "42", "\"text\"", "null", "{\"jsonrpc\":\"2.0\"}"})
    void jsonThatIsNotAMessage(String json) {
        around(frame(json)).error(null, INVALID_REQUEST).count(3);
    }

    @Test
    void aBatchIsRefusedInWords() {
        around(frame("[{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"test/echo\",\"params\":{}}]"))
                .error(null, INVALID_REQUEST).says(null, "not an array").count(3);
        around(frame("\"text\"")).error(null, INVALID_REQUEST).says(null, "not a string").count(3);
    }

    @Test
    void anIdWithoutAMethodIsAnsweredNotTakenForAResponse() {
        // JSON-RPC 2.0, section 4: a request has a method. The server's own requests have string
        // ids, so a number cannot answer one of them; without this the client waits forever.
        around(frame("{\"jsonrpc\":\"2.0\",\"id\":7}")).error(7, INVALID_REQUEST).says(7, "\"method\"").count(3);
        around(frame("{\"jsonrpc\":\"2.0\",\"id\":8,\"params\":{\"text\":\"x\"}}")).error(8, INVALID_REQUEST).count(3);
    }

    @Test
    void aResponseToTheServerIsNeverAnsweredEvenWithoutAResult() {
        // A string id may be one of the server's own requests: its answer, however sloppy, is not ours to refuse.
        around(frame("{\"jsonrpc\":\"2.0\",\"id\":\"3\"}")).count(2);
        around(frame("{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":null}")).count(2);
    }

    @Test
    void anIdOfTheWrongKindIsAnsweredWithANullId() {
        around(frame("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"test/echo\",\"params\":{}}"))
                .error(null, INVALID_REQUEST).says(null, "\"id\" must be a string or a number").count(3);
        around(frame("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"test/echo\",\"params\":{}}"))
                .error(null, INVALID_REQUEST).count(3);
    }

    @Test
    void aMethodThatIsNoStringIsAnInvalidRequest() {
        // JSON-RPC 2.0's own example: {"jsonrpc": "2.0", "method": 1, "params": "bar"}.
        around(frame("{\"jsonrpc\":\"2.0\",\"method\":1,\"params\":\"bar\"}"))
                .error(null, INVALID_REQUEST).says(null, "must be a string").count(3);
        around(frame("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":1}")).error(6, INVALID_REQUEST).count(3);
    }

    @Test
    void idBeyondTheIntRangeIsAnswered() {
        // LSP4J alone reads ids with nextInt() and failed the whole message; see NumericIdTest.
        around(frame("{\"jsonrpc\":\"2.0\",\"id\":12345678901234,\"method\":\"test/echo\",\"params\":{}}"))
                .result(12345678901234L).count(3);
    }

    @Test
    void notificationWithWrongLengthIsLoggedNotAnswered() {
        // Read whole, it provably has no id: nobody to answer.
        byte[] body = utf8("{\"jsonrpc\":\"2.0\",\"method\":\"test/note\",\"params\":{\"n\":1}}");
        around(concat("Content-Length: " + (body.length + 10) + "\r\n\r\n", body)).count(2);
        assertTrue(warned("method test/note, no id"));
    }

    @Test
    void unparseableBodyThatMightHaveHadAnIdIsAnsweredWithNullId() {
        // JSON-RPC 2.0, section 5.1: invalid JSON is answered with a null id, even if it names a method.
        around(frame("{\"jsonrpc\":\"2.0\",\"method\":\"test/note\",\"params\":{\"n\": oops}}"))
                .error(null, PARSE_ERROR).count(3);
        assertTrue(warned("method test/note, no id"));
    }

    @Test
    void brokenResponseFromTheClientIsNotAnswered() {
        // A response to a server-to-client request must never be answered: its id is ours, not the client's.
        around(frame("{\"jsonrpc\":\"2.0\",\"id\":\"srv-1\",\"result\": oops}")).count(2);
    }

    @Test
    void stringIdsAreRecovered() {
        byte[] body = utf8(echo("abc-7", "string id"));
        around(concat("Content-Length: " + (body.length - 3) + "\r\n\r\n", body))
                .error("abc-7", PARSE_ERROR).count(3);
    }

    @Test
    void errorsFlowThroughTheWrappedOutgoingConsumer() {
        List<String> seen = new CopyOnWriteArrayList<>();
        byte[] body = utf8(echo(2, "wrapped"));
        byte[] transcript = concat(BEFORE, "Content-Length: " + (body.length + 10) + "\r\n\r\n", body, AFTER);
        Sessions.run(transcript, new EchoServer(), b -> b.wrapMessages(consumer -> message -> {
            seen.add(message.toString());
            consumer.consume(message);
        })).echoed(1, "before").error(2, PARSE_ERROR).echoed(99, "after");
        // Incoming 1 and 99, outgoing replies to 1, 2 and 99.
        assertEquals(5, seen.size(), seen.toString());
    }

    @Test
    void validationModeStillAnswersDamagedRequests() {
        byte[] body = utf8(echo(2, "validated"));
        byte[] transcript = concat(BEFORE, "Content-Length: " + (body.length - 10) + "\r\n\r\n", body,
                frame("[1]"), AFTER);
        // LSP4J's validator refuses responses without an id, so the null-id answer to "[1]" is only logged.
        Sessions.run(transcript, new EchoServer(), b -> b.validateMessages(true))
                .echoed(1, "before").error(2, PARSE_ERROR).echoed(99, "after").count(3);
    }
}
