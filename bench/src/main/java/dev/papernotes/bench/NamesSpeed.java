package dev.papernotes.bench;

import dev.papernotes.corpus.DailyPapersReader;
import dev.papernotes.corpus.PaperKey;
import dev.papernotes.names.MethodNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The cost of method-name extraction alone: reads the distinct papers of the given corpus folders
 * into memory, then extracts the names of every paper, round after round, and prints the time a
 * paper took in each round and the median after warm-up. Not part of any test run.
 *
 * <pre>
 * java -cp bench/target/papernotes-bench.jar:server/target/papernotes.jar dev.papernotes.bench.NamesSpeed \
 *      --corpus corpus --corpus /tmp/corpus-100k [--warmup 3] [--rounds 7] [--threads 1]
 * </pre>
 */
public final class NamesSpeed {
    private NamesSpeed() {
    }

    record Paper(String title, String abstractText) {
    }

    public static void main(String[] args) throws Exception {
        List<Path> corpora = new ArrayList<>();
        int warmup = 3;
        int rounds = 7;
        int threads = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpora.add(Path.of(args[++i]));
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: NamesSpeed --corpus DIR... [--warmup N] [--rounds N] [--threads T]");
                    System.exit(2);
                }
            }
        }
        if (corpora.isEmpty()) {
            corpora.add(Path.of("corpus"));
        }
        for (Path corpus : corpora) {
            List<Paper> papers = read(corpus);
            // a small corpus gets more rounds: JIT warm-up wants about 100k extractions
            int w = Math.max(warmup, (int) Math.ceil(100_000.0 / Math.max(1, papers.size())));
            int n = Math.max(rounds, (int) Math.ceil(50_000.0 / Math.max(1, papers.size())));
            System.out.printf("%s: %,d distinct papers, %d thread(s), %d warm-up rounds, %d rounds%n", corpus,
                    papers.size(), threads, w, n);
            measure(papers, threads, w, n, corpus);
        }
    }

    private static void measure(List<Paper> papers, int threads, int warmup, int rounds, Path corpus)
            throws Exception {
        {
            double[] perPaper = new double[rounds];
            double[] cpuPerPaper = new double[rounds];
            long names = 0;
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int r = -warmup; r < rounds; r++) {
                long t0 = System.nanoTime();
                long c0 = mx.getCurrentThreadCpuTime();
                long n = run(papers, threads);
                double us = (System.nanoTime() - t0) / 1e3 / papers.size();
                if (r >= 0) {
                    perPaper[r] = us;
                    // CPU time of this thread: less disturbed by other jobs on a shared machine (one thread only)
                    cpuPerPaper[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / papers.size();
                    names = n;
                }
                if (papers.size() >= 10_000) {
                    System.out.printf("  %s %d: %.1f µs/paper%n", r < 0 ? "warm-up" : "round", Math.abs(r), us);
                }
            }
            Arrays.sort(perPaper);
            Arrays.sort(cpuPerPaper);
            System.out.printf("%s: median %.1f µs/paper (min %.1f, max %.1f), %,d names%n", corpus,
                    perPaper[rounds / 2], perPaper[0], perPaper[rounds - 1], names);
            if (threads <= 1) {
                System.out.printf("%s: thread CPU median %.1f µs/paper (min %.1f)%n", corpus, cpuPerPaper[rounds / 2],
                        cpuPerPaper[0]);
            }
        }
    }

    /** Extracts every paper's names; returns how many names, so that nothing is optimised away. */
    private static long run(List<Paper> papers, int threads) throws Exception {
        if (threads <= 1) {
            return extract(papers, 0, papers.size());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            int chunk = (papers.size() + threads - 1) / threads;
            for (int from = 0; from < papers.size(); from += chunk) {
                int a = from;
                int b = Math.min(papers.size(), from + chunk);
                parts.add(pool.submit(() -> extract(papers, a, b)));
            }
            long n = 0;
            for (Future<Long> f : parts) {
                n += f.get();
            }
            return n;
        } finally {
            pool.shutdown();
        }
    }

    private static long extract(List<Paper> papers, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            Paper p = papers.get(i);
            n += MethodNames.extract(p.title(), p.abstractText()).size();
        }
        return n;
    }

    /** The distinct papers of a corpus folder (one entry a paper, its longest abstract). */
    static List<Paper> read(Path corpus) throws IOException {
        Map<String, Paper> byId = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                DailyPapersReader.read(f, e -> byId.merge(PaperKey.idOf(e.title()),
                        new Paper(e.title(), e.abstractText()),
                        (a, b) -> a.abstractText().length() >= b.abstractText().length() ? a : b), w -> {
                        });
            }
        }
        return new ArrayList<>(byId.values());
    }
}
