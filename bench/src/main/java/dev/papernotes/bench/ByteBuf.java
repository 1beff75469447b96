package dev.papernotes.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array: pages are assembled as bytes, never as one big String. */
final class ByteBuf {
    private byte[] bytes;
    private int length;

    ByteBuf(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int length() {
        return length;
    }

    void setLength(int newLength) {
        if (newLength > length) {
            throw new IllegalArgumentException("can only shrink");
        }
        length = newLength;
    }

    void clear() {
        length = 0;
    }

    byte get(int i) {
        return bytes[i];
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }

    ByteBuf append(byte b) {
        ensure(1);
        bytes[length++] = b;
        return this;
    }

    ByteBuf append(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
        return this;
    }

    ByteBuf append(ByteBuf other) {
        ensure(other.length);
        System.arraycopy(other.bytes, 0, bytes, length, other.length);
        length += other.length;
        return this;
    }

    ByteBuf append(ByteBuf other, int from, int to) {
        ensure(to - from);
        System.arraycopy(other.bytes, from, bytes, length, to - from);
        length += to - from;
        return this;
    }

    /** Appends {@code s} as UTF-8 (ASCII fast path). */
    ByteBuf append(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return append(s.substring(i).getBytes(StandardCharsets.UTF_8));
            }
            bytes[length++] = (byte) c;
        }
        return this;
    }

    /** Inserts {@code b} at {@code at}, shifting the rest. */
    void insert(int at, byte[] b) {
        ensure(b.length);
        System.arraycopy(bytes, at, bytes, at + b.length, length - at);
        System.arraycopy(b, 0, bytes, at, b.length);
        length += b.length;
    }

    /** Removes {@code [from, to)}. */
    void remove(int from, int to) {
        System.arraycopy(bytes, to, bytes, from, length - to);
        length -= to - from;
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, length);
    }

    byte[] array() {
        return bytes;
    }

    String toUtf8() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    String toUtf8(int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
}
