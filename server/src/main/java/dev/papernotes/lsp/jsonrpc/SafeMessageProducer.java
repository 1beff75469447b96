package dev.papernotes.lsp.jsonrpc;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
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
    private static final int INVALID_PARAMS = ResponseErrorCode.InvalidParams.getValue();

    private final FrameReader frames;
    private final MessageJsonHandler jsonHandler;
    private final MessageIssueHandler issueHandler;
    private final FailureReporter reporter;
    private final long maxContentLength;
    private volatile boolean keepRunning;
    // Why the last header block (or body) was refused; it names the failure of the bytes skipped
    // after it, and refusedCode is the code they are answered with.
    private String refusedHeader;
    private int refusedCode = INVALID_REQUEST;

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
            int code = refusedHeader != null ? refusedCode : INVALID_REQUEST;
            refusedHeader = null;
            String first = skipped.sampleLength() > 0 ? oddByte(skipped.sample()[0] & 0xff) : null;
            if (first != null) {
                why += "; it begins with " + first;
            }
            reporter.unframed(code, why, skipped.sample(), skipped.sampleLength());
        } else if (event instanceof FrameEvent.BadHeader bad) {
            refusedHeader = "invalid message header: " + bad.problem();
            refusedCode = INVALID_REQUEST;
            LOG.warning("Refused a header block: " + bad.problem());
        } else if (event instanceof FrameEvent.Frame frame) {
            refusedHeader = null;
            handleFrame(frame, callback);
        }
    }

    /** A byte that explains why text is not JSON (NUL, other control bytes, a BOM's first byte), or null. */
    private static String oddByte(int b) {
        if (b == 0) {
            return "a NUL byte (0x00)";
        }
        if (b == 0xEF) {
            return "byte 0xEF (a byte order mark?)";
        }
        if (b < 0x20 && b != '\t' && b != '\r' && b != '\n' || b == 0x7f) {
            return String.format("control byte 0x%02X", b);
        }
        return null;
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
        String problem = switch (body.status()) {
            case EOF -> "Input ended after " + body.consumed() + " of " + declared + " message bytes";
            case TOO_SHORT -> "Content-Length " + declared + " ends inside the JSON body"
                    + (nonAscii(body) ? " (counted in characters rather than UTF-8 bytes?)" : ": the JSON is cut short");
            case TOO_LONG -> "Content-Length " + declared + " is longer than the " + body.consumed() + "-byte JSON body";
            case NOT_JSON -> "Message body is not JSON from byte " + body.consumed() + " of " + declared
                    + "; skipped to the next header";
            case COMPLETE -> null;
        };
        if (body.bom()) {
            problem = "Message body starts with a byte order mark (U+FEFF), which JSON-RPC does not allow"
                    + (problem == null ? "" : "; " + problem);
        }
        if (problem != null) {
            if (body.status() == Body.Status.NOT_JSON && body.blank()) {
                // Nothing stored to answer from: the bytes go back to the scanner, whose report
                // (with the id, if they hold a message) carries this reason.
                refusedHeader = problem;
                refusedCode = PARSE_ERROR;
                LOG.warning(problem);
                return;
            }
            reporter.framed(PARSE_ERROR, problem, body, frame.charset());
            return;
        }
        if (frame.charset() == null) {
            reporter.framed(INVALID_REQUEST, "Message skipped: " + frame.charsetProblem(), body, null);
            return;
        }
        dispatch(body, frame.charset(), callback);
    }

    /** Whether the body holds a byte outside ASCII: only then can a length counted in characters be the cause. */
    private static boolean nonAscii(Body body) {
        byte[] b = body.bytes();
        for (int i = 0; i < body.length(); i++) {
            if (b[i] < 0) {
                return true;
            }
        }
        return false;
    }

    /** Bodies up to this size are decoded whole before they are parsed. */
    static final int DECODED_WHOLE = 64 << 10;

    /**
     * The body's characters. A keystroke's message (a few hundred bytes) is decoded into a string at
     * once: an {@link InputStreamReader} would allocate its 8 KB decoding buffer for each, a third of
     * what reading messages allocated while typing. A large body (a note sent whole) is decoded as it
     * is read, so that it is not held twice.
     */
    static Reader reader(byte[] bytes, int length, Charset charset) {
        if (length <= DECODED_WHOLE) {
            return new StringReader(new String(bytes, 0, length, charset));
        }
        return new InputStreamReader(new ByteArrayInputStream(bytes, 0, length), charset);
    }

    /** LSP4J's own handling, plus an answer for bodies LSP4J would only log. */
    private void dispatch(Body body, Charset charset, MessageConsumer callback) {
        byte[] bytes = body.bytes();
        int length = body.length();
        NumericId.Found numericId = NumericId.find(bytes, 0, length);
        if (numericId != null) {
            bytes = NumericId.quoted(bytes, length, numericId);
            length += 2;
        }
        Message message;
        try {
            message = jsonHandler.parseMessage(reader(bytes, length, charset));
        } catch (MessageIssueException issue) {
            handleIssue(issue, body, charset, numericId);
            return;
        } catch (RuntimeException | StackOverflowError e) {
            boolean syntax = isSyntaxError(e);
            String shape = syntax ? null : notAnObject(bytes, length);
            if (!syntax && shape == null && Envelope.sniff(body.bytes(), body.length(), charset).badId()) {
                shape = "\"id\" must be a string or a number";
            }
            String text = syntax ? "Parse error: " + brief(e)
                    : "Invalid request: " + (shape != null ? shape : brief(e));
            reporter.framed(syntax ? PARSE_ERROR : INVALID_REQUEST, text, body, charset);
            return;
        }
        if (message == null) {
            reporter.framed(INVALID_REQUEST, "Invalid request: the message is JSON null", body, charset);
            return;
        }
        String refused = refusal(message, body, charset);
        if (refused != null) {
            reporter.framed(INVALID_REQUEST, "Invalid request: " + refused, body, charset);
            return;
        }
        restoreId(message, numericId);
        try {
            callback.consume(message);
        } catch (MessageIssueException issue) {
            // E.g. LSP4J's ReflectiveMessageValidator refusing the message.
            handleIssue(issue, body, charset, numericId);
        } catch (Exception e) {
            // Keep this thread alive whatever a consumer throws, as StreamMessageProducer does.
            LOG.log(Level.SEVERE, e.getMessage() != null ? e.getMessage() : "Error while handling a message", e);
        }
    }

    /**
     * What makes a message LSP4J read without complaint no JSON-RPC message, or null. LSP4J takes an
     * object with an id and no method for a response and drops it when no request of ours has that
     * id, and a method that is a number for a method name: the client would wait forever, or be
     * told the method is unknown. Looked at only in those rare cases, so a well-formed message costs
     * nothing more.
     */
    private String refusal(Message message, Body body, Charset charset) {
        if (message instanceof ResponseMessage r && r.getResult() == null && r.getError() == null
                && r.getRawId() != null && r.getRawId().isRight()) {
            // The server's own requests carry string ids: a number cannot be an answer to one.
            Envelope envelope = Envelope.sniff(body.bytes(), body.length(), charset);
            if (!envelope.response() && envelope.method() == null) {
                return "a message with an id needs a \"method\" (a request); this one has none,"
                        + " and no \"result\" or \"error\" either";
            }
        }
        String method = message instanceof RequestMessage q ? q.getMethod()
                : message instanceof NotificationMessage n ? n.getMethod() : null;
        if (method != null && jsonHandler.getJsonRpcMethod(method) == null) {
            Envelope envelope = Envelope.sniff(body.bytes(), body.length(), charset);
            if (envelope.whole() && envelope.method() == null) {
                return "\"method\" must be a string, not " + method;
            }
        }
        return null;
    }

    /** Why a body that is JSON but no object is no message, or null when it starts as an object. */
    static String notAnObject(byte[] bytes, int length) {
        int i = 0;
        while (i < length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        if (i == length) {
            return "the message is empty";
        }
        String what = switch (bytes[i]) {
            case '{' -> null;
            case '[' -> "an array (a JSON-RPC batch, which LSP does not use: send each message on its own)";
            case '"' -> "a string";
            case 't', 'f' -> "a boolean";
            case 'n' -> "null";
            default -> "a number";
        };
        return what == null ? null : "a message must be a JSON object, not " + what;
    }

    /** Puts back a numeric id that was quoted for LSP4J (see {@link NumericId}). */
    private static void restoreId(Message message, NumericId.Found numericId) {
        if (numericId == null) {
            return;
        }
        if (message instanceof RequestMessage request) {
            request.setRawId(Either.forRight(numericId.number()));
        } else if (message instanceof ResponseMessage response) {
            response.setRawId(Either.forRight(numericId.number()));
        }
    }

    /**
     * LSP4J's issues, made answerable: params of the wrong JSON type are invalid params (-32602) in
     * words, not a parse error with Gson's message; and a request whose params broke before its id
     * was read is answered with that id rather than taken for a notification.
     */
    private void handleIssue(MessageIssueException issue, Body body, Charset charset, NumericId.Found numericId) {
        Message message = issue.getRpcMessage();
        restoreId(message, numericId);
        String method = message instanceof RequestMessage r ? r.getMethod()
                : message instanceof NotificationMessage n ? n.getMethod() : null;
        List<MessageIssue> issues = new ArrayList<>();
        for (MessageIssue i : issue.getIssues()) {
            if (i.getIssueCode() == PARSE_ERROR && method != null && i.getCause() != null
                    && !ParamsTypeError.isSyntax(i.getCause())) {
                issues.add(new MessageIssue(ParamsTypeError.describe(method, paramsOf(body, charset),
                        parameterType(method), jsonHandler.getGson()), INVALID_PARAMS));
            } else {
                issues.add(i);
            }
        }
        if (message instanceof NotificationMessage n) {
            Envelope envelope = Envelope.sniff(body.bytes(), body.length(), charset);
            if (envelope.id() != null) {
                RequestMessage request = new RequestMessage();
                request.setJsonrpc(n.getJsonrpc());
                request.setMethod(n.getMethod());
                request.setParams(n.getParams());
                request.setRawId(envelope.id());
                request.setJsonHandler(jsonHandler);
                message = request;
            }
        }
        LOG.warning((issues.isEmpty() ? "Message issue" : issues.get(0).getText()) + (message instanceof RequestMessage r ? " (id " + r.getId() + ")" : ""));
        if (issueHandler == null) {
            return;
        }
        try {
            issueHandler.handle(message, issues);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, e.getMessage() != null ? e.getMessage() : "Error while reporting an issue", e);
        }
    }

    /** The params member of a body that is known to be well-formed JSON, or null. */
    private static JsonElement paramsOf(Body body, Charset charset) {
        try {
            JsonElement json = JsonParser.parseReader(reader(body.bytes(), body.length(), charset));
            return json.isJsonObject() ? json.getAsJsonObject().get("params") : null;
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    private Type parameterType(String method) {
        JsonRpcMethod m = jsonHandler.getJsonRpcMethod(method);
        return m != null && m.getParameterTypes().length == 1 ? m.getParameterTypes()[0] : null;
    }

    private static boolean isSyntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MalformedJsonException || t instanceof EOFException || t instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    /** The first line of an exception message, bounded and without Java class names; Gson's messages can be long. */
    static String brief(Throwable e) {
        String text = ClassNames.removed(e.getMessage());
        if (text.isEmpty()) {
            text = "the message cannot be read";
        }
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline);
        }
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
