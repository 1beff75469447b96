package dev.papernotes;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged server in its own process, spoken to in raw bytes on its stdin and read back frame
 * by frame from its stdout. Anything on stdout that is not a well-formed frame fails the test.
 */
public final class RawServer implements AutoCloseable {
    public final Process process;
    private final OutputStream in;
    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final List<JsonObject> seen = new ArrayList<>();
    private volatile Throwable readerFailure;

    public RawServer(Path cwd, Path cache, String... jvmArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-jar");
        cmd.add(JarProcess.jar().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile())
                .redirectError(cwd.resolve("server-stderr.log").toFile());
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        process = pb.start();
        in = process.getOutputStream();
        Thread reader = new Thread(() -> read(process.getInputStream()), "raw-server-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(InputStream out) {
        try {
            while (true) {
                int length = -1;
                StringBuilder line = new StringBuilder();
                while (true) {
                    int b = out.read();
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
                        } else if (!header.toLowerCase().startsWith("content-type:")) {
                            throw new IllegalStateException("not a header on stdout: " + header);
                        }
                    } else {
                        line.append((char) b);
                    }
                }
                if (length < 0) {
                    throw new IllegalStateException("frame without Content-Length on stdout");
                }
                byte[] body = out.readNBytes(length);
                received.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
            }
        } catch (Throwable t) {
            readerFailure = t;
        }
    }

    public void send(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        sendRaw(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        sendRaw(body);
    }

    public void sendRaw(byte[] bytes) throws IOException {
        in.write(bytes);
        in.flush();
    }

    public void closeStdin() throws IOException {
        in.close();
    }

    /** The next message the predicate accepts; messages it skips are kept in {@link #seen()}. */
    public JsonObject await(Predicate<JsonObject> wanted, long seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (readerFailure != null) {
                throw new AssertionError("stdout carried something other than protocol", readerFailure);
            }
            JsonObject m = received.poll(50, TimeUnit.MILLISECONDS);
            if (m == null) {
                continue;
            }
            seen.add(m);
            if (wanted.test(m)) {
                return m;
            }
        }
        throw new AssertionError("no such message within " + seconds + " s; saw " + seen);
    }

    public JsonObject response(int id, long seconds) throws Exception {
        return await(m -> m.has("id") && !m.has("method") && m.get("id").isJsonPrimitive()
                && m.get("id").getAsInt() == id, seconds);
    }

    public List<JsonObject> seen() {
        return seen;
    }

    public static String request(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    public static String notification(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
