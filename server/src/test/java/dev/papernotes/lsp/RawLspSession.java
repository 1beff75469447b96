package dev.papernotes.lsp;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real server in this JVM, spoken to in raw bytes (as a careless or hostile client would) and
 * read back frame by frame, each frame kept as its raw JSON text too.
 */
final class RawLspSession implements AutoCloseable {
    private final OutputStream toServer;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread serverThread;

    RawLspSession() throws IOException {
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        InputStream serverIn = Channels.newInputStream(up.source());
        toServer = Channels.newOutputStream(up.sink());
        InputStream clientIn = Channels.newInputStream(down.source());
        OutputStream fromServer = Channels.newOutputStream(down.sink());
        serverThread = new Thread(() -> LanguageServerMain.serve(serverIn, fromServer, s -> { }), "raw-test-server");
        serverThread.setDaemon(true);
        serverThread.start();
        Thread reader = new Thread(() -> read(clientIn), "raw-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(InputStream in) {
        try {
            while (true) {
                int length = -1;
                StringBuilder line = new StringBuilder();
                while (true) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    if (b == '\n') {
                        String header = line.toString().strip();
                        line.setLength(0);
                        if (header.isEmpty()) {
                            break;
                        }
                        if (header.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(header.substring(15).strip());
                        }
                    } else {
                        line.append((char) b);
                    }
                }
                received.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // closed
        }
    }

    void send(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        sendRaw(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        sendRaw(body);
    }

    void sendRaw(byte[] bytes) throws IOException {
        toServer.write(bytes);
        toServer.flush();
    }

    /** The raw text of the next frame the predicate accepts (checked on its parsed form). */
    String awaitRaw(Predicate<JsonObject> wanted, long seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            String raw = received.poll(50, TimeUnit.MILLISECONDS);
            if (raw == null) {
                continue;
            }
            seen.add(raw);
            if (wanted.test(JsonParser.parseString(raw).getAsJsonObject())) {
                return raw;
            }
        }
        throw new AssertionError("no such message within " + seconds + " s; saw " + seen);
    }

    JsonObject await(Predicate<JsonObject> wanted, long seconds) throws Exception {
        return JsonParser.parseString(awaitRaw(wanted, seconds)).getAsJsonObject();
    }

    /** The reply to request {@code id} (a number). */
    JsonObject reply(int id, long seconds) throws Exception {
        return await(m -> !m.has("method") && m.has("id") && m.get("id").isJsonPrimitive()
                && m.get("id").getAsJsonPrimitive().isNumber() && m.get("id").getAsInt() == id, seconds);
    }

    /** Every frame seen so far (raw), including those skipped while waiting. */
    List<String> seen() {
        return seen;
    }

    static String request(Object id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + "}";
    }

    static String notification(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"" + (params == null ? "" : ",\"params\":" + params) + "}";
    }

    @Override
    public void close() throws Exception {
        try {
            send(request(999999, "shutdown", null));
            send(notification("exit", null));
        } catch (IOException ignored) {
            // already gone
        }
        toServer.close();
        serverThread.join(5000);
    }
}
