package dev.papernotes.lsp.jsonrpc;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

import com.google.gson.stream.MalformedJsonException;

/**
 * A drop-in replacement for LSP4J's {@code StreamMessageProducer} that never loses sync.
 *
 * <p>Well-framed messages take exactly LSP4J's path: {@link MessageJsonHandler#parseMessage},
 * then the consumer, with {@link MessageIssueException}s handed to the issue handler. Everything
 * else — a wrong or missing Content-Length, conflicting headers, bytes between frames, a body cut
 * short or running long, an oversized message, JSON that is not a message — is answered with a
 * JSON-RPC error where the message's id can be recovered (-32700 parse error, -32600 invalid
 * request; a null id when a framed body reveals none), only logged when it has no id, and
 * followed by a scan for the next header, so the next well-formed message is still answered.
 *
 * <p>Logging goes to {@code java.util.logging}; nothing is ever written to {@code System.out}.
 */
public class SafeMessageProducer implements MessageProducer, Closeable {

    /** Default bound on one message body: 64 MiB. */
    public static final long DEFAULT_MAX_CONTENT_LENGTH = 64L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(SafeMessageProducer.class.getName());
    private static final int PARSE_ERROR = ResponseErrorCode.ParseError.getValue();
    private static final int INVALID_REQUEST = ResponseErrorCode.InvalidRequest.getValue();

    private final FrameReader frames;
    private final MessageJsonHandler jsonHandler;
    private final MessageIssueHandler issueHandler;
    private final FailureReporter reporter;
    private final long maxContentLength;
    private volatile boolean keepRunning;
    // Why the last header block was refused; it names the failure of the body skipped after it.
    private String refusedHeader;

    /** With the default 64 MiB limit. */
    public SafeMessageProducer(InputStream input, MessageJsonHandler jsonHandler, MessageIssueHandler issueHandler) {
        this(input, jsonHandler, issueHandler, DEFAULT_MAX_CONTENT_LENGTH);
    }

    /**
     * @param issueHandler     receives every message-level error (normally the launcher's RemoteEndpoint);
     *                         if null, errors are only logged
     * @param maxContentLength larger bodies are refused and skipped without being stored
     */
    public SafeMessageProducer(InputStream input, MessageJsonHandler jsonHandler, MessageIssueHandler issueHandler,
            long maxContentLength) {
        if (maxContentLength < 0) {
            throw new IllegalArgumentException("maxContentLength must be >= 0");
        }
        this.frames = new FrameReader(input, maxContentLength);
        this.jsonHandler = jsonHandler;
        this.issueHandler = issueHandler;
        this.reporter = new FailureReporter(issueHandler, jsonHandler, LOG);
        this.maxContentLength = maxContentLength;
    }

    @Override
    public void listen(MessageConsumer callback) {
        if (keepRunning) {
            throw new IllegalStateException("This SafeMessageProducer is already running.");
        }
        keepRunning = true;
        if (callback == null) {
            callback = message -> LOG.info("Received message: " + message);
        }
        try {
            while (keepRunning) {
                FrameEvent event = frames.next();
                if (event instanceof FrameEvent.End) {
                    break;
                }
                handle(event, callback);
            }
        } catch (IOException e) {
            // Same policy as StreamMessageProducer: a closed stream ends listening quietly.
            if (!JsonRpcException.indicatesStreamClosed(e)) {
                throw new JsonRpcException(e);
            }
            if (keepRunning) {
                LOG.log(Level.INFO, e.getMessage() != null ? e.getMessage() : "The input stream was closed.", e);
            }
        } finally {
            keepRunning = false;
        }
    }

    @Override
    public void close() {
        keepRunning = false;
    }

    private void handle(FrameEvent event, MessageConsumer callback) {
        if (event instanceof FrameEvent.Skipped skipped) {
            String why = refusedHeader != null ? "Message skipped: " + refusedHeader
                    : "Skipped " + skipped.bytes() + " bytes outside any message (no Content-Length header before them)";
            refusedHeader = null;
            reporter.unframed(INVALID_REQUEST, why, skipped.sample(), skipped.sampleLength());
        } else if (event instanceof FrameEvent.BadHeader bad) {
            refusedHeader = "invalid message header: " + bad.problem();
            LOG.warning("Refused a header block: " + bad.problem());
        } else if (event instanceof FrameEvent.Frame frame) {
            refusedHeader = null;
            handleFrame(frame, callback);
        }
    }

    private void handleFrame(FrameEvent.Frame frame, MessageConsumer callback) {
        Body body = frame.body();
        long declared = frame.declaredLength();
        if (frame.oversized()) {
            String size = declared == Long.MAX_VALUE ? "at least " + Long.MAX_VALUE : String.valueOf(declared);
            reporter.framed(INVALID_REQUEST, "Message of " + size + " bytes exceeds the limit of "
                    + maxContentLength + " bytes and was skipped", body, frame.charset());
            return;
        }
        switch (body.status()) {
            case EOF:
                reporter.framed(PARSE_ERROR, "Input ended after " + body.consumed() + " of " + declared
                        + " message bytes", body, frame.charset());
                return;
            case TOO_SHORT:
                reporter.framed(PARSE_ERROR, "Content-Length " + declared + " ends inside the JSON body"
                        + " (counted in characters rather than UTF-8 bytes?)", body, frame.charset());
                return;
            case TOO_LONG:
                reporter.framed(PARSE_ERROR, "Content-Length " + declared + " is longer than the "
                        + body.consumed() + "-byte JSON body", body, frame.charset());
                return;
            case NOT_JSON:
                reporter.framed(PARSE_ERROR, "Message body is not JSON from byte " + body.consumed()
                        + " of " + declared + "; skipped to the next header", body, frame.charset());
                return;
            case COMPLETE:
            default:
                break;
        }
        if (frame.charset() == null) {
            reporter.framed(INVALID_REQUEST, "Message skipped: " + frame.charsetProblem(), body, null);
            return;
        }
        dispatch(body, frame.charset(), callback);
    }

    /** LSP4J's own handling, plus an answer for bodies LSP4J would only log. */
    private void dispatch(Body body, Charset charset, MessageConsumer callback) {
        Message message;
        try {
            InputStream content = new ByteArrayInputStream(body.bytes(), 0, body.length());
            message = jsonHandler.parseMessage(new InputStreamReader(content, charset));
        } catch (MessageIssueException issue) {
            handleIssue(issue);
            return;
        } catch (RuntimeException | StackOverflowError e) {
            boolean syntax = isSyntaxError(e);
            String text = (syntax ? "Parse error: " : "Invalid request: ") + brief(e);
            reporter.framed(syntax ? PARSE_ERROR : INVALID_REQUEST, text, body, charset);
            return;
        }
        if (message == null) {
            reporter.framed(INVALID_REQUEST, "Invalid request: the message is JSON null", body, charset);
            return;
        }
        try {
            callback.consume(message);
        } catch (MessageIssueException issue) {
            // E.g. LSP4J's ReflectiveMessageValidator refusing the message.
            handleIssue(issue);
        } catch (Exception e) {
            // Keep this thread alive whatever a consumer throws, as StreamMessageProducer does.
            LOG.log(Level.SEVERE, e.getMessage() != null ? e.getMessage() : "Error while handling a message", e);
        }
    }

    private void handleIssue(MessageIssueException issue) {
        if (issueHandler == null) {
            LOG.log(Level.SEVERE, issue.getMessage(), issue);
            return;
        }
        try {
            issueHandler.handle(issue.getRpcMessage(), issue.getIssues());
        } catch (Exception e) {
            LOG.log(Level.SEVERE, e.getMessage() != null ? e.getMessage() : "Error while reporting an issue", e);
        }
    }

    private static boolean isSyntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MalformedJsonException || t instanceof EOFException || t instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    /** The first line of an exception message, bounded; Gson's messages can be long. */
    private static String brief(Throwable e) {
        String text = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline);
        }
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
