package dev.papernotes.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Deterministic synthetic libraries for the library benchmark: a Better BibTeX-shaped {@code .bib}
 * and an arXiv-snapshot-shaped JSON Lines file. Titles and abstracts come from the same model as the
 * synthetic daily pages (so method names are extracted from realistic text); authors, years, venues,
 * DOIs and arXiv ids are made up from the paper number.
 *
 * <pre>
 * java -cp papernotes-bench.jar dev.papernotes.bench.LibraryGenerator --bib N FILE [--seed S]
 * java -cp papernotes-bench.jar dev.papernotes.bench.LibraryGenerator --jsonl N FILE [--seed S]
 * </pre>
 */
public final class LibraryGenerator {
    private static final String[] SYLLABLES = {"ka", "ren", "vas", "wa", "ni", "lo", "mer", "tan", "sho", "zel",
        "bri", "gon", "dal", "fi", "ru", "pe", "xo", "li", "mo", "an", "el", "sa", "to", "vi", "qu", "ber"};
    private static final String[] VENUES = {"Advances in Neural Information Processing Systems",
        "International Conference on Machine Learning", "International Conference on Learning Representations",
        "Proceedings of the Annual Meeting of the Association for Computational Linguistics",
        "Transactions on Machine Learning Research", "Journal of Machine Learning Research",
        "Conference on Computer Vision and Pattern Recognition", "Nature Machine Intelligence"};
    private static final String[] CATEGORIES = {"cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML", "cs.IR", "cs.RO"};

    private final PaperFactory factory;
    private final ByteBuf abs = new ByteBuf(4096);
    private final long seed;

    LibraryGenerator(long seed) {
        this.seed = seed;
        this.factory = new PaperFactory(new CorpusModel(seed));
    }

    public static void main(String[] args) throws IOException {
        long seed = 1;
        String kind = null;
        long n = 0;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bib", "--jsonl" -> {
                    kind = args[i];
                    n = Long.parseLong(args[++i].replace("_", ""));
                    out = Path.of(args[++i]);
                }
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (kind == null) {
            System.err.println("usage: LibraryGenerator (--bib N FILE | --jsonl N FILE) [--seed S]");
            System.exit(2);
        }
        long start = System.nanoTime();
        LibraryGenerator g = new LibraryGenerator(seed);
        if (kind.equals("--bib")) {
            g.writeBib(n, out);
        } else {
            g.writeJsonl(n, out);
        }
        System.err.printf(Locale.ROOT, "wrote %d %s entries to %s (%.1f MB) in %.1f s%n", n, kind.substring(2), out,
                Files.size(out) / 1e6, (System.nanoTime() - start) / 1e9);
    }

    record Paper(String title, String abstractText, List<String[]> authors, int year, int month, String venue,
            String doi, String arxiv, List<String> categories) {
    }

    Paper paper(long k) {
        PaperFactory.Info info = factory.info(k);
        abs.clear();
        factory.appendAbstract(info, abs);
        Rng r = new Rng(Rng.streamSeed(seed, 97, k));
        int nAuthors = 1 + r.nextInt(r.nextInt(4) == 0 ? 12 : 5);
        List<String[]> authors = new java.util.ArrayList<>();
        for (int i = 0; i < nAuthors; i++) {
            authors.add(new String[] {word(r, 2 + r.nextInt(2)), word(r, 2)});
        }
        // arXiv-style ids must be unique: the year and month follow the paper number.
        int year = 2015 + (int) ((k / 100_000) % 10);
        int month = 1 + (int) ((k / 1_000_000) % 12);
        String arxiv = String.format(Locale.ROOT, "%02d%02d.%05d", year % 100, month, k % 100_000);
        String doi = r.nextInt(10) < 6 ? "10.5555/bench." + k : "";
        List<String> cats = List.of(CATEGORIES[r.nextInt(CATEGORIES.length)], CATEGORIES[r.nextInt(CATEGORIES.length)]);
        return new Paper(info.title(), abs.toUtf8(), authors, year, month, VENUES[r.nextInt(VENUES.length)], doi,
                arxiv, cats);
    }

    private static String word(Rng r, int syllables) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            sb.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(sb.charAt(0)) + sb.substring(1);
    }

    void writeBib(long n, Path out) throws IOException {
        Set<String> keys = new HashSet<>();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("@string{neurips = {Advances in Neural Information Processing Systems}}\n\n");
            for (long k = 0; k < n; k++) {
                Paper p = paper(k);
                w.write(bibEntry(p, uniqueKey(p, keys)));
                w.write('\n');
            }
        }
    }

    static String uniqueKey(Paper p, Set<String> keys) {
        String first = p.title().replaceAll("[^A-Za-z0-9 ]", " ").strip();
        String[] words = first.split("\\s+");
        StringBuilder base = new StringBuilder(p.authors().get(0)[0].toLowerCase(Locale.ROOT));
        for (int i = 0; i < Math.min(3, words.length); i++) {
            if (!words[i].isEmpty()) {
                base.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
        }
        base.append(p.year());
        String key = base.toString();
        for (char c = 'a'; !keys.add(key); c++) {
            key = base.toString() + c; // Better BibTeX's disambiguation: a, b, c, ...
            if (c == 'z') {
                c = 'a' - 1;
                base.append('x');
            }
        }
        return key;
    }

    /** A Better BibTeX-shaped BibTeX entry: protected capitals, escaped specials, one field a line. */
    static String bibEntry(Paper p, String key) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("@inproceedings{").append(key).append(",\n");
        sb.append("  title = {").append(protect(escape(p.title()))).append("},\n");
        sb.append("  author = {");
        for (int i = 0; i < p.authors().size(); i++) {
            sb.append(i == 0 ? "" : " and ").append(p.authors().get(i)[0]).append(", ").append(p.authors().get(i)[1]);
        }
        sb.append("},\n");
        sb.append("  year = {").append(p.year()).append("},\n");
        sb.append("  booktitle = ").append(p.venue().startsWith("Advances") ? "neurips" : "{" + p.venue() + "}")
                .append(",\n");
        if (!p.doi().isEmpty()) {
            sb.append("  doi = {").append(p.doi()).append("},\n");
        }
        sb.append("  eprint = {").append(p.arxiv()).append("},\n");
        sb.append("  archiveprefix = {arXiv},\n  primaryclass = {cs},\n");
        sb.append("  url = {http://arxiv.org/abs/").append(p.arxiv()).append("},\n");
        sb.append("  abstract = {").append(escape(p.abstractText())).append("},\n");
        sb.append("  keywords = {").append(String.join(",", p.categories())).append("}\n");
        sb.append("}\n");
        return sb.toString();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(c);
                case '\\' -> sb.append("\\textbackslash{}");
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Words with capitals after the first letter keep them in BibTeX only inside double braces. */
    private static String protect(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (String w : s.split(" ", -1)) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            boolean inner = false;
            for (int i = 1; i < w.length(); i++) {
                inner |= Character.isUpperCase(w.charAt(i));
            }
            sb.append(inner && !w.contains("\\") ? "{{" + w + "}}" : w);
        }
        return sb.toString();
    }

    void writeJsonl(long n, Path out) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (long k = 0; k < n; k++) {
                w.write(jsonLine(paper(k), k));
                w.write('\n');
            }
        }
    }

    /**
     * The benchmark's {@code arxiv} profile: {@code arxiv-metadata.jsonl} in {@code dir}, a truth file
     * of titles as the other profiles write it, and a manifest written last (a corpus without one is
     * generated again).
     */
    static void writeArxivCorpus(long n, Path dir, Path truth, long seed) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("generator-manifest.json"));
        LibraryGenerator g = new LibraryGenerator(seed);
        Path file = dir.resolve("arxiv-metadata.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                BufferedWriter t = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
            for (long k = 0; k < n; k++) {
                Paper p = g.paper(k);
                w.write(jsonLine(p, k));
                w.write('\n');
                t.write("{\"paper\":" + k + ",\"title\":" + CorpusGenerator.json(p.title()) + "}\n");
            }
        }
        Files.writeString(dir.resolve("generator-manifest.json"), "{\n  \"generator\": \""
                + LibraryGenerator.class.getName() + "\",\n  \"profile\": \"arxiv\",\n  \"papers\": " + n
                + ",\n  \"seed\": " + seed + ",\n  \"bytes\": " + Files.size(file) + "\n}\n");
    }

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    /** One line in the shape of the arXiv metadata snapshot. */
    static String jsonLine(Paper p, long k) {
        JsonObject o = new JsonObject();
        o.addProperty("id", p.arxiv());
        o.addProperty("submitter", p.authors().get(0)[1] + " " + p.authors().get(0)[0]);
        StringBuilder names = new StringBuilder();
        JsonArray parsed = new JsonArray();
        for (int i = 0; i < p.authors().size(); i++) {
            String[] a = p.authors().get(i);
            names.append(i == 0 ? "" : i == p.authors().size() - 1 ? " and " : ", ").append(a[1]).append(' ').append(a[0]);
            JsonArray one = new JsonArray();
            one.add(a[0]);
            one.add(a[1]);
            one.add("");
            parsed.add(one);
        }
        o.addProperty("authors", names.toString());
        // The snapshot wraps long titles and abstracts at about 70 columns.
        String title = p.title();
        int cut = title.length() > 70 ? title.lastIndexOf(' ', 70) : -1;
        o.addProperty("title", cut > 0 ? title.substring(0, cut) + "\n  " + title.substring(cut + 1) : title);
        o.add("comments", k % 3 == 0 ? new JsonPrimitive((8 + k % 20) + " pages") : null);
        o.add("journal-ref", k % 4 == 0 ? new JsonPrimitive(p.venue() + " " + p.year()) : null);
        o.add("doi", p.doi().isEmpty() ? null : new JsonPrimitive(p.doi()));
        o.add("report-no", null);
        o.addProperty("categories", String.join(" ", p.categories()));
        o.addProperty("license", "http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
        o.addProperty("abstract", "  " + wrap(p.abstractText()) + "\n");
        JsonArray versions = new JsonArray();
        JsonObject v1 = new JsonObject();
        v1.addProperty("version", "v1");
        int day = 1 + (int) (k % 28);
        v1.addProperty("created", String.format(Locale.ROOT, "%s, %d %s %d 10:00:00 GMT", DAYS[(int) (k % 7)], day,
                MONTHS[p.month() - 1], p.year()));
        versions.add(v1);
        o.add("versions", versions);
        o.addProperty("update_date", String.format(Locale.ROOT, "%d-%02d-%02d", p.year(), p.month(), day));
        o.add("authors_parsed", parsed);
        return new com.google.gson.GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(o);
    }

    private static String wrap(String s) {
        StringBuilder sb = new StringBuilder(s.length() + s.length() / 60);
        int col = 0;
        for (String w : s.split(" ")) {
            if (col > 0 && col + w.length() > 70) {
                sb.append('\n');
                col = 0;
            } else if (col > 0) {
                sb.append(' ');
                col++;
            }
            sb.append(w);
            col += w.length();
        }
        return sb.toString();
    }
}
