package dev.papernotes.lsp.jsonrpc;

import java.io.Writer;
import java.util.Arrays;

/**
 * A writer that encodes what it is given as UTF-8 into a byte array it keeps, after room left at the
 * front for a header: a message is then written out in one piece without the string and byte copies
 * of writing it to a {@link java.io.StringWriter} first. Encodes as {@code String.getBytes(UTF_8)}
 * does, a surrogate without its pair (even split across two writes) becoming {@code '?'}. One thread
 * at a time.
 */
final class Utf8Buffer extends Writer {
    private byte[] bytes;
    private final int front;
    private int size;
    /** A high surrogate whose low half has not been written yet, or 0. */
    private char pending;

    Utf8Buffer(int front, int capacity) {
        this.front = front;
        this.bytes = new byte[front + capacity];
        this.size = front;
    }

    /** Empties the buffer, keeping its array. */
    void reset() {
        size = front;
        pending = 0;
    }

    /** The array: the room in front, then {@link #length()} bytes written. */
    byte[] array() {
        return bytes;
    }

    /** Bytes written since the last reset (a surrogate still waiting for its pair counts once flushed). */
    int length() {
        return size - front;
    }

    int capacity() {
        return bytes.length;
    }

    @Override
    public void write(int c) {
        put((char) c);
    }

    @Override
    public void write(char[] chars, int off, int len) {
        ensure(len * 3 + 4);
        for (int i = off, end = off + len; i < end; i++) {
            put(chars[i]);
        }
    }

    @Override
    public void write(String s, int off, int len) {
        ensure(len * 3 + 4);
        for (int i = off, end = off + len; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && pending == 0) {
                bytes[size++] = (byte) c; // the common case, without the branches below
            } else {
                put(c);
            }
        }
    }

    private void put(char c) {
        ensure(4);
        if (pending != 0) {
            char high = pending;
            pending = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(high, c);
                bytes[size++] = (byte) (0xF0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
                return;
            }
            bytes[size++] = '?';
        }
        if (c < 0x80) {
            bytes[size++] = (byte) c;
        } else if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | c >> 6);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            pending = c;
        } else if (Character.isLowSurrogate(c)) {
            bytes[size++] = '?';
        } else {
            bytes[size++] = (byte) (0xE0 | c >> 12);
            bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** A high surrogate left at the end has no pair: it is written as {@code '?'}. */
    @Override
    public void flush() {
        if (pending != 0) {
            pending = 0;
            ensure(1);
            bytes[size++] = '?';
        }
    }

    @Override
    public void close() {
        flush();
    }
}
