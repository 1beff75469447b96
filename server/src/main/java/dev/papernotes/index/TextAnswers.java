package dev.papernotes.index;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.ToLongFunction;

/**
 * Short text answers by text question, as bytes ({@link BytesRing}): which paper a completion
 * label leads to alone. Typing a name never typed before asks this for fifty new labels a keystroke.
 */
final class TextAnswers {
    /** 15,000–20,000 labels and ids: at 512 KB more labels were looked up again than the lookups cache had. */
    static final int DEFAULT_BYTES = 1 << 20;

    private final BytesRing ring;
    private final ToLongFunction<byte[]> hash;

    TextAnswers() {
        this(DEFAULT_BYTES, TextAnswers::fnv1a);
    }

    /** {@code hash} is a test's way to make questions collide. */
    TextAnswers(int capacity, ToLongFunction<byte[]> hash) {
        ring = new BytesRing(capacity);
        this.hash = hash;
    }

    /** The answer kept for {@code question}, or null. */
    synchronized String get(String question) {
        byte[] asked = question.getBytes(StandardCharsets.UTF_8);
        return ring.get(hash.applyAsLong(asked), (bytes, offset, length) -> {
            // Entry: the question's length (4 bytes), the question, the answer.
            int q = length < 4 ? -1 : ((bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16
                    | (bytes[offset + 2] & 0xFF) << 8 | (bytes[offset + 3] & 0xFF));
            if (q != asked.length || 4 + q > length
                    || !Arrays.equals(bytes, offset + 4, offset + 4 + q, asked, 0, asked.length)) {
                return null; // another question with the same hash
            }
            return new String(bytes, offset + 4 + q, length - 4 - q, StandardCharsets.UTF_8);
        });
    }

    synchronized void put(String question, String answer) {
        byte[] asked = question.getBytes(StandardCharsets.UTF_8);
        byte[] told = answer.getBytes(StandardCharsets.UTF_8);
        byte[] entry = new byte[4 + asked.length + told.length];
        entry[0] = (byte) (asked.length >>> 24);
        entry[1] = (byte) (asked.length >>> 16);
        entry[2] = (byte) (asked.length >>> 8);
        entry[3] = (byte) asked.length;
        System.arraycopy(asked, 0, entry, 4, asked.length);
        System.arraycopy(told, 0, entry, 4 + asked.length, told.length);
        ring.put(hash.applyAsLong(asked), entry, 0, entry.length);
    }

    /** 64-bit FNV-1a: collisions are told apart by the question kept in the entry. */
    static long fnv1a(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
