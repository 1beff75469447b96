package dev.papernotes.lsp.jsonrpc;

import static dev.papernotes.lsp.jsonrpc.Frames.concat;
import static dev.papernotes.lsp.jsonrpc.Frames.echo;
import static dev.papernotes.lsp.jsonrpc.Frames.frame;
import static dev.papernotes.lsp.jsonrpc.Frames.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Seeded random damage to a valid transcript — truncation, inserted garbage, wrong lengths,
 * deleted and repeated ranges — must never hang the producer or throw out of it, must never
 * write to System.out, and a well-formed request after a clean separator must still be answered.
 */
@Timeout(600)
class SafeMessageProducerFuzzTest {
    // Raise with -Dfuzz.cases=N for a longer hunt; the seed of any failure is in the message.
    private static final int CASES = Integer.getInteger("fuzz.cases", 800);
    private static final long SEED = 0x5eed_f00dL;
    private static final String FINAL_ID = "final-request";
    // Held strongly: java.util.logging forgets the level of a logger nobody references.
    private static final Logger OURS = Logger.getLogger("dev.papernotes.lsp.jsonrpc");
    private static final Logger LSP4J = Logger.getLogger("org.eclipse.lsp4j");

    @BeforeAll
    static void quiet() {
        // Thousands of expected warnings would only bury real failures.
        OURS.setLevel(Level.OFF);
        LSP4J.setLevel(Level.OFF);
    }

    @AfterAll
    static void loud() {
        OURS.setLevel(null);
        LSP4J.setLevel(null);
    }

    @Test
    void randomDamageNeverHangsThrowsOrLosesTheFinalRequest() {
        byte[] base = baseTranscript();
        byte[] tail = concat("\r\n\r\n", frame(echo(FINAL_ID, "still here")));
        PrintStream realOut = System.out;
        ByteArrayOutputStream strayStdout = new ByteArrayOutputStream();
        System.setOut(new PrintStream(strayStdout, true, StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < CASES; i++) {
                long seed = SEED + i;
                byte[] damaged = mutate(base, new Random(seed));
                byte[] transcript = concat(damaged, tail);
                Replies replies = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> runProducer(transcript),
                        () -> "hung on seed " + seed);
                try {
                    replies.echoed(FINAL_ID, "still here");
                } catch (AssertionError e) {
                    throw new AssertionError("seed " + seed + ": " + abbreviate(e.getMessage())
                            + "\ntranscript: " + abbreviate(new String(damaged, StandardCharsets.ISO_8859_1)), e);
                }
            }
        } finally {
            System.setOut(realOut);
        }
        assertEquals(0, strayStdout.size(), "nothing may be written to System.out");
    }

    @Test
    void garbageBetweenFramesCostsNoMessage() {
        List<byte[]> frames = baseFrames();
        for (int i = 0; i < CASES; i++) {
            long seed = SEED - i;
            Random random = new Random(seed);
            List<Object> parts = new ArrayList<>();
            for (byte[] frame : frames) {
                if (random.nextInt(3) == 0) {
                    parts.add(boundaryGarbage(random));
                }
                parts.add(frame);
            }
            byte[] transcript = concat(parts.toArray());
            Replies replies = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> runProducer(transcript),
                    () -> "hung on seed " + seed);
            try {
                replies.result(1).echoed(2, "plain").result(3).echoed(4, "with type").result(5)
                        .error(6, ResponseErrorCode.InvalidRequest.getValue()).result(7);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + abbreviate(e.getMessage())
                        + "\ntranscript: " + abbreviate(new String(transcript, StandardCharsets.ISO_8859_1)), e);
            }
        }
    }

    private static final String[] BOUNDARY_FRAGMENTS = {"\r\n", "\n", "{", "}", "\"", "\\", "[", "]", ":", ",",
        "{\"jsonrpc\":\"2.0\",\"id\":\"g", "Content-", "content-len", "C", "\u00ff\u00fe"};

    /**
     * Anything but an unfinished header, which would legitimately merge with the next frame's.
     * (Garbage that happens to be a whole {"jsonrpc":"2.0","id":"g..."} object is answered as a
     * request that lost its header; its string id cannot collide with the frames' numeric ids.)
     */
    private static byte[] boundaryGarbage(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int parts = 1 + random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            if (random.nextBoolean()) {
                out.writeBytes(utf8(BOUNDARY_FRAGMENTS[random.nextInt(BOUNDARY_FRAGMENTS.length)]));
            } else {
                byte[] noise = new byte[1 + random.nextInt(20)];
                random.nextBytes(noise);
                out.writeBytes(noise);
            }
        }
        return out.toByteArray();
    }

    /** Wires the producer as LspLauncher does, but listens on this thread so any exception fails the test. */
    private static Replies runProducer(byte[] transcript) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EchoServer server = new EchoServer();
        var methods = new java.util.LinkedHashMap<>(ServiceEndpoints.getSupportedMethods(LanguageClient.class));
        methods.putAll(ServiceEndpoints.getSupportedMethods(EchoServer.class));
        MessageJsonHandler json = new MessageJsonHandler(methods);
        RemoteEndpoint endpoint = new RemoteEndpoint(new StreamMessageConsumer(out, json), ServiceEndpoints.toEndpoint(server));
        json.setMethodProvider(endpoint);
        endpoint.setJsonHandler(json);
        new SafeMessageProducer(new ByteArrayInputStream(transcript), json, endpoint, 4096).listen(endpoint);
        return new Replies(Frames.parse(out.toByteArray()));
    }

    private static byte[] baseTranscript() {
        return concat(baseFrames().toArray());
    }

    private static List<byte[]> baseFrames() {
        List<byte[]> parts = new ArrayList<>();
        parts.add(frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}"));
        parts.add(frame("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}"));
        parts.add(frame(echo(2, "plain")));
        parts.add(frame(echo(3, "Grüße — 日本語 \\\"quoted\\\" \\\\ back\\nslash")));
        parts.add(frame("{\"jsonrpc\":\"2.0\",\"method\":\"test/note\",\"params\":{\"n\":[1,-2.5e3,true,false,null]}}"));
        String type = "Content-Type: application/vscode-jsonrpc; charset=utf-8";
        String json = echo(4, "with type");
        parts.add(frame(json, type, "Content-Length: " + utf8(json).length));
        parts.add(frame(echo(5, "x".repeat(3000))));
        parts.add(frame(echo(6, "y".repeat(6000))));
        parts.add(frame("{\"jsonrpc\":\"2.0\",\"id\":\"srv-1\",\"result\":{\"ok\":true}}"));
        parts.add(frame("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"shutdown\"}"));
        return parts;
    }

    private static byte[] mutate(byte[] base, Random random) {
        byte[] bytes = base;
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            switch (random.nextInt(6)) {
                case 0 -> bytes = slice(bytes, 0, random.nextInt(bytes.length + 1));
                case 1 -> bytes = insert(bytes, random.nextInt(bytes.length + 1), garbage(random));
                case 2 -> bytes = relength(bytes, random);
                case 3 -> {
                    int from = random.nextInt(bytes.length + 1);
                    int to = Math.min(bytes.length, from + random.nextInt(64));
                    bytes = concat(slice(bytes, 0, from), slice(bytes, to, bytes.length));
                }
                case 4 -> {
                    int from = random.nextInt(bytes.length + 1);
                    int to = Math.min(bytes.length, from + random.nextInt(200));
                    bytes = insert(bytes, to, slice(bytes, from, to));
                }
                default -> {
                    if (bytes.length > 0) {
                        bytes = bytes.clone();
                        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                    }
                }
            }
        }
        return bytes;
    }

    private static final String[] FRAGMENTS = {"Content-Length: ", "Content-Length: 12\r\n\r\n", "content-type: x\r\n",
        "\r\n", "\n", "{", "}", "\"", "\\", "[", "]", ":", ",", "{\"jsonrpc\":\"2.0\",\"id\":", "Content-", "C"};

    private static byte[] garbage(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int parts = 1 + random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            if (random.nextBoolean()) {
                out.writeBytes(utf8(FRAGMENTS[random.nextInt(FRAGMENTS.length)]));
            } else {
                byte[] noise = new byte[1 + random.nextInt(20)];
                random.nextBytes(noise);
                out.writeBytes(noise);
            }
        }
        return out.toByteArray();
    }

    /** Rewrites one Content-Length value: off by a little, zero, negative, huge or not a number. */
    private static byte[] relength(byte[] bytes, Random random) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<Integer> starts = new ArrayList<>();
        for (int i = text.indexOf("Content-Length: "); i >= 0; i = text.indexOf("Content-Length: ", i + 1)) {
            starts.add(i + "Content-Length: ".length());
        }
        if (starts.isEmpty()) {
            return bytes;
        }
        int at = starts.get(random.nextInt(starts.size()));
        int end = at;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        long old = end > at && end - at < 10 ? Long.parseLong(text.substring(at, end)) : 0;
        String value = switch (random.nextInt(6)) {
            case 0 -> String.valueOf(Math.max(0, old + random.nextInt(41) - 20));
            case 1 -> "0";
            case 2 -> "-" + old;
            case 3 -> "2147483648";
            case 4 -> "99999999999999999999";
            default -> "abc";
        };
        return concat(slice(bytes, 0, at), value, slice(bytes, end, bytes.length));
    }

    private static String abbreviate(String s) {
        String escaped = s.replace("\r", "\\r").replace("\n", "\\n");
        return escaped.length() > 4000 ? escaped.substring(0, 4000) + "..." : escaped;
    }

    private static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] insert(byte[] bytes, int at, byte[] extra) {
        return concat(slice(bytes, 0, at), extra, slice(bytes, at, bytes.length));
    }
}
