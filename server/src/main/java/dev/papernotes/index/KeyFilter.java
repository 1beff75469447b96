package dev.papernotes.index;

/**
 * A Bloom filter of 64-bit key hashes with a fixed number of bits: whether a key may have been
 * added (false positives at a rate that rises with the keys added; never a false negative). A
 * full build keeps the identity keys of papers it wrote long ago here instead of in an exact
 * table, so its memory does not grow with the corpus; a hit only sends the entry to the merge
 * that reads the index, where a false one costs a lookup and nothing else.
 */
final class KeyFilter {
    private static final int HASHES = 4;
    private final long[] bits;
    private final long mask;
    private long added;

    /** A filter of {@code 2^log2Bits} bits. */
    KeyFilter(int log2Bits) {
        if (log2Bits < 6 || log2Bits > 36) {
            throw new IllegalArgumentException("log2Bits out of range: " + log2Bits);
        }
        bits = new long[(int) (1L << (log2Bits - 6))];
        mask = (1L << log2Bits) - 1;
    }

    /** A filter of about {@code bytes} bytes (a power of two, at least 64 bytes). */
    static KeyFilter ofBytes(long bytes) {
        int log2 = 63 - Long.numberOfLeadingZeros(Math.max(64, bytes) * 8);
        return new KeyFilter(Math.min(log2, 34));
    }

    void add(long key) {
        if (key == 0) {
            return;
        }
        long h1 = key;
        long h2 = Long.rotateLeft(key * 0x9e3779b97f4a7c15L, 31) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            bits[(int) (bit >>> 6)] |= 1L << bit;
        }
        added++;
    }

    boolean mightContain(long key) {
        if (key == 0) {
            return false;
        }
        long h1 = key;
        long h2 = Long.rotateLeft(key * 0x9e3779b97f4a7c15L, 31) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    long added() {
        return added;
    }

    long bytes() {
        return bits.length * 8L;
    }
}
