package dev.papernotes.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.papernotes.features.Summaries;
import dev.papernotes.index.IndexStore;
import dev.papernotes.index.Paper;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.index.Suggester.Scope;
import dev.papernotes.workspace.PaperRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceSymbolParams;

/**
 * The benchmark: for each corpus profile and size, starts the server as users launch it (the start
 * script with its JVM flags and class data sharing archive, or a given command line) and measures:
 * the index build (time, papers/s, size, peak resident memory), a user typing in a 200-line note (--note-lines)
 * ({@link KeystrokeScenario}: didChange + completion per keystroke, hover and definition on bare
 * names), resident memory (total, anonymous, and the mapped index's share), the time from start to
 * the first answer with the index on disk, and the latency over stdio of single requests next to
 * the same lookups made directly on Lucene (the floor) and the time the server itself reports.
 * Writes JSON and a Markdown table.
 *
 * <pre>
 * java -cp bench.jar:papernotes.jar dev.papernotes.bench.Benchmark --jar papernotes.jar
 *      --work DIR --out DIR [--sizes 10000,100000,1000000] [--profiles seed,syllables,acronyms,arxiv]
 *      [--launch script|java|probe] [--script scripts/papernotes] [--flags "JVM FLAGS"]
 *      [--queries 1000] [--keystrokes 1000] [--restarts 3] [--reuse-index true] [--ops hover,definition]
 *      [--type-after-ms 0] [--note-lines 200]
 * </pre>
 */
public final class Benchmark {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path jar;
    private final Path work;
    private final int queries;
    private final ServerUnderTest.Launch launch;
    /** An existing corpus to measure instead of generated ones (e.g. the bundled seed), or null. */
    private Path givenCorpus;
    /** Notes in the workspace: what references walk, and what the server scans at start. */
    private int notesCount = 200;
    /** Restarts on the index on disk; the first has the user type, all count for the ready time. */
    private int restarts = 3;
    /** How long after a restarted server's notes are ready the user starts typing (0: at once, the worst case). */
    private long typeAfterMs;
    /** Keystrokes typed in each run of the keystroke scenario. */
    private int keystrokes = 1000;
    /** Lines of the note typed in (a reading log kept for a year is thousands). */
    private int noteLines = KeystrokeScenario.NOTE_LINES;
    /** Measure an index already built by an earlier run instead of building it (for profiling). */
    private boolean reuseIndex;
    /** The requests to measure (default: all of {@link Workload#OPERATIONS}). */
    private List<String> operations = Workload.OPERATIONS;
    private Random random = new Random(20261122);

    private Benchmark(Path jar, Path work, int queries, ServerUnderTest.Launch launch) {
        this.jar = jar;
        this.work = work;
        this.queries = queries;
        this.launch = launch;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        Path jar = Path.of(opts.getOrDefault("--jar", "server/target/papernotes.jar")).toAbsolutePath();
        Path work = Path.of(opts.getOrDefault("--work", System.getProperty("user.home") + "/.cache/papernotes-bench"));
        Path out = Path.of(opts.getOrDefault("--out", "bench/results"));
        int queries = Integer.parseInt(opts.getOrDefault("--queries", "1000"));
        List<Integer> sizes = new ArrayList<>();
        for (String s : opts.getOrDefault("--sizes", "10000,100000,1000000").split(",")) {
            sizes.add(Integer.parseInt(s.strip()));
        }
        List<Profile> profiles = new ArrayList<>();
        for (String p : opts.getOrDefault("--profiles", "seed").split(",")) {
            profiles.add(Profile.parse(p));
        }
        ServerUnderTest.Launch launch = launch(opts, jar);
        Files.createDirectories(work);
        Files.createDirectories(out);
        Benchmark b = new Benchmark(jar, work, queries, launch);
        b.notesCount = Integer.parseInt(opts.getOrDefault("--notes", "200"));
        b.keystrokes = Integer.parseInt(opts.getOrDefault("--keystrokes", "1000"));
        b.noteLines = Integer.parseInt(opts.getOrDefault("--note-lines", Integer.toString(KeystrokeScenario.NOTE_LINES)));
        b.restarts = Math.max(1, Integer.parseInt(opts.getOrDefault("--restarts", "3")));
        if (opts.containsKey("--corpus")) {
            b.givenCorpus = Path.of(opts.get("--corpus")).toAbsolutePath().normalize();
            sizes = List.of(0);
            profiles = List.of(Profile.SEED);
        }
        b.reuseIndex = Boolean.parseBoolean(opts.getOrDefault("--reuse-index", "false"));
        b.typeAfterMs = Long.parseLong(opts.getOrDefault("--type-after-ms", "0"));
        if (opts.containsKey("--ops")) {
            b.operations = opts.get("--ops").isBlank() ? List.of() : List.of(opts.get("--ops").split(","));
            for (String op : b.operations) {
                if (!Workload.OPERATIONS.contains(op)) {
                    throw new IllegalArgumentException("--ops: unknown request " + op + "; known: " + Workload.OPERATIONS);
                }
            }
        }
        log("server started as: %s (%s)", launch.name(), String.join(" ", launch.command()));
        JsonArray results = new JsonArray();
        for (Profile profile : profiles) {
            for (int n : sizes) {
                b.random = new Random(20261122);
                JsonObject r = b.run(profile, n);
                results.add(r);
                Files.writeString(out.resolve("results.json"), GSON.toJson(results));
                Files.writeString(out.resolve("results.md"), Table.render(results));
                System.out.println(Table.render(results));
            }
        }
    }

    /**
     * How to start the server: {@code script} (default) runs the start script as users do, with
     * {@code --flags} added to its own; {@code java} runs {@code java FLAGS -jar}; {@code probe}
     * runs {@code java -XX:+ExitOnOutOfMemoryError -jar}, the command every launcher used before
     * they had flags (the JVM then sizes itself from the machine).
     */
    private static ServerUnderTest.Launch launch(Map<String, String> opts, Path jar) {
        String mode = opts.getOrDefault("--launch", "script");
        String given = opts.getOrDefault("--flags", System.getenv().getOrDefault("BENCH_SERVER_OPTS", "")).strip();
        List<String> flags = given.isEmpty() ? List.of() : List.of(given.split("\\s+"));
        return switch (mode) {
            case "script" -> {
                Path script = Path.of(opts.getOrDefault("--script",
                        jar.getParent().getParent().getParent().resolve("scripts/papernotes").toString())).toAbsolutePath();
                if (!Files.isExecutable(script)) {
                    throw new IllegalArgumentException("--script: no executable start script at " + script);
                }
                yield new ServerUnderTest.Launch("start script" + (flags.isEmpty() ? "" : " + " + given), script, jar, flags);
            }
            case "java" -> new ServerUnderTest.Launch("java " + given, null, jar, flags);
            case "probe" -> new ServerUnderTest.Launch("java -XX:+ExitOnOutOfMemoryError (JVM defaults)", null, jar,
                    List.of("-XX:+ExitOnOutOfMemoryError"));
            default -> throw new IllegalArgumentException("--launch: script, java or probe, not " + mode);
        };
    }

    // ---- one profile and size ----

    private JsonObject run(Profile profile, int papers) throws Exception {
        String label = givenCorpus == null ? profile.id() + "-" + papers : "given";
        Path corpus = givenCorpus == null ? work.resolve("corpus-" + label) : givenCorpus;
        Path truth = work.resolve("truth-" + label + ".jsonl");
        log("=== %s ===", givenCorpus == null ? String.format("%s, %,d papers", profile.id(), papers) : corpus.toString());
        if (givenCorpus == null && (!Files.exists(corpus.resolve("generator-manifest.json")) || !Files.exists(truth))) {
            log("generating the corpus");
            if (profile.isLibrary()) {
                LibraryGenerator.writeArxivCorpus(papers, corpus, truth, 1);
            } else {
                CorpusGenerator.main(new String[] {"--papers", Integer.toString(papers), "--out", corpus.toString(),
                        "--seed", "1", "--truth", truth.toString(), "--profile", profile.id()});
            }
        }
        Path index = work.resolve("index-" + label);
        boolean reused = reuseIndex && Files.isDirectory(index);
        if (!reused) {
            deleteTree(index);
        }
        Path notes = work.resolve("notes-" + label);
        deleteTree(notes);
        Files.createDirectories(notes);

        JsonObject result = new JsonObject();
        result.addProperty("profile", givenCorpus == null ? profile.id() : "given");
        result.addProperty("papers", papers);
        result.addProperty("launch", launch.name());
        result.addProperty("command", String.join(" ", launch.command()));
        result.addProperty("cores", Runtime.getRuntime().availableProcessors());
        result.addProperty("corpusMb", round(du(corpus) / 1048576.0));
        JsonObject options = new JsonObject();
        JsonArray roots = new JsonArray();
        roots.add(corpus.toString());
        options.add("corpus", roots);
        options.addProperty("indexDir", index.toString());
        Path serverLog = work.resolve("server-" + label + ".log");
        Files.deleteIfExists(serverLog);

        // 1. The server builds the index from nothing, started as users start it.
        Workload workload;
        KeystrokeScenario typing;
        try (ServerUnderTest s = new ServerUnderTest(launch, work, serverLog, index)) {
            long t0 = System.nanoTime();
            AnonSampler sampler = new AnonSampler(s.process.pid());
            s.initialize(notes, options);
            var ready = s.awaitLog(m -> m.contains("index ready"), 3 * 3600);
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            double buildPeakAnon = sampler.stop();
            log("%s", ready.getMessage());
            s.awaitLog(m -> m.contains("notes ready"), 600);
            if (givenCorpus != null) {
                papers = writeTruth(index, corpus, truth);
                result.addProperty("papers", papers);
            }
            if (reused) {
                result.addProperty("reusedIndex", true); // no build measured
            } else {
                result.addProperty("buildSeconds", round(buildSeconds));
                result.addProperty("buildLog", ready.getMessage()); // the server's own phase times
                result.addProperty("papersPerSecond", Math.round(papers / buildSeconds));
            }
            result.addProperty("indexMb", round(du(index) / 1048576.0));
            double corpusMb = result.get("corpusMb").getAsDouble();
            if (corpusMb > 0) {
                result.addProperty("indexPerCorpus", Math.round(du(index) / (corpusMb * 1048576.0) * 1000) / 1000.0);
            }
            ProcessMemory built = s.memory();
            JsonObject build = built.json();
            build.addProperty("peakAnonMb", round(buildPeakAnon));
            result.add("memoryAfterBuild", build);
            log("memory after the build: %s", build);

            workload = Workload.sample(index, corpus, truth, queries * 2 + 200, random);
            workload.writeNotes(notes, random, notesCount);
            // Rescan, as a new workspace would be: the notes were written after the first scan.
            s.server.getWorkspaceService().didChangeWorkspaceFolders(folderChange(notes));
            var scanned = s.awaitLog(m -> m.contains("notes ready: " + notesCount + " notes"), 1200);
            result.addProperty("workspaceNotes", notesCount);
            result.addProperty("notesScanMs", Long.parseLong(scanned.getMessage()
                    .replaceAll(".* in (\\d+) ms.*", "$1")));

            // 2. A user types, right after the build (the first session's JIT and page cache).
            typing = new KeystrokeScenario(workload.targets(), random, noteLines);
            result.add("typingAfterBuild", type(s, notes, typing));
            result.add("memoryAfterTypingAfterBuild", s.memory().json());

            // 3. Single requests, each kind on its own, on a note that does not change.
            String uri = notes.resolve("benchmark.md").toUri().toString();
            s.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, "markdown", 1, workload.noteText())));
            Thread.sleep(500);
            JsonObject stdio = new JsonObject();
            JsonObject inside = new JsonObject();
            for (String op : operations) {
                stats(s, true);
                measure(op, workload, 200, i -> request(s, uri, workload, op, i)); // warm-up
                stats(s, true);
                double[] ms = measure(op, workload, queries, i -> request(s, uri, workload, op, 200 + i));
                stdio.add(op, percentiles(ms));
                inside.add(op, insideServer(stats(s, false), op));
                log("%-16s stdio %s", op, stdio.get(op));
            }
            result.add("stdio", stdio);
            result.add("insideServer", inside);
            result.add("memoryAfterQueries", s.memory().json());
            double[] heap = s.heapAfterGcMb();
            result.addProperty("heapAfterQueriesMb", round(heap[0]));
            result.addProperty("heapCommittedAfterGcMb", round(heap[1]));
            result.addProperty("vmFlags", s.vmFlags());
        }

        // 4. Restarts with the index on disk: start to first answer (median of three); the first
        // restart then has the user type as in 2, and its memory is what a day of editing holds.
        double[][] starts = new double[restarts][];
        for (int i = 0; i < starts.length; i++) {
            try (ServerUnderTest s = new ServerUnderTest(launch, work, serverLog, index)) {
                starts[i] = firstAnswer(s, options, notes, workload);
                log("restart %d: initialize %.2f s, first completion %.2f s (%.2f s of CPU)", i + 1, starts[i][0],
                        starts[i][1], starts[i][2]);
                if (i == 0) {
                    s.awaitLog(m -> m.contains("notes ready"), 600);
                    Thread.sleep(typeAfterMs);
                    result.addProperty("typeAfterMs", typeAfterMs);
                    result.add("typing", type(s, notes, typing));
                    result.add("memoryAfterTyping", s.memory().json());
                    if (launch.flags().stream().anyMatch(f -> f.startsWith("-XX:NativeMemoryTracking"))) {
                        log("native memory after typing:%n%s", s.nativeMemory());
                    }
                    Thread.sleep(IDLE_MS);
                    result.add("memoryIdle", s.memory().json());
                    log("memory after typing %s, idle %s", result.get("memoryAfterTyping"), result.get("memoryIdle"));
                }
            }
        }
        Arrays.sort(starts, java.util.Comparator.comparingDouble(a -> a[1]));
        double[] median = starts[starts.length / 2];
        result.addProperty("initializeSeconds", round(median[0]));
        result.addProperty("readySeconds", round(median[1]));
        result.addProperty("readyCpuSeconds", round(median[2]));
        log("ready after %.2f s (median of %d)", median[1], starts.length);

        // 5. The floor: the same lookups directly on the index, in this process.
        if (!operations.isEmpty()) {
            result.add("floor", floor(index, corpus, workload));
            log("floor %s", result.get("floor"));
        }
        return result;
    }

    /** How long a restarted server is left alone before its idle memory is read. */
    private static final long IDLE_MS = 15_000;

    private JsonObject type(ServerUnderTest s, Path notes, KeystrokeScenario typing) throws Exception {
        String uri = notes.resolve("typing.md").toUri().toString();
        s.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "markdown", 1, typing.text())));
        JsonObject r = typing.run(s, uri, keystrokes, 1);
        s.server.getTextDocumentService().didClose(new org.eclipse.lsp4j.DidCloseTextDocumentParams(
                new TextDocumentIdentifier(uri)));
        log("typing: %s", r.get("stdio"));
        return r;
    }

    /** Peak anonymous memory of a process, sampled four times a second until stopped. */
    private static final class AnonSampler {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile double peak;

        AnonSampler(long pid) {
            thread = new Thread(() -> {
                while (running) {
                    peak = Math.max(peak, ProcessMemory.anonMb(pid));
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "anon-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        double stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
            return peak;
        }
    }

    private static org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams folderChange(Path notes) {
        var folder = new org.eclipse.lsp4j.WorkspaceFolder(notes.toUri().toString(), "notes");
        return new org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams(
                new org.eclipse.lsp4j.WorkspaceFoldersChangeEvent(List.of(folder), List.of(folder)));
    }

    /** For a given corpus: every title of the built index, one JSON line each, as the generator writes. */
    private static int writeTruth(Path index, Path corpus, Path truth) throws IOException {
        int[] n = {0};
        try (IndexStore store = IndexStore.open(index, List.of(corpus), 16); PaperIndex idx = store.acquire();
                var w = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
            idx.forEach(p -> {
                JsonObject o = new JsonObject();
                o.addProperty("title", p.title());
                try {
                    w.write(o + "\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                n[0]++;
            });
        }
        return n[0];
    }

    private interface Call {
        void run(int i) throws Exception;
    }

    private double[] measure(String op, Workload w, int count, Call call) throws Exception {
        double[] ms = new double[count];
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            call.run(i);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return ms;
    }

    private void request(ServerUnderTest s, String uri, Workload w, String op, int i) throws Exception {
        TextDocumentIdentifier doc = new TextDocumentIdentifier(uri);
        Workload.Query q = w.query(op, i);
        CompletableFuture<?> f = switch (op) {
            case "completion.wiki", "completion.cite", "completion.prose" ->
                s.server.getTextDocumentService().completion(new CompletionParams(doc, q.position()));
            case "hover" -> s.server.getTextDocumentService().hover(new HoverParams(doc, q.position()));
            case "definition" -> s.server.getTextDocumentService().definition(new DefinitionParams(doc, q.position()));
            case "references" -> s.server.getTextDocumentService().references(
                    new ReferenceParams(doc, q.position(), new ReferenceContext(false)));
            case "workspaceSymbols" -> s.server.getWorkspaceService().symbol(new WorkspaceSymbolParams(q.text()));
            default -> throw new IllegalArgumentException(op);
        };
        f.get(60, TimeUnit.SECONDS);
    }

    private static JsonObject stats(ServerUnderTest s, boolean reset) throws Exception {
        ExecuteCommandParams p = new ExecuteCommandParams("papernotes.stats", reset ? List.of("reset") : List.of());
        Object r = s.server.getWorkspaceService().executeCommand(p).get(30, TimeUnit.SECONDS);
        JsonElement json = r instanceof JsonElement j ? j : new Gson().toJsonTree(r);
        return json.getAsJsonObject();
    }

    private static JsonElement insideServer(JsonObject stats, String op) {
        String method = switch (op) {
            case "completion.wiki", "completion.cite", "completion.prose" -> "completion";
            case "workspaceSymbols" -> "workspace/symbol";
            default -> op;
        };
        JsonElement e = stats.get(method);
        return e == null ? new JsonObject() : e;
    }

    /** Seconds from process start to the initialize answer, and to the first completion with items. */
    private static double[] firstAnswer(ServerUnderTest s, JsonObject options, Path notes, Workload w) throws Exception {
        s.initialize(notes, options);
        double initialized = (System.nanoTime() - s.startedNanos) / 1e9;
        Workload.Query q = w.query("completion.wiki", 0);
        String text = w.lineOf(q);
        String uri = notes.resolve("ready.md").toUri().toString();
        s.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "markdown", 1, text)));
        Position end = new Position(0, text.length());
        while (true) {
            var r = s.server.getTextDocumentService()
                    .completion(new CompletionParams(new TextDocumentIdentifier(uri), end)).get(60, TimeUnit.SECONDS);
            if (!r.getRight().getItems().isEmpty()) {
                return new double[] {initialized, (System.nanoTime() - s.startedNanos) / 1e9,
                    ProcessMemory.cpuSeconds(s.process.pid())};
            }
            if (System.nanoTime() - s.startedNanos > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("no completion within 10 minutes");
            }
            Thread.sleep(5);
        }
    }

    private JsonObject floor(Path index, Path corpus, Workload w) throws Exception {
        JsonObject out = new JsonObject();
        try (IndexStore store = IndexStore.open(index, List.of(corpus), 16); PaperIndex idx = store.acquire()) {
            for (String op : operations) {
                if (op.equals("references")) {
                    continue; // a workspace walk, no index lookup to compare with
                }
                measure(op, w, 200, i -> floorCall(idx, w, op, i));
                double[] ms = measure(op, w, queries, i -> floorCall(idx, w, op, 200 + i));
                out.add(op, percentiles(ms));
            }
        }
        return out;
    }

    /** What each request asks of Lucene, without the protocol, the note model or the features. */
    private static void floorCall(PaperIndex idx, Workload w, String op, int i) throws IOException {
        Workload.Query q = w.query(op, i);
        switch (op) {
            case "completion.wiki" -> idx.suggester().suggest(q.text(), Scope.WIKI, 50);
            case "completion.cite" -> idx.suggester().suggest(q.text(), Scope.CITEKEY, 50);
            case "completion.prose" -> idx.suggester().suggest(q.text(), Scope.PROSE, 50);
            case "hover" -> {
                // As the hover does: the ids (a capped list), one paper in full with related papers; several, briefly.
                PaperIndex.Ids found = idx.idsByMention(q.text(), PaperRef.MAX_IDS);
                for (String id : found.ids().subList(0, Math.min(5, found.ids().size()))) {
                    Paper p = idx.get(id);
                    Summaries.summarize(p.abstractText(), p.methods());
                    if (found.total() == 1) {
                        idx.related(p, 3);
                    }
                }
            }
            case "definition" -> {
                PaperIndex.Ids found = idx.idsByMention(q.text(), PaperRef.MAX_IDS);
                for (String id : found.ids().subList(0, Math.min(20, found.ids().size()))) {
                    idx.get(id);
                }
            }
            case "workspaceSymbols" -> {
                idx.suggester().suggest(q.text(), Scope.WIKI, 100);
                idx.search(q.text(), 100);
            }
            default -> throw new IllegalArgumentException(op);
        }
    }

    // ---- helpers ----

    static JsonObject percentiles(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        JsonObject o = new JsonObject();
        o.addProperty("p50", round(at(s, 0.50)));
        o.addProperty("p95", round(at(s, 0.95)));
        o.addProperty("p99", round(at(s, 0.99)));
        o.addProperty("max", round(s[s.length - 1]));
        return o;
    }

    private static double at(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static long du(Path dir) throws IOException {
        // A corpus folder may be a link to where the generated corpora are kept.
        try (Stream<Path> s = Files.walk(Files.exists(dir) ? dir.toRealPath() : dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }

    /** Reservoir sample of {@code k} lines of a JSONL file, for a million-line truth file. */
    static List<JsonObject> sampleLines(Path file, int k, Random random) throws IOException {
        List<String> keep = new ArrayList<>(k);
        long seen = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                seen++;
                if (keep.size() < k) {
                    keep.add(line);
                } else {
                    long j = (long) (random.nextDouble() * seen);
                    if (j < k) {
                        keep.set((int) j, line);
                    }
                }
            }
        }
        List<JsonObject> out = new ArrayList<>();
        for (String l : keep) {
            out.add(JsonParser.parseString(l).getAsJsonObject());
        }
        return out;
    }
}
