package dev.papernotes.index;

/**
 * Entries of bytes by a long key, kept in one array: caches whose entries come and go with every
 * keystroke. Kept as objects, each keystroke's new entries outlived two young collections and were
 * copied until promoted (most of what a collection copied while typing at 1M papers:
 * bench/results/typing-1m.md); bytes in one array are nothing for the collector to copy.
 *
 * <p>The array is a ring: new entries are written at its head and overwrite the oldest. An entry
 * read in the older half is written again at the head, so what a note keeps asking for stays. The
 * key → place table is open-addressed over one array of longs. Not thread-safe: the caches lock around it.
 */
final class BytesRing {
    /** An entry longer than this is not kept. */
    static final int MAX_ENTRY = 1 << 16;
    private static final int INITIAL_BYTES = 64 << 10;

    /** Reads an entry where it is; may return null to say it is not the one asked for. */
    interface Reader<T> {
        T read(byte[] bytes, int offset, int length);
    }

    private final int capacity;
    private byte[] ring = new byte[0];
    /** Bytes ever written: an entry at absolute place p is in the ring while p >= written - ring.length. */
    private long written;
    /**
     * Per slot, side by side (one cache line per probe): the key, then 1 + the entry's absolute place
     * shifted left 16 bits or'ed with its length - 1, or 0 for a free slot.
     */
    private long[] table = new long[2 * 1024];
    private int used;

    BytesRing(int capacity) {
        if (capacity < MAX_ENTRY) {
            throw new IllegalArgumentException("capacity under one entry's bound: " + capacity);
        }
        this.capacity = capacity;
    }

    /** What {@code reader} makes of the entry of {@code key}, or null when there is none. */
    <T> T get(long key, Reader<T> reader) {
        int slot = find(key);
        if (slot < 0) {
            return null;
        }
        long place = (table[slot + 1] - 1) >>> 16;
        int length = (int) ((table[slot + 1] - 1) & 0xFFFF) + 1;
        if (!live(place)) {
            return null;
        }
        int at = (int) (place % ring.length);
        T value = reader.read(ring, at, length);
        if (value != null && place < written - ring.length / 2 && ring.length == capacity) {
            // Asked again and half-way to being overwritten: write it again at the head.
            table[slot + 1] = append(ring, at, length);
        }
        return value;
    }

    /**
     * Keeps {@code length} bytes of {@code bytes} for {@code key}; nothing when they are too long (an
     * entry kept before stays: what these caches keep for a key does not change, they live as long as
     * one index snapshot).
     */
    void put(long key, byte[] bytes, int offset, int length) {
        if (length == 0 || length > MAX_ENTRY) {
            return;
        }
        long entry = append(bytes, offset, length);
        int slot = find(key);
        if (slot >= 0) {
            table[slot + 1] = entry;
            return;
        }
        if ((used + 1) * 4 > table.length) {
            rehash();
        }
        slot = freeSlot(key);
        table[slot] = key;
        table[slot + 1] = entry;
        used++;
    }

    /** Copies {@code length} bytes to the ring's head; returns the table's value for them. */
    private long append(byte[] from, int offset, int length) {
        if (written + length > ring.length && ring.length < capacity) {
            // Until the ring is full size nothing has wrapped: places stay where they are when it grows.
            byte[] grown = new byte[(int) Math.min(capacity, Math.max(INITIAL_BYTES,
                    Math.max((long) ring.length * 2, written + length)))];
            System.arraycopy(ring, 0, grown, 0, (int) written);
            ring = grown;
        }
        int at = (int) (written % ring.length);
        if (at + length > ring.length) {
            // An entry never wraps: the ring's tail is left unused and the entry starts over at 0.
            written += ring.length - at;
            at = 0;
        }
        // from may be the ring itself (an entry written again): arraycopy copies overlapping ranges right.
        System.arraycopy(from, offset, ring, at, length);
        long place = written;
        written += length;
        return (place << 16 | (length - 1)) + 1;
    }

    private boolean live(long place) {
        return place >= written - ring.length;
    }

    /** The index in {@link #table} of {@code key}'s slot, or -1. */
    private int find(long key) {
        int mask = table.length / 2 - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            int slot = 2 * i;
            if (table[slot + 1] == 0) {
                return -1;
            }
            if (table[slot] == key) {
                return slot;
            }
        }
    }

    private int freeSlot(long key) {
        int mask = table.length / 2 - 1;
        int i = mix(key) & mask;
        while (table[2 * i + 1] != 0) {
            i = (i + 1) & mask;
        }
        return 2 * i;
    }

    /** Drops the entries the ring has overwritten; doubles the table while a quarter of it would be live. */
    private void rehash() {
        long[] old = table;
        int live = 0;
        for (int slot = 0; slot < old.length; slot += 2) {
            if (old[slot + 1] != 0 && live((old[slot + 1] - 1) >>> 16)) {
                live++;
            }
        }
        int slots = old.length / 2;
        while ((live + 1) * 4 > slots) {
            slots *= 2;
        }
        table = new long[2 * slots];
        used = 0;
        for (int slot = 0; slot < old.length; slot += 2) {
            if (old[slot + 1] != 0 && live((old[slot + 1] - 1) >>> 16)) {
                int to = freeSlot(old[slot]);
                table[to] = old[slot];
                table[to + 1] = old[slot + 1];
                used++;
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
