package dev.papernotes.lsp.jsonrpc;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.json.MessageConstants;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * Reports a message that could not be read. The damaged message is rebuilt from whatever envelope
 * survived and handed, with one {@link MessageIssue}, to LSP4J's {@link MessageIssueHandler} (the
 * RemoteEndpoint): a request is answered with an error carrying its id, a response fails the
 * matching pending request, a notification is only logged. That is the path LSP4J itself takes
 * for messages that parse but do not validate, so errors leave through the same consumer chain
 * (tracing, wrappers) as every other response.
 */
final class FailureReporter {
    private final MessageIssueHandler issueHandler;
    private final MessageJsonHandler jsonHandler;
    private final Logger log;

    FailureReporter(MessageIssueHandler issueHandler, MessageJsonHandler jsonHandler, Logger log) {
        this.issueHandler = issueHandler;
        this.jsonHandler = jsonHandler;
        this.log = log;
    }

    /**
     * A frame whose body is known to start a message. When the damage hides whether it had an id,
     * it is answered with a null id, as JSON-RPC prescribes for parse errors; only a body read
     * whole and without an id (a notification) goes unanswered.
     */
    void framed(int code, String text, Body body, Charset charset) {
        Envelope envelope = Envelope.sniff(body.bytes(), body.length(), charset == null ? StandardCharsets.UTF_8 : charset);
        report(code, text, envelope, !body.blank());
    }

    /**
     * Bytes outside any frame. Answered only when they hold what is clearly a JSON-RPC message
     * that lost its header (an object with a {@code jsonrpc} member and an id, or a whole one
     * with an id and a method), possibly after
     * some junk such as a mangled header value; otherwise only logged, since stray bytes have no
     * one to answer to.
     */
    void unframed(int code, String text, byte[] sample, int length) {
        report(code, text, findEnvelope(sample, length), false);
    }

    private static final int MAX_OBJECT_STARTS = 16;

    /** The first object start in the sample that reads as a JSON-RPC envelope, or none. */
    private static Envelope findEnvelope(byte[] sample, int length) {
        int tries = 0;
        for (int i = 0; i < length && tries < MAX_OBJECT_STARTS; i++) {
            if (sample[i] != '{') {
                continue;
            }
            tries++;
            Envelope envelope = Envelope.sniff(sample, i, length - i, StandardCharsets.UTF_8);
            // A JSON-RPC object, or any whole object with both an id and a method: clearly a request.
            if (envelope.jsonrpc() && (envelope.id() != null || envelope.method() != null)
                    || envelope.whole() && envelope.id() != null && envelope.method() != null) {
                return envelope;
            }
        }
        return Envelope.NONE;
    }

    private void report(int code, String text, Envelope envelope, boolean mayHaveLostItsId) {
        Message message = rebuild(envelope, mayHaveLostItsId);
        String where = envelope.id() != null ? " (id " + envelope.id().get() + ")"
                : envelope.method() != null ? " (method " + envelope.method() + ", no id)" : "";
        log.log(Level.WARNING, text + where);
        if (message == null || issueHandler == null) {
            return;
        }
        try {
            issueHandler.handle(message, List.of(new MessageIssue(text, code)));
        } catch (Exception e) {
            // E.g. the output is closed, or validation refuses a response without id.
            log.log(Level.WARNING, "Could not report a protocol error: " + e.getMessage(), e);
        }
    }

    private Message rebuild(Envelope envelope, boolean mayHaveLostItsId) {
        Message message;
        // An id of the wrong kind still makes a request: JSON-RPC answers it with a null id.
        boolean notification = envelope.method() != null && !envelope.badId()
                && (envelope.whole() || !mayHaveLostItsId);
        if (envelope.id() != null && envelope.method() == null && envelope.response()) {
            ResponseMessage response = new ResponseMessage();
            response.setRawId(envelope.id());
            message = response;
        } else if (envelope.id() != null || envelope.badId() || (mayHaveLostItsId && !notification)) {
            RequestMessage request = new RequestMessage();
            request.setRawId(envelope.id());
            request.setMethod(envelope.method());
            message = request;
        } else if (notification) {
            NotificationMessage notice = new NotificationMessage();
            notice.setMethod(envelope.method());
            message = notice;
        } else {
            return null;
        }
        message.setJsonrpc(MessageConstants.JSONRPC_VERSION);
        message.setJsonHandler(jsonHandler);
        return message;
    }
}
