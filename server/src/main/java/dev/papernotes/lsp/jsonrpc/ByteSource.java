package dev.papernotes.lsp.jsonrpc;

import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered byte stream that can take bytes back. Resynchronising means reading a little too
 * far (a body that ends early, a header name that turns out not to be one) and then letting the
 * next stage see those bytes again, so every stage reads from here rather than from the stream.
 */
final class ByteSource {
    private static final byte[] NONE = new byte[0];

    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int limit;
    // Bytes handed back; they are read before anything else.
    private byte[] back = NONE;
    private int backPos;

    ByteSource(InputStream in) {
        this.in = in;
    }

    /** The next byte, or -1 at the end of the stream. Blocks until a byte is there. */
    int read() throws IOException {
        if (backPos < back.length) {
            return back[backPos++] & 0xff;
        }
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    /** Up to {@code len} bytes; blocks only until at least one is there. -1 at the end of the stream. */
    int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = takeBuffered(b, off, len);
        if (n > 0) {
            return n;
        }
        return fill() ? takeBuffered(b, off, len) : -1;
    }

    /**
     * Like {@link #read(byte[], int, int)} but never blocks: 0 when nothing has arrived yet (or the
     * stream has ended). Used to look past a finished JSON body without waiting for a peer that
     * may be waiting for our answer.
     */
    int readAvailable(byte[] b, int off, int len) throws IOException {
        int n = takeBuffered(b, off, len);
        if (n > 0 || len == 0) {
            return n;
        }
        if (in.available() <= 0 || !fill()) {
            return 0;
        }
        return takeBuffered(b, off, len);
    }

    /** Hands bytes back: the next reads return them first, in order. */
    void unread(byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        int rest = back.length - backPos;
        byte[] joined = new byte[len + rest];
        System.arraycopy(b, off, joined, 0, len);
        System.arraycopy(back, backPos, joined, len, rest);
        back = joined;
        backPos = 0;
    }

    private int takeBuffered(byte[] b, int off, int len) {
        if (backPos < back.length) {
            int n = Math.min(len, back.length - backPos);
            System.arraycopy(back, backPos, b, off, n);
            backPos += n;
            return n;
        }
        if (pos < limit) {
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }
        return 0;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
