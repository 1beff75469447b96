package dev.papernotes.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Two builds of the server asked the same {@code [[} completions in one JVM, one round after the
 * other with the order alternated. On a shared two-core VM the speed of the machine drifts by a third
 * within minutes, more than most changes move a figure, so two runs one after the other say little;
 * here both builds meet the same drift. Each build answers from its own class loader and its own
 * hard-linked copy of the index (its own writer lock, the same page cache). Every round types new
 * names or titles (prefixes of three characters up to forty), so that each question is asked for the
 * first time, as a user's are; the first round (the JIT compiling) is reported apart. Then both
 * builds answer every question once more and the answers are compared.
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m -cp bench.jar:server.jar dev.papernotes.bench.CompletionAB \
 *      --index DIR --corpus DIR --truth FILE --a A.jar --b B.jar [--every 500] [--rounds 8] [--labels names|titles] \
 *      [--owners]
 * </pre>
 * {@code --owners} also asks, as completion after {@code [[} does, which paper (if only one) each label
 * leads to. {@code --a} and {@code --b} are class paths (a shaded server jar, or its classes and libraries).
 */
public final class CompletionAB {
    private CompletionAB() {
    }

    record Options(Path index, Path corpus, Path truth, String a, String b, int every, int rounds, boolean names,
            boolean owners) {
    }

    /** Each side's times (ns) of the rounds after the first, per round, and whether the answers agreed. */
    record Result(long[][] a, long[][] b, int questions, int differing, List<String> firstDiffering,
            ClassLoader loaderA, ClassLoader loaderB) {
    }

    public static void main(String[] args) throws Exception {
        Path index = null;
        Path corpus = null;
        Path truth = null;
        String a = null;
        String b = null;
        int every = 500;
        int rounds = 8;
        boolean names = true;
        boolean owners = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--index" -> index = Path.of(args[++i]);
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--truth" -> truth = Path.of(args[++i]);
                case "--a" -> a = args[++i];
                case "--b" -> b = args[++i];
                case "--every" -> every = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--labels" -> names = switch (args[++i]) {
                    case "names" -> true;
                    case "titles" -> false;
                    default -> throw new IllegalArgumentException("--labels: names or titles, not " + args[i]);
                };
                case "--owners" -> owners = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (index == null || corpus == null || truth == null || a == null || b == null) {
            throw new IllegalArgumentException("--index, --corpus, --truth, --a and --b are required");
        }
        Result r = run(new Options(index, corpus, truth, a, b, every, rounds, names, owners));
        System.out.println(report(r, a, b));
    }

    static Result run(Options o) throws Exception {
        if (o.rounds() < 2) {
            throw new IllegalArgumentException("--rounds: at least 2 (the first is the JIT's)");
        }
        List<List<String>> perRound = questions(o);
        Path copyA = null;
        Path copyB = null;
        Side sideA = null;
        Side sideB = null;
        try {
            copyA = linkedCopy(o.index());
            copyB = linkedCopy(o.index());
            sideA = new Side(o.a(), copyA, o.corpus());
            sideB = new Side(o.b(), copyB, o.corpus());
            long[][] timesA = new long[o.rounds() - 1][];
            long[][] timesB = new long[o.rounds() - 1][];
            for (int r = 0; r < o.rounds(); r++) {
                List<String> typed = perRound.get(r);
                long[] first;
                long[] second;
                if (r % 2 == 0) {
                    first = sideA.time(typed, o.owners());
                    second = sideB.time(typed, o.owners());
                } else {
                    second = sideB.time(typed, o.owners());
                    first = sideA.time(typed, o.owners());
                }
                if (r > 0) {
                    timesA[r - 1] = first;
                    timesB[r - 1] = second;
                }
            }
            int questions = 0;
            int differing = 0;
            List<String> examples = new ArrayList<>();
            for (List<String> typed : perRound) {
                List<String> x = sideA.answers(typed);
                List<String> y = sideB.answers(typed);
                for (int i = 0; i < typed.size(); i++) {
                    questions++;
                    if (!x.get(i).equals(y.get(i))) {
                        differing++;
                        if (examples.size() < 5) {
                            examples.add(typed.get(i));
                        }
                    }
                }
            }
            return new Result(timesA, timesB, questions, differing, examples, sideA.serverLoader(), sideB.serverLoader());
        } finally {
            if (sideA != null) {
                sideA.close();
            }
            if (sideB != null) {
                sideB.close();
            }
            if (copyA != null) {
                Benchmark.deleteTree(copyA);
            }
            if (copyB != null) {
                Benchmark.deleteTree(copyB);
            }
        }
    }

    /** The rounds' questions: each name or title of a sample of the truth file typed in one round. */
    static List<List<String>> questions(Options o) throws IOException {
        Random random = new Random(7);
        List<List<String>> rounds = new ArrayList<>();
        for (int r = 0; r < o.rounds(); r++) {
            rounds.add(new ArrayList<>());
        }
        try (Stream<String> lines = Files.lines(o.truth())) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (random.nextInt(o.every()) != 0) {
                    continue;
                }
                JsonObject paper = JsonParser.parseString(line).getAsJsonObject();
                String label = null;
                if (o.names()) {
                    JsonArray names = paper.has("names") ? paper.getAsJsonArray("names") : null;
                    label = names == null || names.isEmpty() ? null : names.get(0).getAsString();
                } else if (paper.has("title")) {
                    label = paper.get("title").getAsString();
                }
                if (label == null) {
                    continue;
                }
                List<String> into = rounds.get(random.nextInt(o.rounds()));
                for (int n = 3; n <= Math.min(label.length(), 40); n++) {
                    into.add(label.substring(0, n));
                }
            }
        }
        return rounds;
    }

    static String report(Result r, String a, String b) {
        StringBuilder sb = new StringBuilder();
        double[] ratios = new double[r.a().length];
        for (int i = 0; i < r.a().length; i++) {
            ratios[i] = mean(r.b()[i]) / mean(r.a()[i]);
            sb.append(String.format(Locale.ROOT, "round %d (%d questions): a mean %.3f ms, b mean %.3f ms, b/a %.3f%n", i + 1,
                    r.a()[i].length, mean(r.a()[i]) / 1e6, mean(r.b()[i]) / 1e6, ratios[i]));
        }
        Arrays.sort(ratios);
        sb.append(line("a", a, flat(r.a()))).append(line("b", b, flat(r.b())));
        sb.append(String.format(Locale.ROOT, "b/a of the round means: median %.3f, range %.3f-%.3f%n",
                ratios[ratios.length / 2], ratios[0], ratios[ratios.length - 1]));
        sb.append(String.format(Locale.ROOT, "answers differing: %d of %d%s", r.differing(), r.questions(),
                r.firstDiffering().isEmpty() ? "" : " (first: " + String.join(" | ", r.firstDiffering()) + ")"));
        return sb.toString();
    }

    private static String line(String side, String classpath, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%s (%s): p50 %.2f p95 %.2f p99 %.2f mean %.3f ms over %d%n", side, classpath,
                EditingBench.at(sorted, 0.50), EditingBench.at(sorted, 0.95), EditingBench.at(sorted, 0.99),
                mean(nanos) / 1e6, nanos.length);
    }

    private static long[] flat(long[][] rounds) {
        return Arrays.stream(rounds).flatMapToLong(Arrays::stream).toArray();
    }

    private static double mean(long[] nanos) {
        return nanos.length == 0 ? 0 : Arrays.stream(nanos).average().orElse(0);
    }

    /** A sibling folder holding hard links to the index's files (copies where links are refused). */
    static Path linkedCopy(Path index) throws IOException {
        Path copy = Files.createTempDirectory(index.toAbsolutePath().getParent(), "ab-index-");
        try (Stream<Path> files = Files.list(index)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f) || name.equals("write.lock")) {
                    continue;
                }
                try {
                    Files.createLink(copy.resolve(name), f);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(f, copy.resolve(name));
                }
            }
        }
        return copy;
    }

    /** A build of the server with the probe, in a class loader of its own (not this one's). */
    private static final class Side implements AutoCloseable {
        private final URLClassLoader loader;
        private final Class<?> probe;

        Side(String classpath, Path index, Path corpus) throws Exception {
            List<URL> urls = new ArrayList<>();
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            // The probe after the server's classes: it is the same code on both sides.
            urls.add(SuggestProbe.class.getProtectionDomain().getCodeSource().getLocation());
            loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            probe = loader.loadClass(SuggestProbe.class.getName());
            call("open", new Class<?>[] {String.class, String.class}, index.toString(), corpus.toString());
        }

        long[] time(List<String> typed, boolean owners) throws Exception {
            return (long[]) call("time", new Class<?>[] {List.class, boolean.class}, typed, owners);
        }

        @SuppressWarnings("unchecked")
        List<String> answers(List<String> typed) throws Exception {
            return (List<String>) call("answers", new Class<?>[] {List.class}, typed);
        }

        ClassLoader serverLoader() throws Exception {
            return (ClassLoader) call("serverLoader", new Class<?>[0]);
        }

        private Object call(String name, Class<?>[] types, Object... args) throws Exception {
            Method m = probe.getMethod(name, types);
            try {
                return m.invoke(null, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            }
        }

        @Override
        public void close() throws Exception {
            try {
                call("close", new Class<?>[0]);
            } finally {
                loader.close();
            }
        }
    }
}
