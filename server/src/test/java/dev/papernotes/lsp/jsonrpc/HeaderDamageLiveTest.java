package dev.papernotes.lsp.jsonrpc;

import static dev.papernotes.lsp.jsonrpc.Frames.concat;
import static dev.papernotes.lsp.jsonrpc.Frames.echo;
import static dev.papernotes.lsp.jsonrpc.Frames.frame;
import static dev.papernotes.lsp.jsonrpc.Frames.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Header and body damage that used to be answered only once the client sent something more (the
 * reader kept scanning for the next header while the client waited for its answer): on a live
 * connection each damaged request is answered at once, with its id, a code and the reason, and
 * the next message is read as usual.
 */
@Timeout(60)
class HeaderDamageLiveTest {
    private static final int PARSE_ERROR = ResponseErrorCode.ParseError.getValue();
    private static final int INVALID_REQUEST = ResponseErrorCode.InvalidRequest.getValue();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final LivePipe pipe = new LivePipe();
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
    private ExecutorService executor;
    private Future<Void> listening;

    @BeforeEach
    void start() {
        producerLog.addHandler(capture);
        executor = Executors.newCachedThreadPool();
        Launcher<LanguageClient> launcher = LspLauncher.createServerLauncher(new EchoServer(), pipe.input, pipe.output,
                executor, null);
        listening = launcher.startListening();
    }

    @AfterEach
    void stop() throws Exception {
        producerLog.removeHandler(capture);
        pipe.input.close();
        listening.get(10, TimeUnit.SECONDS);
        executor.shutdownNow();
    }

    /** Feeds the damaged request with id 2; expects its error within seconds, then that id 3 is echoed. */
    private JsonObject answeredAtOnce(int code, String reason, Object... damaged) throws Exception {
        pipe.input.feed(concat(damaged));
        Replies first = pipe.output.await(1, 5, TimeUnit.SECONDS).error(2, code).count(1);
        JsonObject error = first.only(2).getAsJsonObject("error");
        assertTrue(error.get("message").getAsString().contains(reason), error.toString());
        assertTrue(logged.stream().anyMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()
                && r.getMessage().contains(reason)), "the reason is logged: " + reason);
        pipe.input.feed(frame(echo(3, "next")));
        pipe.output.await(2, 10, TimeUnit.SECONDS).echoed(3, "next").count(2);
        return error;
    }

    private static final String BODY = echo(2, "damaged");
    private static final int N = utf8(BODY).length;

    @Test
    void headerLineWithoutColon() throws Exception {
        answeredAtOnce(INVALID_REQUEST, "not a header", "Content-Length: " + N + "\r\nX-Trace on\r\n\r\n", BODY);
    }

    @Test
    void contentLengthWithoutColon() throws Exception {
        answeredAtOnce(INVALID_REQUEST, "no Content-Length header", "Content-Length " + N + "\r\n\r\n", BODY);
    }

    @Test
    void contentLengthWithPlusSign() throws Exception {
        answeredAtOnce(INVALID_REQUEST, "invalid Content-Length value '+" + N + "'", "Content-Length: +" + N + "\r\n\r\n",
                BODY);
    }

    @Test
    void contentLengthInHex() throws Exception {
        String hex = "0x" + Integer.toHexString(N);
        answeredAtOnce(INVALID_REQUEST, "invalid Content-Length value '" + hex + "'",
                "Content-Length: " + hex + "\r\n\r\n", BODY);
    }

    @Test
    void contentLengthWithSpaceInside() throws Exception {
        String spaced = String.valueOf(N).charAt(0) + " " + String.valueOf(N).substring(1);
        answeredAtOnce(INVALID_REQUEST, "invalid Content-Length value '" + spaced + "'",
                "Content-Length: " + spaced + "\r\n\r\n", BODY);
    }

    @Test
    void nulByteInTheHeader() throws Exception {
        answeredAtOnce(INVALID_REQUEST, "invalid Content-Length value '" + N + "\\x00'",
                concat("Content-Length: " + N, new byte[] {0}, "\r\n\r\n", BODY));
    }

    @Test
    void nulByteBeforeTheBody() throws Exception {
        answeredAtOnce(PARSE_ERROR, "NUL byte", concat("Content-Length: " + (N + 1) + "\r\n\r\n", new byte[] {0}, BODY));
    }

    @Test
    void bodyStartingWithAByteOrderMark() throws Exception {
        answeredAtOnce(PARSE_ERROR, "byte order mark", concat("Content-Length: " + (N + 3) + "\r\n\r\n", BOM, BODY));
    }

    @Test
    void bodyStartingWithAByteOrderMarkNotCounted() throws Exception {
        answeredAtOnce(PARSE_ERROR, "byte order mark", concat("Content-Length: " + N + "\r\n\r\n", BOM, BODY));
    }

    @Test
    void requestWithoutJsonrpcMemberAfterABadHeader() throws Exception {
        String sloppy = "{\"id\":2,\"method\":\"test/echo\",\"params\":{\"text\":\"no jsonrpc member\"}}";
        answeredAtOnce(INVALID_REQUEST, "invalid Content-Length value '+12'", "Content-Length: +12\r\n\r\n", sloppy);
    }

    @Test
    void strayBytesWithoutAnyJsonAreOnlyLogged() throws Exception {
        pipe.input.feed(concat("Content-Length: +12\r\n\r\nnot json at all\r\n", frame(echo(3, "next"))));
        Replies r = pipe.output.await(1, 10, TimeUnit.SECONDS).echoed(3, "next");
        assertEquals(1, r.all.size(), r.all.toString());
    }
}
