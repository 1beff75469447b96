package dev.papernotes.names;

import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.DailyPapersReader;
import dev.papernotes.corpus.PaperKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Scores {@link MethodNames} against the hand labels in {@code eval/names/labels.tsv}: precision,
 * recall and recall per class of name, for the tune and the held-out split, reading each abstract
 * from a bare clone of the public repository that publishes it ({@code eval/names/sources.tsv}).
 * Then checks the bundled seed corpus: the names that must stay, and the difference to the names
 * recorded before the rules changed. Run it with {@code eval/names/score.sh}; see the README there.
 *
 * <p>A predicted name counts as right when it equals a labelled name exactly (bare mentions match
 * exact spellings). Names labelled {@code opt} are debatable either way: neither a hit nor a miss.
 */
public final class NamesEvaluation {
    private NamesEvaluation() {
    }

    /** One labelled paper. */
    record Labelled(String source, String id, String split, Map<String, String> gold, Set<String> optional) {
    }

    /** A source of abstracts: a CSV file at a commit of a public repository. */
    record Source(String key, String repo, String commit, String path, String idColumn, Pattern idPattern,
            String titleColumn, String abstractColumn) {
    }

    record Paper(String title, String abstractText) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = options(args);
        Path labels = Path.of(opts.getOrDefault("--labels", "eval/names/labels.tsv"));
        Path sources = Path.of(opts.getOrDefault("--sources", "eval/names/sources.tsv"));
        Path mirrors = Path.of(opts.getOrDefault("--mirrors", System.getenv().getOrDefault("PAPERNOTES_MIRRORS",
                "/work/.mirror")));
        Path corpus = Path.of(opts.getOrDefault("--corpus", "corpus"));
        Path seedBefore = Path.of(opts.getOrDefault("--seed-before", "eval/names/seed-names-before.tsv"));
        String errors = opts.getOrDefault("--errors", "none");

        if (opts.containsKey("--write-seed")) {
            writeSeed(corpus, Path.of(opts.get("--write-seed")));
            return;
        }
        List<Labelled> papers = readLabels(labels);
        Map<String, Map<String, Paper>> texts = new HashMap<>();
        for (Source s : readSources(sources)) {
            texts.put(s.key(), readSource(s, mirrors));
        }
        Map<String, Tally> bySplit = new TreeMap<>();
        StringBuilder errorLog = new StringBuilder();
        for (Labelled l : papers) {
            Paper p = texts.getOrDefault(l.source(), Map.of()).get(l.id());
            if (p == null) {
                throw new IllegalStateException("no paper " + l.source() + " " + l.id() + " in its source");
            }
            List<String> predicted = MethodNames.extract(p.title(), p.abstractText());
            Tally t = bySplit.computeIfAbsent(l.split(), k -> new Tally());
            t.papers++;
            List<String> fps = new ArrayList<>();
            for (String name : predicted) {
                if (l.gold().containsKey(name)) {
                    t.tp++;
                } else if (!l.optional().contains(name)) {
                    t.fp++;
                    fps.add(name);
                }
            }
            List<String> fns = new ArrayList<>();
            for (Map.Entry<String, String> g : l.gold().entrySet()) {
                boolean hit = predicted.contains(g.getKey());
                t.perClass.computeIfAbsent(g.getValue(), k -> new int[2])[hit ? 0 : 1]++;
                if (!hit) {
                    t.fn++;
                    fns.add(g.getValue() + "=" + g.getKey());
                }
            }
            boolean show = errors.equals("all") || errors.equals(l.split());
            if (show && (!fps.isEmpty() || !fns.isEmpty())) {
                errorLog.append(l.source()).append(' ').append(l.id()).append(" [").append(l.split()).append("] ")
                        .append(p.title()).append("\n    got ").append(predicted)
                        .append("\n    wrong ").append(fps).append("\n    missed ").append(fns).append('\n');
            }
        }
        System.out.print(errorLog);
        printScores(bySplit);
        seedCheck(corpus, seedBefore);
    }

    private static final class Tally {
        int papers;
        int tp;
        int fp;
        int fn;
        final Map<String, int[]> perClass = new TreeMap<>();
    }

    private static void printScores(Map<String, Tally> bySplit) {
        System.out.println();
        System.out.printf("%-8s %6s %5s %5s %5s %5s  %-9s %-9s%n", "split", "papers", "gold", "tp", "fp", "fn",
                "precision", "recall");
        for (Map.Entry<String, Tally> e : bySplit.entrySet()) {
            Tally t = e.getValue();
            System.out.printf("%-8s %6d %5d %5d %5d %5d  %-9.3f %-9.3f%n", e.getKey(), t.papers, t.tp + t.fn, t.tp,
                    t.fp, t.fn, ratio(t.tp, t.tp + t.fp), ratio(t.tp, t.tp + t.fn));
        }
        Set<String> classes = new java.util.TreeSet<>();
        bySplit.values().forEach(t -> classes.addAll(t.perClass.keySet()));
        System.out.println();
        System.out.printf("%-11s", "recall of");
        for (String split : bySplit.keySet()) {
            System.out.printf(" %-16s", split);
        }
        System.out.println();
        for (String c : classes) {
            System.out.printf("%-11s", c);
            for (Tally t : bySplit.values()) {
                int[] hm = t.perClass.getOrDefault(c, new int[2]);
                System.out.printf(" %-16s", hm[0] + hm[1] == 0 ? "-"
                        : String.format("%.2f (%d/%d)", ratio(hm[0], hm[0] + hm[1]), hm[0], hm[0] + hm[1]));
            }
            System.out.println();
        }
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }

    // ---- the seed corpus ---------------------------------------------------------------------

    /** Names that must be extracted for the seed papers whose titles start so; an empty list: none. */
    private static final Map<String, List<String>> SEED_MUST = new LinkedHashMap<>();

    static {
        SEED_MUST.put("Griffon v2:", List.of("Griffon v2"));
        SEED_MUST.put("Pruning Large Language Models with Semi-Structural", List.of("Adaptive Sparse Trainer", "AST"));
        SEED_MUST.put("Can GNN be Good Adapter for LLMs?", List.of("GraphAdapter"));
        SEED_MUST.put("Scaling Laws in Patchification:", List.of());
    }

    private static void seedCheck(Path corpus, Path before) throws IOException {
        Map<String, CorpusEntry> papers = seedPapers(corpus);
        System.out.println();
        boolean ok = true;
        for (Map.Entry<String, List<String>> must : SEED_MUST.entrySet()) {
            CorpusEntry e = papers.values().stream().filter(p -> p.title().startsWith(must.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no seed paper " + must.getKey()));
            List<String> names = MethodNames.extract(e.title(), e.abstractText());
            boolean good = must.getValue().isEmpty() ? names.isEmpty() : names.containsAll(must.getValue());
            ok &= good;
            System.out.printf("seed %-4s %s -> %s%n", good ? "ok" : "FAIL", must.getKey(), names);
        }
        if (!Files.exists(before)) {
            System.out.println("seed diff: no " + before + " to compare with");
            return;
        }
        Map<String, List<String>> old = new HashMap<>();
        for (String line : Files.readAllLines(before, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0 && !line.startsWith("#")) {
                String rest = line.substring(tab + 1);
                old.put(line.substring(0, tab), rest.isEmpty() ? List.of() : List.of(rest.split(" \\| ")));
            }
        }
        int changed = 0;
        int added = 0;
        int removed = 0;
        StringBuilder diff = new StringBuilder();
        for (Map.Entry<String, CorpusEntry> e : papers.entrySet()) {
            List<String> now = MethodNames.extract(e.getValue().title(), e.getValue().abstractText());
            List<String> was = old.getOrDefault(e.getKey(), List.of());
            List<String> plus = now.stream().filter(n -> !was.contains(n)).toList();
            List<String> minus = was.stream().filter(n -> !now.contains(n)).toList();
            if (!plus.isEmpty() || !minus.isEmpty()) {
                changed++;
                added += plus.size();
                removed += minus.size();
                diff.append("  ").append(e.getValue().title()).append("\n     + ").append(plus).append("  - ")
                        .append(minus).append('\n');
            }
        }
        System.out.printf("seed diff against %s: %d of %d papers changed, %d names added, %d removed%n", before,
                changed, papers.size(), added, removed);
        System.out.print(diff);
        if (!ok) {
            System.out.println("seed check FAILED");
        }
    }

    /** The distinct seed papers by id, each with its longest abstract, in corpus order. */
    static Map<String, CorpusEntry> seedPapers(Path corpus) throws IOException {
        Map<String, CorpusEntry> byId = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                DailyPapersReader.read(file, e -> byId.merge(PaperKey.idOf(e.title()), e,
                        (a, b) -> a.abstractText().length() >= b.abstractText().length() ? a : b), w -> {
                        });
            }
        }
        return byId;
    }

    private static void writeSeed(Path corpus, Path out) throws IOException {
        StringBuilder sb = new StringBuilder("# Names extracted from the bundled corpus, paper id TAB names (' | ').\n");
        for (Map.Entry<String, CorpusEntry> e : seedPapers(corpus).entrySet()) {
            sb.append(e.getKey()).append('\t')
                    .append(String.join(" | ", MethodNames.extract(e.getValue().title(), e.getValue().abstractText())))
                    .append('\n');
        }
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    // ---- labels and sources --------------------------------------------------------------------

    static List<Labelled> readLabels(Path file) throws IOException {
        List<Labelled> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 3) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": needs source, id and split");
            }
            String split = splitOf(f[0], f[1]);
            if (!split.equals(f[2])) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": split is " + split + " by its hash, not "
                        + f[2]);
            }
            if (!seen.add(f[0] + " " + f[1])) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": paper labelled twice");
            }
            Map<String, String> gold = new LinkedHashMap<>();
            Set<String> optional = new LinkedHashSet<>();
            for (int i = 3; i < f.length; i++) {
                int eq = f[i].indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": not class=name: " + f[i]);
                }
                String cls = f[i].substring(0, eq);
                String name = f[i].substring(eq + 1);
                if (cls.equals("opt")) {
                    optional.add(name);
                } else {
                    gold.put(name, cls);
                }
            }
            out.add(new Labelled(f[0], f[1], f[2], gold, optional));
        }
        return out;
    }

    /**
     * The split a paper belongs to, fixed before any rule was tuned: a third of the papers, by
     * the first byte of SHA-1("names-eval:" source ":" id), is held out.
     */
    static String splitOf(String source, String id) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1")
                    .digest(("names-eval:" + source + ":" + id).getBytes(StandardCharsets.UTF_8));
            return (d[0] & 0xff) % 3 == 0 ? "heldout" : "tune";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Source> readSources(Path file) throws IOException {
        List<Source> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 8) {
                throw new IllegalArgumentException(file + ": a source has 8 columns: " + line);
            }
            out.add(new Source(f[0], f[1], f[2], f[3], f[4], f[5].equals("-") ? null : Pattern.compile(f[5]), f[6],
                    f[7]));
        }
        return out;
    }

    /** The papers of one source by id, read from its bare clone under {@code mirrors}. */
    static Map<String, Paper> readSource(Source s, Path mirrors) throws IOException {
        Path gitDir = mirrors.resolve(s.repo().replace('/', '+')).resolve("repo");
        if (!Files.isDirectory(gitDir)) {
            throw new IllegalStateException("no clone of " + s.repo() + " at " + gitDir + "; make one with: git clone"
                    + " --bare https://github.com/" + s.repo() + " " + gitDir);
        }
        String csv = gitShow(gitDir, s.commit() + ":" + s.path());
        Map<String, Paper> out = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).setAllowDuplicateHeaderNames(true).get();
        try (Reader r = new StringReader(csv); CSVParser parser = CSVParser.parse(r, format)) {
            for (CSVRecord rec : parser) {
                String id = column(rec, s.idColumn());
                if (s.idPattern() != null) {
                    Matcher m = s.idPattern().matcher(id);
                    if (!m.find()) {
                        continue;
                    }
                    id = m.group(1);
                }
                out.putIfAbsent(id, new Paper(column(rec, s.titleColumn()), column(rec, s.abstractColumn())));
            }
        }
        return out;
    }

    private static String column(CSVRecord rec, String name) {
        if (name.startsWith("#")) {
            int i = Integer.parseInt(name.substring(1));
            return i < rec.size() ? rec.get(i) : "";
        }
        return rec.isMapped(name) && rec.isSet(name) ? rec.get(name) : "";
    }

    private static String gitShow(Path gitDir, String object) throws IOException {
        Process p = new ProcessBuilder("git", "--git-dir=" + gitDir, "show", object).redirectErrorStream(false)
                .start();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(buf);
        }
        try {
            if (p.waitFor() != 0) {
                throw new IOException("git show " + object + " failed in " + gitDir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i];
            String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
            out.put(key, value);
        }
        return out;
    }
}
