package dev.papernotes.lsp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long requests take inside the server, per method: the last few thousand durations each,
 * wall and CPU time, summarized as percentiles by the {@code papernotes.stats} command. Benchmarks
 * compare these with what a client sees over stdio to show the protocol's share, and wall with
 * CPU time to tell work from waiting for a core.
 */
final class Latencies {
    private static final int KEPT = 4096;
    private final Map<String, Ring> byMethod = new ConcurrentHashMap<>();

    private static final class Ring {
        final long[] nanos = new long[KEPT];
        final long[] cpu = new long[KEPT];
        long count;

        synchronized void add(long n, long c) {
            int i = (int) (count++ % KEPT);
            nanos[i] = n;
            cpu[i] = c;
        }

        synchronized long[] snapshot() {
            return Arrays.copyOf(nanos, (int) Math.min(count, KEPT));
        }

        synchronized long[] cpuSnapshot() {
            return Arrays.copyOf(cpu, (int) Math.min(count, KEPT));
        }
    }

    /** Loaded on first use (the session warms it off the start path): it brings in a few JMX classes. */
    private static final class CpuTimer {
        static final java.lang.management.ThreadMXBean THREADS = timer();

        private static java.lang.management.ThreadMXBean timer() {
            java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
            return t.isCurrentThreadCpuTimeSupported() ? t : null;
        }
    }

    /** CPU time of the calling thread in nanoseconds, or -1 where the JVM cannot tell. */
    static long threadCpuNanos() {
        return CpuTimer.THREADS == null ? -1 : CpuTimer.THREADS.getCurrentThreadCpuTime();
    }

    void record(String method, long nanos) {
        record(method, nanos, -1);
    }

    /**
     * @param cpuNanos the CPU time the handling thread spent, or -1: next to the wall time it tells
     *                 work from waiting for a core on a busy machine
     */
    void record(String method, long nanos, long cpuNanos) {
        byMethod.computeIfAbsent(method, m -> new Ring()).add(nanos, cpuNanos);
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
            long[] c = e.getValue().cpuSnapshot();
            Arrays.sort(c);
            if (c.length > 0 && c[0] >= 0) {
                m.put("cpuP50", ms(c, 0.50));
                m.put("cpuP95", ms(c, 0.95));
                m.put("cpuP99", ms(c, 0.99));
            }
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
