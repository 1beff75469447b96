package dev.papernotes.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures a corpus of daily-papers pages the way the generator models the seed: title and
 * abstract lengths, the share of titles with a name before the colon, name shapes and collisions,
 * repeats, sentences, vocabulary and its Zipf exponent. Used to compare the seed with a generated
 * corpus ({@code java -cp papernotes-bench.jar dev.papernotes.bench.CorpusStats DIR...}) and by
 * the tests.
 */
public final class CorpusStats {
    private static final Set<String> HEADER = Set.of("new", "get trending papers in your email inbox!", "subscribe",
            "byak and the research community");
    private static final Pattern DATE = Pattern.compile("(?i)(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \\d{1,2}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'-]*");
    private static final Pattern ACRONYM_DEF = Pattern.compile("\\(([A-Za-z0-9][A-Za-z0-9+\\-.]*[A-Z][A-Za-z0-9+\\-.]*)\\)");
    private static final String[] INTRO_PATTERNS = {"we propose", "we introduce", "we present", "called", "dubbed",
        "named", "termed"};
    private static final String[] WORKS = {"BERT", "CLIP", "GPT-4", "LLaVA", "ImageNet", "ViT", "LLaMA", "T5"};
    private static final Pattern[] WORK_PATTERNS = Arrays.stream(WORKS)
            .map(w -> Pattern.compile("(?<![\\w-])" + Pattern.quote(w) + "(?![\\w-])")).toArray(Pattern[]::new);
    private static final Pattern SENTENCE_SPLIT = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Kind of what precedes a title's colon. */
    enum Prefix { NAME, PHRASE, NONE }

    int pages;
    long entries;
    long bytes;
    final Map<String, Integer> occurrences = new HashMap<>();
    final List<Integer> titleLengths = new ArrayList<>();
    final List<Integer> abstractLengths = new ArrayList<>();
    final Map<Prefix, Integer> prefixes = new LinkedHashMap<>();
    final Map<String, Integer> shapes = new TreeMap<>();
    final Map<String, Integer> nameCounts = new HashMap<>();
    final Map<String, Integer> introPatterns = new LinkedHashMap<>();
    final Map<String, Integer> workMentions = new LinkedHashMap<>();
    final Map<String, Long> words = new HashMap<>();
    long sentenceCount;
    long sentenceWords;
    int abstractsWithAcronymDef;
    int nonAsciiTitles;
    int distinct;

    /** Reads every {@code .txt} page under {@code roots}. */
    static CorpusStats of(List<Path> roots) throws IOException {
        CorpusStats s = new CorpusStats();
        for (Prefix p : Prefix.values()) {
            s.prefixes.put(p, 0);
        }
        for (String p : INTRO_PATTERNS) {
            s.introPatterns.put(p, 0);
        }
        for (String w : WORKS) {
            s.workMentions.put(w, 0);
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> st = Files.walk(root)) {
                    st.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
                }
            } else {
                files.add(root);
            }
        }
        for (Path f : files) {
            s.read(f);
        }
        return s;
    }

    private void read(Path file) throws IOException {
        pages++;
        bytes += Files.size(file);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            boolean header = true;
            String title = null;
            while ((line = r.readLine()) != null) {
                line = line.replace("\uFEFF", "").strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (header && (HEADER.contains(line.toLowerCase(Locale.ROOT)) || DATE.matcher(line).matches())) {
                    continue;
                }
                header = false;
                if (line.length() >= 400) {
                    if (title != null) {
                        entry(title, line);
                    }
                    title = null;
                } else {
                    if (title != null) {
                        entry(title, "");
                    }
                    title = line;
                }
            }
            if (title != null) {
                entry(title, "");
            }
        }
    }

    private void entry(String title, String abstractText) {
        entries++;
        String key = NOT_ALNUM.matcher(title.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        if (occurrences.merge(key, 1, Integer::sum) > 1) {
            return;
        }
        distinct++;
        titleLengths.add(title.length());
        abstractLengths.add(abstractText.length());
        if (!title.chars().allMatch(c -> c < 0x80)) {
            nonAsciiTitles++;
        }
        String prefix = prefixOf(title);
        Prefix kind = prefix == null ? Prefix.NONE : isName(prefix) ? Prefix.NAME : Prefix.PHRASE;
        prefixes.merge(kind, 1, Integer::sum);
        if (kind == Prefix.NAME) {
            shapes.merge(shape(prefix), 1, Integer::sum);
            nameCounts.merge(prefix, 1, Integer::sum);
        }
        String lower = abstractText.toLowerCase(Locale.ROOT);
        for (String p : INTRO_PATTERNS) {
            if (lower.contains(p)) {
                introPatterns.merge(p, 1, Integer::sum);
            }
        }
        for (int i = 0; i < WORKS.length; i++) {
            if (WORK_PATTERNS[i].matcher(abstractText).find()) {
                workMentions.merge(WORKS[i], 1, Integer::sum);
            }
        }
        if (ACRONYM_DEF.matcher(abstractText).find()) {
            abstractsWithAcronymDef++;
        }
        for (String sentence : SENTENCE_SPLIT.split(abstractText)) {
            sentenceCount++;
            Matcher m = WORD.matcher(sentence);
            while (m.find()) {
                sentenceWords++;
                words.merge(m.group().toLowerCase(Locale.ROOT), 1L, Long::sum);
            }
        }
    }

    static String prefixOf(String title) {
        int colon = title.indexOf(':');
        int dash = title.indexOf(" -- ");
        int cut = colon < 0 ? dash : dash < 0 ? colon : Math.min(colon, dash);
        return cut <= 0 ? null : title.substring(0, cut).strip();
    }

    /** The heuristic the statistics use: one word, or up to three with a name-shaped one. */
    static boolean isName(String prefix) {
        String[] w = prefix.split(" +");
        if (w.length == 1) {
            return Character.isLetterOrDigit(prefix.codePointAt(0));
        }
        return w.length <= 3 && Arrays.stream(w).anyMatch(x -> AbstractModel.nameLike(x) || x.matches("[vV]\\d.*"));
    }

    static String shape(String name) {
        if (name.contains(" ")) {
            return name.matches(".* ([vV]\\d.*|\\d+(\\.\\d+)?|XL)") ? "versioned" : "multi-word";
        }
        if (name.endsWith("++")) {
            return "plus-plus";
        }
        if (Character.isLowerCase(name.charAt(0))) {
            return "lower-start";
        }
        if (name.contains("-")) {
            return name.matches(".*\\d.*") ? "hyphen-digits" : "hyphen";
        }
        if (name.matches("[A-Z]{2,}s?")) {
            return "all-caps";
        }
        if (name.matches("[A-Z][a-z]+")) {
            return "word";
        }
        if (name.matches(".*[vV]\\d+")) {
            return "versioned";
        }
        if (name.matches(".*\\d.*")) {
            return "digits";
        }
        return "camel";
    }

    // ---------------------------------------------------------------------------------------

    double repeatShare() {
        return entries == 0 ? 0 : (entries - distinct) / (double) entries;
    }

    double share(Prefix p) {
        return distinct == 0 ? 0 : prefixes.get(p) / (double) distinct;
    }

    /** Share of name-prefixed papers whose name another paper of the corpus also has. */
    double collidingNameShare() {
        int named = 0;
        int colliding = 0;
        for (int c : nameCounts.values()) {
            named += c;
            if (c > 1) {
                colliding += c;
            }
        }
        return named == 0 ? 0 : colliding / (double) named;
    }

    /** Names that contain another name of the corpus as a hyphen or space separated part. */
    List<String> nearCollisions() {
        List<String> out = new ArrayList<>();
        Set<String> names = nameCounts.keySet();
        for (String n : names) {
            for (int i = 1; i < n.length() - 1; i++) {
                char c = n.charAt(i);
                if (c == '-' || c == ' ') {
                    String left = n.substring(0, i);
                    String right = n.substring(i + 1);
                    if (names.contains(left) || names.contains(right)) {
                        out.add(n);
                        break;
                    }
                }
            }
            if (n.endsWith("++") && names.contains(n.substring(0, n.length() - 2))) {
                out.add(n);
            }
        }
        out.sort(null);
        return out;
    }

    static int quantile(List<Integer> values, double q) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Integer> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get((int) Math.round(q * (sorted.size() - 1)));
    }

    static double mean(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).average().orElse(0);
    }

    /** Least-squares slope of log frequency over log rank, ranks 1..1000: about -1 for Zipf. */
    double zipfExponent() {
        long[] f = words.values().stream().mapToLong(Long::longValue).sorted().toArray();
        int n = Math.min(1000, f.length);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            double x = Math.log(i + 1);
            double y = Math.log(f[f.length - 1 - i]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    Map<Integer, Integer> occurrenceHistogram() {
        Map<Integer, Integer> h = new TreeMap<>();
        for (int c : occurrences.values()) {
            h.merge(c, 1, Integer::sum);
        }
        return h;
    }

    void print(PrintStream out, String label) {
        out.printf(Locale.ROOT, "== %s%n", label);
        out.printf(Locale.ROOT, "pages %d, entries %d, distinct papers %d, repeat entries %.1f%%, %.1f MB%n", pages,
                entries, distinct, 100 * repeatShare(), bytes / 1e6);
        out.printf(Locale.ROOT, "occurrences per paper: %s%n", occurrenceHistogram());
        out.printf(Locale.ROOT, "title length: p10 %d, p25 %d, median %d, p75 %d, p90 %d, p99 %d, max %d, mean %.1f%n",
                quantile(titleLengths, .1), quantile(titleLengths, .25), quantile(titleLengths, .5),
                quantile(titleLengths, .75), quantile(titleLengths, .9), quantile(titleLengths, .99),
                quantile(titleLengths, 1), mean(titleLengths));
        out.printf(Locale.ROOT, "abstract length: min %d, p10 %d, median %d, p90 %d, max %d, mean %.1f%n",
                quantile(abstractLengths, 0), quantile(abstractLengths, .1), quantile(abstractLengths, .5),
                quantile(abstractLengths, .9), quantile(abstractLengths, 1), mean(abstractLengths));
        out.printf(Locale.ROOT, "title prefix: name %.1f%%, phrase %.1f%%, no colon %.1f%%%n", 100 * share(Prefix.NAME),
                100 * share(Prefix.PHRASE), 100 * share(Prefix.NONE));
        out.printf(Locale.ROOT, "name shapes: %s%n", shapes);
        List<String> near = nearCollisions();
        out.printf(Locale.ROOT, "names: %d distinct, colliding %.2f%% of named papers, near-collisions %d %s%n",
                nameCounts.size(), 100 * collidingNameShare(), near.size(),
                near.subList(0, Math.min(8, near.size())));
        out.printf(Locale.ROOT, "sentences/abstract %.1f, words/sentence %.1f%n",
                sentenceCount / (double) Math.max(1, distinct), sentenceWords / (double) Math.max(1, sentenceCount));
        out.printf(Locale.ROOT, "vocabulary %d words over %d tokens, Zipf exponent %.2f%n", words.size(),
                sentenceWords, zipfExponent());
        Map<String, String> pct = new LinkedHashMap<>();
        introPatterns.forEach((k, v) -> pct.put(k, String.format(Locale.ROOT, "%.0f%%", 100.0 * v / distinct)));
        out.printf(Locale.ROOT, "abstracts with: %s, acronym definition %.0f%%%n", pct,
                100.0 * abstractsWithAcronymDef / distinct);
        Map<String, String> wm = new LinkedHashMap<>();
        workMentions.forEach((k, v) -> wm.put(k, String.format(Locale.ROOT, "%.1f%%", 100.0 * v / distinct)));
        out.printf(Locale.ROOT, "abstracts mentioning: %s%n", wm);
        out.printf(Locale.ROOT, "titles with non-ASCII characters: %d%n", nonAsciiTitles);
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: CorpusStats DIR_OR_FILE...");
            System.exit(2);
        }
        List<Path> roots = new ArrayList<>();
        for (String a : args) {
            roots.add(Path.of(a));
        }
        of(roots).print(System.out, String.join(" ", args));
    }
}
