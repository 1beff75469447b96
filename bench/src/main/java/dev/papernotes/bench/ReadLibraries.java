package dev.papernotes.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.CorpusFormat;
import dev.papernotes.corpus.CorpusReaders;
import dev.papernotes.corpus.CorpusWarning;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads real libraries with the corpus readers and says what came of them: entries read, warnings
 * by kind, and entries lost, that is, entries the file has (counted independently: entry heads in a
 * {@code .bib}, items of the JSON array or the YAML list) that were neither read nor reported.
 *
 * <pre>
 * java -cp papernotes-bench.jar:papernotes.jar dev.papernotes.bench.ReadLibraries FILE|DIR...
 * </pre>
 */
public final class ReadLibraries {
    private static final Pattern HEAD = Pattern.compile("(?m)^\\s*@\\s*([A-Za-z]+)\\s*[{(]");

    private ReadLibraries() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    s.filter(f -> CorpusFormat.byExtension(f) != null).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        Map<CorpusFormat, long[]> totals = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        List<String> losses = new ArrayList<>();
        for (Path f : files) {
            List<CorpusEntry> entries = new ArrayList<>();
            List<CorpusWarning> warnings = new ArrayList<>();
            CorpusFormat format = CorpusReaders.formatOf(f);
            CorpusReaders.read(f, entries::add, warnings::add);
            int skippedWithWarning = 0;
            for (CorpusWarning w : warnings) {
                String kind = w.message().replaceAll("'[^']*'", "'…'").replaceAll("line \\d+", "line N")
                        .replaceAll("\\(.*\\)", "(…)");
                kinds.merge(kind, 1, Integer::sum);
                if (w.message().contains("skipped") && !w.message().contains("rest of the file")) {
                    skippedWithWarning++;
                }
            }
            int expected = expected(f, format);
            int lost = Math.max(0, expected - entries.size() - skippedWithWarning);
            if (lost > 0) {
                losses.add(f + ": " + expected + " entries in the file, " + entries.size() + " read, "
                        + skippedWithWarning + " skipped with a warning");
            }
            long[] t = totals.computeIfAbsent(format, k -> new long[5]);
            t[0]++;
            t[1] += entries.size();
            t[2] += warnings.size();
            t[3] += lost;
            t[4] += expected;
        }
        System.out.println("| format | files | entries in the files | read | warnings | lost |");
        System.out.println("|---|---|---|---|---|---|");
        for (Map.Entry<CorpusFormat, long[]> e : totals.entrySet()) {
            long[] t = e.getValue();
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |%n", e.getKey().label(), t[0], t[4], t[1],
                    t[2], t[3]);
        }
        System.out.println();
        System.out.println("Warnings by kind:");
        kinds.forEach((k, n) -> System.out.printf(Locale.ROOT, "%6d  %s%n", n, k));
        if (!losses.isEmpty()) {
            System.out.println();
            System.out.println("Files with entries lost:");
            losses.forEach(l -> System.out.println("  " + l));
        }
    }

    /** Entries the file holds, counted without the corpus readers; -1 when unknown. */
    private static int expected(Path f, CorpusFormat format) throws Exception {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        switch (format) {
            case BIBTEX -> {
                int n = 0;
                Matcher m = HEAD.matcher(text);
                while (m.find()) {
                    String type = m.group(1).toLowerCase(Locale.ROOT);
                    // comments, macros, the preamble and biblatex's entry sets and data containers are no papers
                    if (!java.util.Set.of("comment", "string", "preamble", "set", "xdata").contains(type)) {
                        n++;
                    }
                }
                return n;
            }
            case CSL_JSON -> {
                try {
                    JsonElement e = JsonParser.parseString(text);
                    return e.isJsonArray() ? e.getAsJsonArray().size() : 1;
                } catch (RuntimeException e) {
                    return 0;
                }
            }
            case CSL_YAML -> {
                try {
                    Object doc = new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder()
                            .setCodePointLimit(Integer.MAX_VALUE).build()).loadFromString(text);
                    if (doc instanceof Map<?, ?> m && m.get("references") instanceof List<?> l) {
                        return l.size();
                    }
                    return doc instanceof List<?> l ? l.size() : 0;
                } catch (RuntimeException e) {
                    return 0;
                }
            }
            case ARXIV_JSONL -> {
                return (int) text.lines().filter(l -> !l.isBlank()).count();
            }
            default -> {
                return 0;
            }
        }
    }
}
