package dev.papernotes.lsp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long requests take inside the server, per method: the last few thousand durations each,
 * summarized as percentiles by the {@code papernotes.stats} command. Benchmarks compare these
 * with what a client sees over stdio to show the protocol's share.
 */
final class Latencies {
    private static final int KEPT = 4096;
    private final Map<String, Ring> byMethod = new ConcurrentHashMap<>();

    private static final class Ring {
        final long[] nanos = new long[KEPT];
        long count;

        synchronized void add(long n) {
            nanos[(int) (count++ % KEPT)] = n;
        }

        synchronized long[] snapshot() {
            return Arrays.copyOf(nanos, (int) Math.min(count, KEPT));
        }
    }

    void record(String method, long nanos) {
        byMethod.computeIfAbsent(method, m -> new Ring()).add(nanos);
    }

    /** {@code method -> {count, p50, p95, p99, max}} in milliseconds. */
    Map<String, Map<String, Object>> summary() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (var e : new java.util.TreeMap<>(byMethod).entrySet()) {
            long[] s = e.getValue().snapshot();
            Arrays.sort(s);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", e.getValue().count);
            m.put("p50", ms(s, 0.50));
            m.put("p95", ms(s, 0.95));
            m.put("p99", ms(s, 0.99));
            m.put("max", s.length == 0 ? 0 : s[s.length - 1] / 1e6);
            out.put(e.getKey(), m);
        }
        return out;
    }

    void clear() {
        byMethod.clear();
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
