package dev.papernotes.index;

/**
 * An open-addressing map from 64-bit hashes to ints (counts, or small numbers plus one: 0 means
 * absent). A full build of a million papers needs to remember which identities and citekeys it has
 * seen; boxed HashMaps of that size would dominate the heap. Filled to three quarters at most.
 */
final class LongIntTable {
    private long[] keys;
    private int[] values;
    private boolean hasZero;
    private int zeroValue;
    private int size;

    LongIntTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
    }

    /** Adds one to the count of {@code key} and returns the new count. */
    int increment(long key) {
        if (key == 0) {
            if (!hasZero) {
                hasZero = true;
                size++;
            }
            return ++zeroValue;
        }
        int slot = find(key);
        if (keys[slot] == 0) {
            keys[slot] = key;
            size++;
            values[slot] = 1;
            if (size * 4 > keys.length * 3) {
                grow();
            }
            return 1;
        }
        return ++values[slot];
    }

    /** Sets the value of {@code key}; a value of 0 reads as absent. */
    void put(long key, int value) {
        if (key == 0) {
            if (!hasZero) {
                hasZero = true;
                size++;
            }
            zeroValue = value;
            return;
        }
        int slot = find(key);
        if (keys[slot] == 0) {
            keys[slot] = key;
            values[slot] = value;
            size++;
            if (size * 4 > keys.length * 3) {
                grow();
            }
            return;
        }
        values[slot] = value;
    }

    /** Sets {@code value} unless {@code key} has a non-zero value; returns the value it now has. */
    int putIfAbsent(long key, int value) {
        int old = get(key);
        if (old != 0) {
            return old;
        }
        put(key, value);
        return value;
    }

    int get(long key) {
        if (key == 0) {
            return zeroValue;
        }
        int slot = find(key);
        return keys[slot] == 0 ? 0 : values[slot];
    }

    int size() {
        return size;
    }

    /** Calls {@code action} with every key held (0 too, when it has a value). */
    void forEachKey(java.util.function.LongConsumer action) {
        if (hasZero) {
            action.accept(0);
        }
        for (long k : keys) {
            if (k != 0) {
                action.accept(k);
            }
        }
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int slot = (int) mix(key) & mask;
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** A 64-bit hash of a string, for keys that are strings. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }
}
