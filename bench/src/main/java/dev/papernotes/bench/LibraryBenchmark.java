package dev.papernotes.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;

/**
 * The library benchmark: for a generated Better BibTeX-shaped {@code .bib} and a generated arXiv
 * JSON Lines file, the index build by the command line (wall time and peak RSS, by
 * {@code /usr/bin/time -v}), then the live reload in a running server: the time from the last
 * write of a changed file to the first completion answer that has the change, for an entry edited
 * in place, an entry added at the top (every line after it moves) or at the end, with the server's
 * own reload time and its peak RSS ({@code VmHWM}). Not a test: timings depend on the machine.
 *
 * <pre>
 * java -cp papernotes-bench.jar:papernotes.jar dev.papernotes.bench.LibraryBenchmark --jar papernotes.jar
 *      [--work DIR] [--out DIR] [--bib 40000] [--jsonl 1000000] [--small 400] [--heap 256m] [--repeats 3]
 * </pre>
 */
public final class LibraryBenchmark {
    private LibraryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("--work", System.getProperty("user.home") + "/.cache/papernotes-bench/library");
        o.put("--out", "bench/results");
        o.put("--bib", "40000");
        o.put("--jsonl", "1000000");
        o.put("--small", "400");
        o.put("--heap", "256m");
        o.put("--repeats", "3");
        for (int i = 0; i < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        Path jar = Path.of(o.get("--jar")).toAbsolutePath();
        Path work = Files.createDirectories(Path.of(o.get("--work")));
        Path out = Files.createDirectories(Path.of(o.get("--out")));
        String heap = o.get("--heap");
        int repeats = Integer.parseInt(o.get("--repeats"));
        JsonArray results = new JsonArray();
        StringBuilder md = new StringBuilder();
        md.append("| library | entries | build s (CPU s) | build peak RSS MB | reload scenario | "
                + "write → answer ms (median of ").append(repeats).append(") | server reload ms (CPU ms) | papers written | "
                + "server peak RSS MB |\n|---|---|---|---|---|---|---|---|---|\n");
        for (String kind : List.of("small", "bib", "jsonl")) {
            long n = Long.parseLong(o.get("--" + kind));
            if (n <= 0) {
                continue;
            }
            boolean bib = !kind.equals("jsonl");
            Path file = work.resolve(kind + "-" + n + (bib ? ".bib" : ".jsonl"));
            Path lib = Files.createDirectories(work.resolve("lib-" + kind + "-" + n));
            Path corpusFile = lib.resolve(file.getFileName());
            if (!Files.exists(file)) {
                LibraryGenerator g = new LibraryGenerator(1);
                if (bib) {
                    g.writeBib(n, file);
                } else {
                    g.writeJsonl(n, file);
                }
            }
            boolean reuse = Boolean.parseBoolean(o.getOrDefault("--reuse-index", "false"));
            if (!reuse || !Files.exists(corpusFile)) {
                Files.copy(file, corpusFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Path index = work.resolve("index-" + kind + "-" + n);
            JsonObject build;
            if (reuse && Files.isDirectory(index)) {
                build = null; // measured before; only the reloads now
            } else {
                Benchmark.deleteTree(index);
                System.err.printf("%s: building the index of %s%n", kind, corpusFile);
                build = cliBuild(jar, heap, corpusFile, index);
            }
            System.err.println("  " + (build == null ? "(index reused)" : build));
            if (build == null) {
                build = new JsonObject();
                build.addProperty("seconds", Double.NaN);
                build.addProperty("peakRssMb", Double.NaN);
            }
            JsonObject r = new JsonObject();
            r.addProperty("library", kind);
            r.addProperty("entries", n);
            r.addProperty("bytes", Files.size(corpusFile));
            r.add("build", build);
            JsonArray reloads = reloads(jar, heap, work, corpusFile, index, bib, repeats);
            r.add("reloads", reloads);
            results.add(r);
            for (int i = 0; i < reloads.size(); i++) {
                JsonObject x = reloads.get(i).getAsJsonObject();
                md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %.0f | %.0f (%.0f) | %d | %.0f |%n",
                        i == 0 ? file.getFileName() : "", n,
                        i == 0 ? String.format(Locale.ROOT, "%.1f (%.1f)", build.get("seconds").getAsDouble(),
                                build.has("cpuSeconds") ? build.get("cpuSeconds").getAsDouble() : -1) : "",
                        i == 0 ? String.format(Locale.ROOT, "%.0f", build.get("peakRssMb").getAsDouble()) : "",
                        x.get("scenario").getAsString(), x.get("medianMs").getAsDouble(),
                        x.get("serverMedianMs").getAsDouble(), x.get("serverCpuMedianMs").getAsDouble(),
                        x.get("papersWritten").getAsLong(), x.get("serverPeakRssMb").getAsDouble()));
            }
        }
        JsonObject all = new JsonObject();
        all.addProperty("heap", heap);
        all.addProperty("cores", Runtime.getRuntime().availableProcessors());
        all.addProperty("loadAverageAtEnd", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        all.add("results", results);
        Files.writeString(out.resolve("library.json"), new GsonBuilder().setPrettyPrinting().create().toJson(all));
        Files.writeString(out.resolve("library.md"), md.toString());
        System.out.print(md);
    }

    private static final Pattern INDEXED = Pattern.compile("indexed (\\d+) papers \\((\\d+) entries.*in ([\\d.]+) s");
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([\\d.]+)");
    private static final Pattern SYS = Pattern.compile("System time \\(seconds\\): ([\\d.]+)");

    /** The command-line build under /usr/bin/time -v: papers, seconds (as the command reports), peak RSS. */
    static JsonObject cliBuild(Path jar, String heap, Path corpus, Path index) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder("/usr/bin/time", "-v", java.toString(), "-Xmx" + heap,
                "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString(), "index", "--no-progress", "--corpus",
                corpus.toString(), "--index", index.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = INDEXED.matcher(output);
        Matcher rss = RSS.matcher(output);
        if (!m.find() || !rss.find()) {
            throw new IllegalStateException("unexpected output of the build:\n" + output);
        }
        JsonObject r = new JsonObject();
        r.addProperty("papers", Long.parseLong(m.group(1)));
        r.addProperty("entries", Long.parseLong(m.group(2)));
        r.addProperty("seconds", Double.parseDouble(m.group(3)));
        r.addProperty("peakRssMb", Long.parseLong(rss.group(1)) / 1024.0);
        Matcher user = USER.matcher(output);
        Matcher sys = SYS.matcher(output);
        if (user.find() && sys.find()) {
            r.addProperty("cpuSeconds", Double.parseDouble(user.group(1)) + Double.parseDouble(sys.group(1)));
        }
        r.addProperty("loadAverage", loadAverage());
        return r;
    }

    private static final Pattern RELOADED = Pattern.compile("corpus reloaded: \\d+ papers \\(\\d+ files read, (\\d+) "
            + "papers written\\) in ([\\d.]+) s");

    /** Live reloads in a running server, each scenario {@code repeats} times. */
    static JsonArray reloads(Path jar, String heap, Path work, Path corpusFile, Path index, boolean bib, int repeats)
            throws Exception {
        Path notes = Files.createDirectories(work.resolve("notes"));
        Path log = work.resolve("server-" + corpusFile.getFileName() + ".log");
        JsonArray out = new JsonArray();
        noteUri = null;
        noteVersion = 0;
        try (ServerUnderTest s = new ServerUnderTest(jar, heap, work, log)) {
            JsonObject options = new JsonObject();
            JsonArray corpus = new JsonArray();
            corpus.add(corpusFile.toString());
            options.add("corpus", corpus);
            options.addProperty("indexDir", index.toString());
            s.initialize(notes, options);
            s.awaitLog(m -> m.contains("notes ready"), 3600);
            List<String> scenarios = bib ? List.of("edit one entry", "add an entry at the top")
                    : List.of("edit one line", "add a line at the end");
            int serial = 0;
            for (String scenario : scenarios) {
                List<Double> latencies = new ArrayList<>();
                List<Double> serverTimes = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                long written = 0;
                for (int rep = 0; rep < repeats; rep++) {
                    serial++;
                    String marker = "zqx" + word(serial) + "q" + RUN; // new in every run, even on a reused library
                    int logsBefore = s.logs.size();
                    long cpuBefore = cpuTicks(s.process.pid());
                    String typed;
                    if (scenario.startsWith("edit")) {
                        editMiddleTitle(corpusFile, bib, marker);
                        typed = "[[" + marker;
                    } else {
                        String key = "benchinserted" + word(serial) + "q" + RUN;
                        addEntry(corpusFile, bib, scenario.endsWith("top"), key, marker);
                        typed = bib ? "@" + key : "[[" + marker;
                    }
                    long t0 = System.nanoTime();
                    String expect = bib && !scenario.startsWith("edit") ? "benchinserted" + word(serial) + "q" + RUN : null;
                    awaitCompletion(s, notes, typed, expect, marker);
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    var reloaded = awaitReloadLog(s, logsBefore);
                    cpu.add((cpuTicks(s.process.pid()) - cpuBefore) * 1000.0 / TICKS_PER_SECOND);
                    serverTimes.add(Double.parseDouble(reloaded.group(2)) * 1000);
                    written = Long.parseLong(reloaded.group(1));
                    System.err.printf("  %s #%d: %.0f ms to the answer, server %.0f ms (%.0f ms of CPU), %d papers "
                            + "written, load %.1f%n", scenario, rep + 1, latencies.get(latencies.size() - 1),
                            serverTimes.get(serverTimes.size() - 1), cpu.get(cpu.size() - 1), written, loadAverage());
                }
                JsonObject r = new JsonObject();
                r.addProperty("scenario", scenario);
                r.addProperty("medianMs", median(latencies));
                r.addProperty("serverMedianMs", median(serverTimes));
                r.addProperty("serverCpuMedianMs", median(cpu));
                r.add("latenciesMs", new GsonBuilder().create().toJsonTree(latencies));
                r.addProperty("papersWritten", written);
                r.addProperty("serverPeakRssMb", vmHwmMb(s.process.pid()));
                out.add(r);
            }
        }
        return out;
    }

    private static final String RUN = word((int) (System.currentTimeMillis() / 1000 % 10_000_000));

    private static String word(int n) {
        StringBuilder sb = new StringBuilder();
        int x = n;
        do {
            sb.append((char) ('a' + x % 26));
            x /= 26;
        } while (x > 0);
        return sb.toString();
    }

    /**
     * Rewrites the file (as Better BibTeX rewrites an export: a new file in place of the old) with
     * the title of the entry in the middle changed. Streams, so a file of a million lines is fine.
     */
    static void editMiddleTitle(Path file, boolean bib, String marker) throws IOException {
        long count;
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            count = lines.count();
        }
        Path temp = file.resolveSibling("." + file.getFileName() + ".new");
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                var w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            String l;
            long i = 0;
            boolean done = false;
            while ((l = in.readLine()) != null) {
                if (!done && i >= count / 2) {
                    if (bib && l.startsWith("  title = {")) {
                        l = "  title = {" + marker + " " + l.substring("  title = {".length());
                        done = true;
                    } else if (!bib && l.contains("\"title\":\"")) {
                        l = l.replaceFirst("\"title\":\"", "\"title\":\"" + marker + " ");
                        done = true;
                    }
                }
                w.write(l);
                w.write('\n');
                i++;
            }
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static void addEntry(Path file, boolean bib, boolean top, String key, String marker) throws IOException {
        String entry;
        if (bib) {
            entry = "@article{" + key + ",\n  title = {" + marker + " Added While the Server Runs},\n"
                    + "  author = {Benchmark, Bea},\n  year = {2025},\n  journal = {Journal of Benchmarks}\n}\n\n";
        } else {
            entry = "{\"id\":\"9912." + String.format(Locale.ROOT, "%05d", Math.floorMod(key.hashCode(), 100000))
                    + "\",\"title\":\"" + marker
                    + " Added While the Server Runs\",\"abstract\":\"  A line added by the benchmark.\\n\","
                    + "\"authors\":\"Bea Benchmark\",\"authors_parsed\":[[\"Benchmark\",\"Bea\",\"\"]],"
                    + "\"categories\":\"cs.LG\",\"versions\":[{\"version\":\"v1\",\"created\":\"Mon, 1 Dec 2025 10:00:00 GMT\"}],"
                    + "\"update_date\":\"2025-12-01\"}\n";
        }
        if (top) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int at = bib ? text.indexOf("\n@inproceedings") + 1 : 0;
            Files.writeString(file, text.substring(0, at) + entry + text.substring(at), StandardCharsets.UTF_8);
        } else {
            Files.writeString(file, entry, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** The one note the benchmark types in, as an editor would: opened once, then changed. */
    private static String noteUri;
    private static int noteVersion;

    private static void awaitCompletion(ServerUnderTest s, Path notes, String typed, String label, String detailWord)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        String text = "See " + typed;
        if (noteUri == null) {
            noteUri = notes.resolve("bench-note.md").toUri().toString();
            s.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(noteUri, "markdown", ++noteVersion, text)));
        } else {
            s.server.getTextDocumentService().didChange(new org.eclipse.lsp4j.DidChangeTextDocumentParams(
                    new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(noteUri, ++noteVersion),
                    List.of(new org.eclipse.lsp4j.TextDocumentContentChangeEvent(text))));
        }
        while (System.nanoTime() < end) {
            List<CompletionItem> items = s.server.getTextDocumentService()
                    .completion(new CompletionParams(new TextDocumentIdentifier(noteUri), new Position(0, text.length())))
                    .get(60, TimeUnit.SECONDS).getRight().getItems();
            for (CompletionItem i : items) {
                if (label != null ? i.getLabel().equals(label)
                        : i.getDetail() != null && i.getDetail().toLowerCase(Locale.ROOT).contains(detailWord)) {
                    return;
                }
            }
            // An editor asks about as often as a person types; asking every few milliseconds would take
            // the server's CPU from the reload it measures (2 cores, shared).
            Thread.sleep(POLL_MS);
        }
        throw new IllegalStateException("the change never showed: " + typed);
    }

    /** How often the benchmark asks for the completion while it waits for a change to show. */
    static final long POLL_MS = 100;

    private static Matcher awaitReloadLog(ServerUnderTest s, int from) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < end) {
            for (int i = from; i < s.logs.size(); i++) {
                Matcher m = RELOADED.matcher(s.logs.get(i).getMessage());
                if (m.find()) {
                    return m;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no reload logged; logs: " + s.logs.subList(from, s.logs.size()));
    }

    private static final int TICKS_PER_SECOND = 100; // USER_HZ on Linux

    /** CPU time (user + system) a process has used so far, in clock ticks, from /proc (Linux). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Peak resident set size of a process so far, from /proc (Linux). */
    static double vmHwmMb(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (l.startsWith("VmHWM:")) {
                return Long.parseLong(l.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return -1;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n == 0 ? 0 : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
