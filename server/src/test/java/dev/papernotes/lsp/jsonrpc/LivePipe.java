package dev.papernotes.lsp.jsonrpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Both ends of a live connection for tests: an input the test feeds while the server reads (it
 * blocks like a pipe until bytes or close arrive), and an output the test can wait on.
 */
final class LivePipe {
    final Input input = new Input();
    final Output output = new Output();

    static final class Input extends InputStream {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private byte[] chunk = new byte[0];
        private int pos;
        private boolean closed;

        synchronized void feed(byte[] bytes) {
            pending.writeBytes(bytes);
            notifyAll();
        }

        @Override
        public synchronized void close() {
            closed = true;
            notifyAll();
        }

        @Override
        public synchronized int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            while (pos == chunk.length && pending.size() == 0) {
                if (closed) {
                    return -1;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException();
                }
            }
            if (pos == chunk.length) {
                chunk = pending.toByteArray();
                pending.reset();
                pos = 0;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public synchronized int available() {
            return chunk.length - pos + pending.size();
        }
    }

    static final class Output extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        /** Waits until the output holds at least {@code n} complete frames, then returns them all. */
        synchronized Replies await(int n, long timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (true) {
                List<com.google.gson.JsonObject> frames = tryParse();
                if (frames != null && frames.size() >= n) {
                    return new Replies(frames);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + n + " replies, got " + frames);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        private List<com.google.gson.JsonObject> tryParse() {
            try {
                return Frames.parse(bytes.toByteArray());
            } catch (AssertionError partial) {
                return null; // A frame is still being written.
            }
        }
    }
}
