package dev.papernotes.bench;

import java.util.Arrays;

/** A growable int array. */
final class IntBuf {
    private int[] values = new int[64];
    private int size;

    int size() {
        return size;
    }

    int get(int i) {
        return values[i];
    }

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    void clear() {
        size = 0;
    }

    boolean contains(int v) {
        for (int i = 0; i < size; i++) {
            if (values[i] == v) {
                return true;
            }
        }
        return false;
    }
}
