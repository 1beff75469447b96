package dev.papernotes.lsp.jsonrpc;

import static dev.papernotes.lsp.jsonrpc.Frames.concat;
import static dev.papernotes.lsp.jsonrpc.Frames.echo;
import static dev.papernotes.lsp.jsonrpc.Frames.frame;
import static dev.papernotes.lsp.jsonrpc.Frames.utf8;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same damage on a live connection that stays open: a lying Content-Length must not make the
 * server wait for bytes that will never come (a client waits for the answer before sending more).
 */
@Timeout(30)
class SafeMessageProducerLiveTest {
    private final LivePipe pipe = new LivePipe();
    private ExecutorService executor;
    private Future<Void> listening;

    @BeforeEach
    void start() {
        executor = Executors.newCachedThreadPool();
        Launcher<LanguageClient> launcher = LspLauncher.createServerLauncher(new EchoServer(), pipe.input, pipe.output,
                executor, null);
        listening = launcher.startListening();
    }

    @AfterEach
    void stop() throws Exception {
        pipe.input.close();
        listening.get(10, TimeUnit.SECONDS);
        executor.shutdownNow();
    }

    @Test
    void hugeContentLengthIsAnsweredWithoutWaitingForTheClaimedBytes() throws Exception {
        pipe.input.feed(concat("Content-Length: 2147483648\r\n\r\n", echo(2, "claims 2 GiB")));
        pipe.output.await(1, 10, TimeUnit.SECONDS).error(2, ResponseErrorCode.InvalidRequest.getValue());
        pipe.input.feed(frame(echo(3, "next")));
        pipe.output.await(2, 10, TimeUnit.SECONDS).echoed(3, "next");
    }

    @Test
    void contentLengthLongerThanTheLastMessageIsAnsweredAtOnce() throws Exception {
        byte[] body = utf8(echo(2, "ten too many"));
        pipe.input.feed(concat("Content-Length: " + (body.length + 10) + "\r\n\r\n", body));
        pipe.output.await(1, 10, TimeUnit.SECONDS).error(2, ResponseErrorCode.ParseError.getValue());
        pipe.input.feed(frame(echo(3, "next")));
        pipe.output.await(2, 10, TimeUnit.SECONDS).echoed(3, "next");
    }

    @Test
    void lengthUnderTheLimitButFarTooLargeDoesNotStall() throws Exception {
        pipe.input.feed(concat("Content-Length: 60000000\r\n\r\n", echo(2, "claims 60 MB")));
        pipe.output.await(1, 10, TimeUnit.SECONDS).error(2, ResponseErrorCode.ParseError.getValue());
    }

    @Test
    void messageArrivingInPiecesIsAnsweredOnceComplete() throws Exception {
        byte[] whole = frame(echo(2, "in pieces: Grüße"));
        for (int i = 0; i < whole.length; i += 7) {
            pipe.input.feed(java.util.Arrays.copyOfRange(whole, i, Math.min(whole.length, i + 7)));
            Thread.sleep(1);
        }
        pipe.output.await(1, 10, TimeUnit.SECONDS).echoed(2, "in pieces: Grüße");
    }

    @Test
    void cutBodyFollowedLaterByTheNextMessage() throws Exception {
        byte[] body = utf8(echo(2, "cut short"));
        pipe.input.feed(concat("Content-Length: " + (body.length + 40) + "\r\n\r\n",
                java.util.Arrays.copyOf(body, body.length - 5)));
        Thread.sleep(50);
        assertFalse(listening.isDone());
        pipe.input.feed(concat("\r\n", frame(echo(3, "next"))));
        pipe.output.await(2, 10, TimeUnit.SECONDS).error(2, ResponseErrorCode.ParseError.getValue()).echoed(3, "next");
    }
}
