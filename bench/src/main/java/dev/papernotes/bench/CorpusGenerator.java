package dev.papernotes.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Writes a synthetic corpus of daily-papers pages for benchmarks, deterministically: the same
 * arguments give byte-identical files, whatever the number of threads.
 *
 * <pre>
 * java -jar papernotes-bench.jar --papers N --out DIR --seed S
 *     [--per-page K] [--duplicates FRACTION] [--damage FRACTION] [--threads T] [--truth FILE]
 *     [--profile seed|syllables|acronyms]
 * </pre>
 *
 * <ul>
 *   <li>{@code --papers N}: distinct papers. Pages also repeat earlier papers, so the corpus has
 *       about {@code N / (1 - duplicates)} entries.</li>
 *   <li>{@code --per-page K}: mean entries a page (default 120; each page has 0.75K to 1.25K).</li>
 *   <li>{@code --duplicates FRACTION}: share of entries that repeat a paper of an earlier page
 *       (default 0.17, as in the seed: 84 of 497 entries).</li>
 *   <li>{@code --damage FRACTION}: share of pages with one kind of real-world damage (default 0);
 *       when above 0, an empty and a binary file are written too.</li>
 *   <li>{@code --truth FILE}: also writes one JSON line per paper: number, title, kind, names.</li>
 *   <li>{@code --profile P}: the corpus shape, {@code seed} (default) or one of the stress shapes
 *       of {@link Profile}.</li>
 * </ul>
 *
 * Pages are {@code DIR/page-000000.txt} onwards; {@code DIR/generator-manifest.json} records the
 * arguments and counts. Files of an earlier run in {@code DIR} (those names only) are removed.
 */
public final class CorpusGenerator {
    static final String MANIFEST = "generator-manifest.json";
    private static final Pattern OWN_FILES = Pattern.compile(
            "page-\\d+\\.txt|damaged-(empty|binary)\\.txt|" + Pattern.quote(MANIFEST));

    /** Parsed command line. */
    record Options(long papers, Path out, long seed, int perPage, double duplicates, double damage, int threads,
            Path truth, Profile profile) {
        Options(long papers, Path out, long seed, int perPage, double duplicates, double damage, int threads,
                Path truth) {
            this(papers, out, seed, perPage, duplicates, damage, threads, truth, Profile.SEED);
        }
    }

    /** What a run wrote. */
    record Summary(int pages, long entries, long repeats, long bytes, Map<Damage, Integer> damaged, long millis) {
    }

    private CorpusGenerator() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(usage());
            return;
        }
        try {
            Summary s = generate(options);
            System.out.printf(Locale.ROOT,
                    "wrote %d papers: %d entries (%d repeats) on %d pages, %.1f MB, in %.1f s -> %s%n",
                    options.papers(), s.entries(), s.repeats(), s.pages(), s.bytes() / 1e6, s.millis() / 1e3,
                    options.out());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    static String usage() {
        return "usage: CorpusGenerator --papers N --out DIR --seed S [--per-page K] [--duplicates FRACTION]"
                + " [--damage FRACTION] [--threads T] [--truth FILE] [--profile seed|syllables|acronyms]";
    }

    /** The options of {@code args}; null for {@code --help}. */
    static Options parse(String[] args) {
        Long papers = null;
        Path out = null;
        Long seed = null;
        int perPage = 120;
        double duplicates = 0.17;
        double damage = 0;
        int threads = Runtime.getRuntime().availableProcessors();
        Path truth = null;
        Profile profile = Profile.SEED;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                return null;
            }
            String v;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                v = a.substring(eq + 1);
                a = a.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + a);
                }
                v = args[++i];
            }
            try {
                switch (a) {
                    case "--papers" -> papers = Long.parseLong(v.replace("_", ""));
                    case "--out" -> out = Path.of(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--per-page" -> perPage = Integer.parseInt(v);
                    case "--duplicates" -> duplicates = Double.parseDouble(v);
                    case "--damage" -> damage = Double.parseDouble(v);
                    case "--threads" -> threads = Integer.parseInt(v);
                    case "--truth" -> truth = Path.of(v);
                    case "--profile" -> {
                        profile = Profile.parse(v);
                        if (profile.isLibrary()) {
                            throw new IllegalArgumentException("--profile " + v
                                    + " is a library file, not daily pages: LibraryGenerator --jsonl N FILE");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number for " + a + ": " + v);
            }
        }
        if (papers == null || out == null || seed == null) {
            throw new IllegalArgumentException("--papers, --out and --seed are required");
        }
        if (papers < 1) {
            throw new IllegalArgumentException("--papers must be at least 1");
        }
        if (perPage < 1) {
            throw new IllegalArgumentException("--per-page must be at least 1");
        }
        if (!(duplicates >= 0 && duplicates <= 0.9)) {
            throw new IllegalArgumentException("--duplicates must be between 0 and 0.9");
        }
        if (!(damage >= 0 && damage <= 1)) {
            throw new IllegalArgumentException("--damage must be between 0 and 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        return new Options(papers, out, seed, perPage, duplicates, damage, threads, truth, profile);
    }

    /** Writes the corpus {@code o} describes. */
    public static Summary generate(Options o) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(o.out());
        removeOwnFiles(o.out());
        CorpusModel model = new CorpusModel(o.seed(), o.profile());
        if (o.papers() > model.coreSpace) {
            System.err.printf(Locale.ROOT, "warning: more than %d papers: titles start to repeat, so some papers"
                    + " will read as one%n", model.coreSpace);
        }
        PagePlanner planner = new PagePlanner(o.seed(), o.papers(), o.perPage(), o.duplicates(), o.damage());

        ExecutorService pool = Executors.newFixedThreadPool(o.threads(), r -> {
            Thread t = new Thread(r, "corpus-generator");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<PageRenderer> renderers = ThreadLocal.withInitial(() -> new PageRenderer(model));
        Semaphore inFlight = new Semaphore(2 * o.threads());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong bytes = new AtomicLong();
        int pages = 0;
        long entries = 0;
        long repeats = 0;
        Map<Damage, Integer> damaged = new EnumMap<>(Damage.class);
        try {
            while (planner.hasNext() && failure.get() == null) {
                PagePlanner.Page page = planner.next();
                pages++;
                entries += page.papers().length;
                repeats += page.repeats();
                if (page.damage() != null) {
                    damaged.merge(page.damage(), 1, Integer::sum);
                }
                inFlight.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        ByteBuf b = renderers.get().render(page);
                        Path file = o.out().resolve(pageFileName(page.index()));
                        try (OutputStream os = Files.newOutputStream(file)) {
                            os.write(b.array(), 0, b.length());
                        }
                        bytes.addAndGet(b.length());
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(1, TimeUnit.DAYS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        Throwable t = failure.get();
        if (t instanceof IOException io) {
            throw io;
        } else if (t instanceof RuntimeException re) {
            throw re;
        } else if (t != null) {
            throw new IllegalStateException(t);
        }
        if (o.damage() > 0) {
            Files.write(o.out().resolve("damaged-empty.txt"), new byte[0]);
            Rng r = new Rng(Rng.streamSeed(o.seed(), 9));
            byte[] junk = new byte[4096];
            for (int i = 0; i < junk.length; i++) {
                junk[i] = (byte) (i % 7 == 0 ? 0 : r.nextInt(256));
            }
            Files.write(o.out().resolve("damaged-binary.txt"), junk);
        }
        if (o.truth() != null) {
            writeTruth(model, o.papers(), o.truth());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Summary s = new Summary(pages, entries, repeats, bytes.get(), damaged, millis);
        writeManifest(o, s);
        return s;
    }

    static String pageFileName(int index) {
        return String.format(Locale.ROOT, "page-%06d.txt", index);
    }

    private static void removeOwnFiles(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (OWN_FILES.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f)) {
                    Files.delete(f);
                }
            }
        }
    }

    private static void writeManifest(Options o, Summary s) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n");
        sb.append("  \"generator\": \"dev.papernotes.bench.CorpusGenerator\",\n");
        sb.append("  \"formatVersion\": 1,\n");
        sb.append("  \"papers\": ").append(o.papers()).append(",\n");
        sb.append("  \"seed\": ").append(o.seed()).append(",\n");
        if (o.profile() != Profile.SEED) {
            sb.append("  \"profile\": \"").append(o.profile().id()).append("\",\n");
        }
        sb.append("  \"perPage\": ").append(o.perPage()).append(",\n");
        sb.append("  \"duplicates\": ").append(o.duplicates()).append(",\n");
        sb.append("  \"damage\": ").append(o.damage()).append(",\n");
        sb.append("  \"pages\": ").append(s.pages()).append(",\n");
        sb.append("  \"entries\": ").append(s.entries()).append(",\n");
        sb.append("  \"repeatEntries\": ").append(s.repeats()).append(",\n");
        sb.append("  \"bytes\": ").append(s.bytes()).append(",\n");
        sb.append("  \"damagedPages\": {");
        String sep = "";
        for (Damage d : Damage.values()) {
            sb.append(sep).append('"').append(d).append("\": ").append(s.damaged().getOrDefault(d, 0));
            sep = ", ";
        }
        sb.append("},\n");
        sb.append("  \"extraFiles\": [").append(o.damage() > 0 ? "\"damaged-empty.txt\", \"damaged-binary.txt\"" : "")
                .append("]\n");
        sb.append("}\n");
        Files.writeString(o.out().resolve(MANIFEST), sb.toString(), StandardCharsets.UTF_8);
    }

    /** One JSON line per paper, in paper order: what the generator meant each paper to be. */
    static void writeTruth(CorpusModel model, long papers, Path file) throws IOException {
        PaperFactory f = new PaperFactory(model);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long k = 0; k < papers; k++) {
                PaperFactory.Info info = f.info(k);
                w.write("{\"paper\":" + k + ",\"title\":" + json(info.title()) + ",\"kind\":\""
                        + info.kind().name().toLowerCase(Locale.ROOT) + "\"");
                if (info.named()) {
                    w.write(",\"names\":[" + json(info.name().text()));
                    if (info.name().expansion() != null) {
                        w.write("," + json(info.name().expansion()));
                    }
                    w.write("],\"nameSource\":\"" + info.mode().name().toLowerCase(Locale.ROOT) + "\"");
                    if (info.base() != null) {
                        w.write(",\"derivedFrom\":" + json(info.base()));
                    }
                } else {
                    w.write(",\"names\":[]");
                }
                w.write("}\n");
            }
        }
    }

    static String json(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
