package dev.papernotes.bench;

import dev.papernotes.config.Settings;
import dev.papernotes.features.CompletionService;
import dev.papernotes.features.DocumentSymbolService;
import dev.papernotes.features.FeatureContext;
import dev.papernotes.features.FoldingService;
import dev.papernotes.features.InlayHintService;
import dev.papernotes.features.SemanticTokensService;
import dev.papernotes.index.IndexStore;
import dev.papernotes.index.Paper;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.index.Suggester.Scope;
import dev.papernotes.index.UpdateProgress;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.NoteWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Position;

/**
 * The cost of the editing views in the server's own code (no protocol): completion on queries that
 * name nothing (the abstract fallback runs) next to the name/title tiers alone and to ordinary
 * name prefixes, and per keystroke in a note full of references: the analysis (shared with
 * diagnostics), inlay hints, semantic tokens, outline and folding.
 *
 * <pre>
 * java -cp bench.jar:papernotes.jar dev.papernotes.bench.EditingBench --corpus DIR --index DIR
 *      [--queries 300] [--refs 300]
 * </pre>
 */
public final class EditingBench {
    private EditingBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path corpus = Path.of(opts.get("corpus")).toRealPath();
        Path indexDir = Path.of(opts.get("index")).toAbsolutePath();
        int queries = Integer.parseInt(opts.getOrDefault("queries", "300"));
        int refs = Integer.parseInt(opts.getOrDefault("refs", "300"));
        Random random = new Random(20261122);

        try (IndexStore store = IndexStore.open(indexDir, List.of(corpus), 64)) {
            long t0 = System.nanoTime();
            var r = store.update(w -> { }, UpdateProgress.NONE, false);
            System.out.printf(Locale.ROOT, "index: %d papers, %s in %.1f s%n", r.papers(),
                    r.committed() ? "built" : "reused", (System.nanoTime() - t0) / 1e9);
            try (PaperIndex index = store.acquire()) {
                List<Paper> sample = sample(index, 2000, random);
                NoteWorkspace workspace = new NoteWorkspace();
                FeatureContext ctx = new FeatureContext(index, workspace, Settings.DEFAULTS, List.of(corpus), true);
                completion(ctx, index, sample, queries, random);
                views(ctx, workspace, sample, refs, random);
            }
        }
    }

    /** Every n-th paper in corpus order, shuffled. */
    private static List<Paper> sample(PaperIndex index, int n, Random random) throws Exception {
        int step = Math.max(1, index.paperCount() / n);
        List<Paper> out = new ArrayList<>();
        int[] i = {0};
        index.forEach(p -> {
            if (i[0]++ % step == 0) {
                out.add(p);
            }
        });
        java.util.Collections.shuffle(out, random);
        return out;
    }

    private static void completion(FeatureContext ctx, PaperIndex index, List<Paper> sample, int queries, Random random)
            throws Exception {
        List<String> phrases = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (Paper p : sample) {
            String[] words = p.abstractText().toLowerCase(Locale.ROOT).replaceAll("[^a-z\\- ]", " ").trim().split("\\s+");
            if (words.length > 20 && phrases.size() < queries) {
                int at = 5 + random.nextInt(words.length - 10);
                phrases.add(String.join(" ", Arrays.copyOfRange(words, at, at + 3)));
            }
            if (!p.methods().isEmpty() && prefixes.size() < queries) {
                String m = p.methods().get(0);
                prefixes.add(m.substring(0, Math.min(4, m.length())));
            }
        }
        for (int round = 0; round < 2; round++) { // the first round warms up
            boolean report = round == 1;
            measureCompletion(ctx, "abstract phrases (3 words)", phrases, report);
            measureTiers(index, "  same, name/title tiers alone", phrases, report);
            measureCompletion(ctx, "name prefixes (4 letters)", prefixes, report);
        }
    }

    private static void measureCompletion(FeatureContext ctx, String what, List<String> queries, boolean report)
            throws Exception {
        long[] nanos = new long[queries.size()];
        int fallback = 0;
        int empty = 0;
        for (int i = 0; i < queries.size(); i++) {
            String text = "[[" + queries.get(i);
            NoteDocument doc = new NoteDocument("file:///bench/q" + i + ".md", null, text, 1, true);
            doc.model();
            long t = System.nanoTime();
            CompletionList list = CompletionService.complete(ctx, doc, new Position(0, text.length()));
            nanos[i] = System.nanoTime() - t;
            if (list.getItems().isEmpty()) {
                empty++;
                if (report) {
                    System.out.println("  empty: [[" + queries.get(i));
                }
            }
            for (CompletionItem item : list.getItems()) {
                if (item.getLabelDetails() != null && item.getLabelDetails().getDescription() != null) {
                    fallback++;
                    break;
                }
            }
        }
        if (report) {
            System.out.printf(Locale.ROOT, "completion, %s: %s; abstract fallback answered %d of %d, empty %d%n",
                    what, percentiles(nanos), fallback, queries.size(), empty);
        }
    }

    private static void measureTiers(PaperIndex index, String what, List<String> queries, boolean report)
            throws Exception {
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long t = System.nanoTime();
            index.suggester().suggest(queries.get(i), Scope.WIKI, 50);
            nanos[i] = System.nanoTime() - t;
        }
        if (report) {
            System.out.printf(Locale.ROOT, "completion, %s: %s%n", what, percentiles(nanos));
        }
    }

    /**
     * A note of {@code refs} lines, each with a citation, a wiki link and a bare mention of sample
     * papers, under headings and with fenced code; then edits, each a new version of the note.
     */
    private static void views(FeatureContext ctx, NoteWorkspace workspace, List<Paper> sample, int refs, Random random)
            throws Exception {
        StringBuilder text = new StringBuilder("---\ntitle: bench\n---\n# Reading\n\n");
        int named = 0;
        for (int i = 0; i < refs; i++) {
            Paper p = sample.get(i % sample.size());
            Paper q = sample.get((i * 7 + 3) % sample.size());
            if (i % 25 == 0) {
                text.append("\n## Part ").append(i / 25).append("\n\n```\ncode @x [[y]]\n```\n\n");
            }
            String name = q.methods().isEmpty() ? q.title() : q.methods().get(0);
            named += q.methods().isEmpty() ? 0 : 1;
            text.append("See @").append(p.citekey()).append(" and [[").append(name).append("]] and ")
                    .append(name).append(" here.\n");
        }
        String uri = "file:///bench/note.md";
        workspace.open(uri, text.toString(), 1);
        int edits = 200;
        long[] analysis = new long[edits];
        long[] hints = new long[edits];
        long[] tokens = new long[edits];
        long[] symbols = new long[edits];
        long[] folding = new long[edits];
        int hintCount = 0;
        int tokenCount = 0;
        for (int e = 0; e < edits; e++) {
            NoteDocument doc = workspace.change(uri, text.append(random.nextBoolean() ? "x" : " ").toString(), e + 2);
            doc.model();
            analysis[e] = time(() -> ctx.analysis(doc));
            hints[e] = time(() -> InlayHintService.hints(ctx, doc, null));
            tokens[e] = time(() -> SemanticTokensService.tokens(ctx, doc, null));
            symbols[e] = time(() -> DocumentSymbolService.symbols(doc));
            folding[e] = time(() -> FoldingService.ranges(doc, null));
            hintCount = InlayHintService.hints(ctx, doc, null).size();
            tokenCount = SemanticTokensService.tokens(ctx, doc, null).getData().size() / 5;
        }
        int lines = text.toString().split("\n").length;
        System.out.printf(Locale.ROOT, "note of %d lines (%d refs a kind, %d by name), per edit (first 100 warm up):%n",
                lines, refs, named);
        System.out.printf(Locale.ROOT, "  analysis (shared with diagnostics): %s%n", percentiles(tail(analysis)));
        System.out.printf(Locale.ROOT, "  inlay hints (%d, whole note): %s%n", hintCount, percentiles(tail(hints)));
        System.out.printf(Locale.ROOT, "  semantic tokens (%d, full): %s%n", tokenCount, percentiles(tail(tokens)));
        System.out.printf(Locale.ROOT, "  document symbols: %s%n", percentiles(tail(symbols)));
        System.out.printf(Locale.ROOT, "  folding ranges: %s%n", percentiles(tail(folding)));
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static long time(Work w) throws Exception {
        long t = System.nanoTime();
        w.run();
        return System.nanoTime() - t;
    }

    private static long[] tail(long[] a) {
        return Arrays.copyOfRange(a, a.length / 2, a.length);
    }

    private static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "p50 %.2f ms, p95 %.2f, p99 %.2f, max %.2f", at(s, 0.50), at(s, 0.95),
                at(s, 0.99), s[s.length - 1] / 1e6);
    }

    /** Milliseconds at quantile {@code q} of sorted nanosecond timings (the element at floor(q·n)). */
    static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }
}
