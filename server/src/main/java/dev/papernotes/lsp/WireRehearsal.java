package dev.papernotes.lsp;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.lsp4j.jsonrpc.json.MessageConstants;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * Puts the warm-up's questions and answers through the server's own JSON handler, as if they had
 * come over stdio: each request or notification is written as a client would write it and read
 * back, each answer written as the server would send it, and all of it thrown away. The warm-up
 * alone left reading a {@code didChange} and writing a completion list (Gson's reflective
 * adapters, interpreted until compiled) to a session's first keystrokes: at a million papers they
 * were most of its p99.
 */
final class WireRehearsal {
    /** For a server not started on streams (tests that call the services directly). */
    static final WireRehearsal NONE = new WireRehearsal(null);

    private final MessageJsonHandler json;
    private int id;
    /** Per method, messages read back as they were written (for tests: a method the handler does not know is read as bare JSON). */
    final Map<String, Integer> readBack = new TreeMap<>();
    /** Bytes of answers and notifications written. */
    long bytesWritten;

    WireRehearsal(MessageJsonHandler json) {
        this.json = json;
    }

    /** A request read and its answer written. */
    void request(String method, Object params, Object result) {
        if (json == null) {
            return;
        }
        RequestMessage request = new RequestMessage();
        request.setJsonrpc(MessageConstants.JSONRPC_VERSION);
        request.setId(++id);
        request.setMethod(method);
        request.setParams(params);
        read(request);
        ResponseMessage response = new ResponseMessage();
        response.setJsonrpc(MessageConstants.JSONRPC_VERSION);
        response.setId(id);
        response.setResult(result);
        write(response);
    }

    /** A notification from the client, read. */
    void received(String method, Object params) {
        if (json != null) {
            read(notification(method, params));
        }
    }

    /** A notification to the client, written. */
    void sent(String method, Object params) {
        if (json != null) {
            write(notification(method, params));
        }
    }

    private static NotificationMessage notification(String method, Object params) {
        NotificationMessage n = new NotificationMessage();
        n.setJsonrpc(MessageConstants.JSONRPC_VERSION);
        n.setMethod(method);
        n.setParams(params);
        return n;
    }

    /** As the client would write it, then as the server's reader reads a message's bytes. */
    private void read(Message message) {
        byte[] bytes = json.serialize(message).getBytes(StandardCharsets.UTF_8);
        Message read = json.parseMessage(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        if (read.equals(message)) {
            readBack.merge(method(message), 1, Integer::sum);
        }
    }

    private static String method(Message m) {
        return m instanceof RequestMessage r ? r.getMethod() : ((NotificationMessage) m).getMethod();
    }

    /** As LSP4J's {@code StreamMessageConsumer} writes a message, short of the stream. */
    private void write(Message message) {
        bytesWritten += json.serialize(message).getBytes(StandardCharsets.UTF_8).length;
    }
}
