package dev.papernotes.bench;

import java.util.List;

/**
 * A small, fast, fully specified random number generator (SplitMix64). The generator's output
 * must be byte-identical across JVMs and versions, so it does not use {@code java.util.Random}
 * streams whose algorithms a JDK may change. Not thread-safe; one per task.
 */
final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** Restarts this generator on {@code seed}, so a hot loop needs no new object. */
    Rng reset(long seed) {
        this.state = seed;
        return this;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seed for an independent stream named by {@code parts} (corpus seed, stream, index...). */
    static long streamSeed(long... parts) {
        long h = GOLDEN;
        for (long p : parts) {
            h = mix(h ^ mix(p + GOLDEN));
        }
        return h;
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)}; {@code bound > 0}. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in {@code [lo, hi]}. */
    int between(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    <T> T pick(List<T> list) {
        return list.get(nextInt(list.size()));
    }

    <T> T pick(T[] array) {
        return array[nextInt(array.length)];
    }

    /** An index drawn with the given (not necessarily normalized) weights. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
