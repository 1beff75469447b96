package dev.papernotes.lsp.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.junit.jupiter.api.Test;

/** Messages written straight into a UTF-8 buffer: the bytes LSP4J's own consumer writes, whole under load. */
class DirectMessageConsumerTest {
    private static final MessageJsonHandler JSON = new MessageJsonHandler(Map.of());
    private static final String ESCAPED = "\"\\\n\t\u2028\u2029<>&='";

    /** Text of every kind a reply carries: ASCII, escapes, accents, CJK, emoji, and broken surrogates. */
    private static String text(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(random.nextInt(10) == 0 ? 3000 : 40);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(9)) {
                case 0 -> b.append(ESCAPED.charAt(random.nextInt(ESCAPED.length())));
                case 1 -> b.append((char) random.nextInt(0x20));
                case 2 -> b.append((char) (0xA0 + random.nextInt(0x700)));
                case 3 -> b.append((char) (0x3000 + random.nextInt(0x6000)));
                case 4 -> b.appendCodePoint(0x1F300 + random.nextInt(0x300));
                case 5 -> b.append((char) (0xD800 + random.nextInt(0x800))); // a surrogate alone
                default -> b.append((char) ('a' + random.nextInt(26)));
            }
        }
        return b.toString();
    }

    private static Message message(Random random, int id) {
        JsonObject params = new JsonObject();
        for (int i = random.nextInt(6); i > 0; i--) {
            params.addProperty(text(random), random.nextBoolean() ? text(random) : (Object) random.nextInt() + "");
        }
        if (random.nextBoolean()) {
            NotificationMessage n = new NotificationMessage();
            n.setMethod("window/logMessage");
            n.setParams(params);
            return n;
        }
        ResponseMessage r = new ResponseMessage();
        r.setId(id);
        r.setResult(random.nextInt(5) == 0 ? null : params);
        return r;
    }

    private static byte[] lsp4j(Message m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StreamMessageConsumer(out, JSON).consume(m);
        return out.toByteArray();
    }

    @Test
    void writesTheBytesLsp4jWrites() {
        Random random = new Random(44);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DirectMessageConsumer direct = new DirectMessageConsumer(out, JSON);
        for (int i = 0; i < 3000; i++) {
            Message m = message(random, i);
            out.reset();
            direct.consume(m); // one consumer throughout: its buffer is used again and again
            assertArrayEquals(lsp4j(m), out.toByteArray(), m.toString());
        }
    }

    @Test
    void aSurrogatePairSplitAcrossWritesIsOneCharacter() {
        Random random = new Random(45);
        for (int i = 0; i < 2000; i++) {
            String s = text(random);
            Utf8Buffer buffer = new Utf8Buffer(7, 1);
            int at = 0;
            while (at < s.length()) {
                int end = Math.min(s.length(), at + 1 + random.nextInt(5));
                switch (random.nextInt(3)) {
                    case 0 -> buffer.write(s, at, end - at);
                    case 1 -> buffer.write(s.toCharArray(), at, end - at);
                    default -> {
                        for (int k = at; k < end; k++) {
                            buffer.write(s.charAt(k));
                        }
                    }
                }
                at = end;
            }
            buffer.flush();
            byte[] expected = s.getBytes(StandardCharsets.UTF_8);
            byte[] written = java.util.Arrays.copyOfRange(buffer.array(), 7, 7 + buffer.length());
            assertArrayEquals(expected, written, s);
        }
    }

    @Test
    void messagesFromManyThreadsArriveWholeAndALargeOneLeavesNoTrace() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DirectMessageConsumer direct = new DirectMessageConsumer(out, JSON);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Set<String> sent = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                Random random = new Random(thread);
                for (int i = 0; i < 300; i++) {
                    ResponseMessage r = new ResponseMessage();
                    r.setId(thread * 1000 + i);
                    JsonObject result = new JsonObject();
                    // Now and then one past what a thread's buffer keeps.
                    result.addProperty("text", i % 97 == 0 ? "x".repeat(DirectMessageConsumer.KEPT_BYTES + 10) : text(random));
                    r.setResult(result);
                    // As UTF-8 carries it: a surrogate alone becomes '?'.
                    sent.add(new String(JSON.serialize(r).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
                    direct.consume(r);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        byte[] all = out.toByteArray();
        Set<String> received = new HashSet<>();
        int at = 0;
        while (at < all.length) {
            int headerEnd = indexOf(all, at);
            String header = new String(all, at, headerEnd - at, StandardCharsets.US_ASCII);
            int length = Integer.parseInt(header.substring("Content-Length: ".length()));
            String body = new String(all, headerEnd + 4, length, StandardCharsets.UTF_8);
            JsonParser.parseString(body); // whole, not interleaved
            received.add(body);
            at = headerEnd + 4 + length;
        }
        assertEquals(1200, received.size());
        assertEquals(sent, received);
    }

    /** Something whose writing sends another message from the same thread, as a log line could. */
    private record Noisy(String text) {
    }

    @Test
    void aMessageSentWhileAnotherIsWrittenLeavesBothWhole() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DirectMessageConsumer[] direct = new DirectMessageConsumer[1];
        NotificationMessage inner = new NotificationMessage();
        inner.setMethod("window/logMessage");
        inner.setParams(Map.of("message", "written in the middle \u00e9"));
        MessageJsonHandler json = new MessageJsonHandler(Map.of(), gson -> gson.registerTypeAdapter(Noisy.class,
                new com.google.gson.TypeAdapter<Noisy>() {
                    @Override
                    public void write(com.google.gson.stream.JsonWriter w, Noisy n) throws java.io.IOException {
                        direct[0].consume(inner);
                        w.value(n.text());
                    }

                    @Override
                    public Noisy read(com.google.gson.stream.JsonReader r) {
                        throw new UnsupportedOperationException();
                    }
                }));
        direct[0] = new DirectMessageConsumer(out, json);
        direct[0].consume(inner); // the thread has a buffer now, idle
        out.reset();
        ResponseMessage outer = new ResponseMessage();
        outer.setId(7);
        outer.setResult(new Noisy("the answer " + "x".repeat(100)));
        direct[0].consume(outer);
        String innerBody = JSON.serialize(inner);
        String outerBody = "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"the answer " + "x".repeat(100) + "\"}";
        String expected = "Content-Length: " + innerBody.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + innerBody
                + "Content-Length: " + outerBody.length() + "\r\n\r\n" + outerBody;
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i + 3 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        throw new AssertionError("no header end after " + from);
    }
}
