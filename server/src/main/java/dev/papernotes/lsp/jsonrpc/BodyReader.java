package dev.papernotes.lsp.jsonrpc;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads one frame body of a declared length, trusting that length no further than the bytes
 * allow. It stops early where the JSON value provably ended (handing the rest back), never
 * allocates from the declared length, and stores at most {@code storeLimit} bytes, so a refused
 * oversized body streams past in constant memory.
 */
final class BodyReader {
    private static final int CHUNK = 8192;
    private final ByteSource src;
    private final byte[] chunk = new byte[CHUNK];

    BodyReader(ByteSource src) {
        this.src = src;
    }

    Body read(long declared, long storeLimit) throws IOException {
        JsonExtent extent = new JsonExtent();
        Store store = new Store((int) Math.min(storeLimit, Integer.MAX_VALUE - 8));
        long consumed = 0;
        // A byte order mark is not JSON, but it is plainly not the start of the next frame either:
        // step over it so the body is still delimited (and its id read) and say what was wrong.
        boolean bom = false;
        if (declared >= BOM.length && startsWithBom()) {
            bom = true;
            consumed = BOM.length;
        }
        while (consumed < declared) {
            int want = (int) Math.min(CHUNK, declared - consumed);
            // Once the value is complete, only look at bytes that have already arrived: the peer
            // may be waiting for our answer before it sends anything more.
            int n = extent.complete() ? src.readAvailable(chunk, 0, want) : src.read(chunk, 0, want);
            if (n <= 0) {
                Body.Status status = extent.complete() ? Body.Status.TOO_LONG : Body.Status.EOF;
                return store.body(consumed, status, bom);
            }
            for (int i = 0; i < n; i++) {
                if (extent.feed(chunk[i] & 0xff) == JsonExtent.Step.INVALID) {
                    store.add(chunk, i);
                    src.unread(chunk, i, n - i);
                    Body.Status status = extent.complete() ? Body.Status.TOO_LONG : Body.Status.NOT_JSON;
                    return store.body(consumed + i, status, bom);
                }
            }
            store.add(chunk, n);
            consumed += n;
        }
        return store.body(consumed, extent.complete() ? Body.Status.COMPLETE : Body.Status.TOO_SHORT, bom);
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Reads the next three bytes if they are a BOM; otherwise gives back what it read. */
    private boolean startsWithBom() throws IOException {
        byte[] head = new byte[BOM.length];
        int n = 0;
        while (n < BOM.length) {
            int b = src.read();
            if (b < 0) {
                break;
            }
            head[n++] = (byte) b;
            if (head[n - 1] != BOM[n - 1]) {
                break;
            }
        }
        if (n == BOM.length && head[2] == BOM[2]) {
            return true;
        }
        src.unread(head, 0, n);
        return false;
    }

    /** A byte buffer that grows as data arrives, up to a cap; bytes past the cap are dropped. */
    private static final class Store {
        private final int cap;
        private byte[] data;
        private int size;

        Store(int cap) {
            this.cap = cap;
            this.data = new byte[Math.min(cap, CHUNK)];
        }

        void add(byte[] b, int len) {
            int take = Math.min(len, cap - size);
            if (take <= 0) {
                return;
            }
            if (size + take > data.length) {
                long grown = Math.max((long) data.length * 2, size + take);
                data = Arrays.copyOf(data, (int) Math.min(grown, cap));
            }
            System.arraycopy(b, 0, data, size, take);
            size += take;
        }

        Body body(long consumed, Body.Status status, boolean bom) {
            return new Body(data, size, consumed, status, bom);
        }
    }
}
