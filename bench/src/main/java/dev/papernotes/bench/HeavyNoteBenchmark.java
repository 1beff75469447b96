package dev.papernotes.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;

/**
 * Heavily linked notes (issue 16, item 2): one note with N {@code [[Dragonfly]]} links, one with
 * N {@code @dragonfly} citations, and a workspace of M notes that all mention Dragonfly. Every
 * request a note can get is timed over stdio against the packaged server, twice: right after an
 * edit of the note (the editor's usual order: the analysis of the new text is part of the answer)
 * and again on the same text (answered from the cached analysis). Goals: every request on the
 * heavy notes within 100 ms, references (which list every mention in the workspace) within 300 ms,
 * also across the M notes.
 *
 * <pre>
 * java -cp bench/target/papernotes-bench.jar:server/target/papernotes.jar dev.papernotes.bench.HeavyNoteBenchmark \
 *      --jar server/target/papernotes.jar --corpus corpus [--links 20000] [--notes 10000] [--rounds 15] \
 *      [--heap 256m] [--work DIR] [--out bench/results]
 * </pre>
 * The corpus must hold a paper named Dragonfly with the citekey {@code dragonfly} (the bundled one does).
 */
public final class HeavyNoteBenchmark {
    private static final String[] OPS = {"documentLink", "hover", "definition", "completion", "references",
        "codeAction"};

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        Path jar = Path.of(opts.getOrDefault("--jar", "server/target/papernotes.jar")).toAbsolutePath();
        Path corpus = Path.of(opts.getOrDefault("--corpus", "corpus")).toAbsolutePath().normalize();
        Path work = Path.of(opts.getOrDefault("--work", "/tmp/papernotes-heavy-bench")).toAbsolutePath();
        Path out = Path.of(opts.getOrDefault("--out", "bench/results"));
        int links = Integer.parseInt(opts.getOrDefault("--links", "20000"));
        int notes = Integer.parseInt(opts.getOrDefault("--notes", "10000"));
        int rounds = Integer.parseInt(opts.getOrDefault("--rounds", "15"));
        String heap = opts.getOrDefault("--heap", "256m");

        Benchmark.deleteTree(work);
        Path workspace = Files.createDirectories(work.resolve("notes"));
        for (int i = 0; i < notes; i++) {
            Path dir = Files.createDirectories(workspace.resolve(String.format("d%03d", i / 100)));
            Files.writeString(dir.resolve(String.format("note-%05d.md", i)), "# Note " + i + "\n\n"
                    + "We compared against Dragonfly on the zoom task; see [[Dragonfly]] and [@dragonfly, p. 3].\n"
                    + "Other work: [[note-" + ((i + 1) % notes) + "]].\n");
        }
        JsonObject options = new JsonObject();
        JsonArray roots = new JsonArray();
        roots.add(corpus.toString());
        options.add("corpus", roots);
        options.addProperty("indexDir", work.resolve("index").toString());

        JsonObject result = new JsonObject();
        result.addProperty("links", links);
        result.addProperty("workspaceNotes", notes);
        result.addProperty("heap", heap);
        try (ServerUnderTest s = new ServerUnderTest(jar, heap, work, work.resolve("server.log"))) {
            s.initialize(workspace, options);
            s.awaitLog(m -> m.contains("notes ready"), 600);
            Benchmark.log("%s", s.logs.stream().filter(m -> m.getMessage().contains("ready"))
                    .map(m -> m.getMessage()).toList());
            result.add("wikiLinks", measureNote(s, workspace.resolve("heavy-wiki.md"),
                    repeat("See [[Dragonfly]] here. ", links, 8), "[[Dragonfly]]", rounds));
            result.add("citations", measureNote(s, workspace.resolve("heavy-cite.md"),
                    repeat("See @dragonfly here. ", links, 8), "@dragonfly", rounds));
            // References across the workspace, from an ordinary note; the heavy notes closed (unsaved, they leave).
            for (String heavy : List.of("heavy-wiki.md", "heavy-cite.md")) {
                s.server.getTextDocumentService().didClose(new org.eclipse.lsp4j.DidCloseTextDocumentParams(
                        new TextDocumentIdentifier(workspace.resolve(heavy).toUri().toString())));
            }
            Path small = workspace.resolve("d000").resolve("note-00000.md");
            String uri = small.toUri().toString();
            String text = Files.readString(small);
            s.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, "markdown", 1, text)));
            Position onLink = positionOf(text, "[[Dragonfly]]", 3);
            List<Double> ms = new ArrayList<>();
            int found = 0;
            for (int i = 0; i < rounds + 2; i++) {
                long t = System.nanoTime();
                found = s.server.getTextDocumentService().references(new ReferenceParams(
                        new TextDocumentIdentifier(uri), onLink, new ReferenceContext(false))).get(120, TimeUnit.SECONDS).size();
                if (i >= 2) {
                    ms.add((System.nanoTime() - t) / 1e6);
                }
            }
            JsonObject refs = percentiles(ms);
            refs.addProperty("locations", found);
            result.add("referencesAcrossNotes", refs);
            Benchmark.log("references across %d notes: %s", notes, refs);
            dumpFlightRecording(s);
        }
        Files.createDirectories(out);
        String json = new GsonBuilder().setPrettyPrinting().create().toJson(result);
        Files.writeString(out.resolve("heavy-notes.json"), json);
        System.out.println(json);
    }

    /**
     * With {@code BENCH_JFR=FILE} (and the server started with {@code -XX:StartFlightRecording} in
     * {@code BENCH_SERVER_OPTS}), dumps the recording before the server exits: it halts on exit,
     * so {@code dumponexit} never happens.
     */
    private static void dumpFlightRecording(ServerUnderTest s) throws Exception {
        String file = System.getenv("BENCH_JFR");
        if (file == null || file.isBlank()) {
            return;
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(s.process.pid()), "JFR.dump", "filename=" + file).inheritIO().start();
        p.waitFor(120, TimeUnit.SECONDS);
    }

    /** {@code unit} {@code count} times, {@code perLine} to a line. */
    private static String repeat(String unit, int count, int perLine) {
        StringBuilder sb = new StringBuilder("# Heavy\n\n");
        for (int i = 0; i < count; i++) {
            sb.append(unit);
            if (i % perLine == perLine - 1) {
                sb.append('\n');
            }
        }
        return sb.append("\nMore: [[Drag").toString();
    }

    private static JsonObject measureNote(ServerUnderTest s, Path file, String text, String needle, int rounds)
            throws Exception {
        String uri = file.toUri().toString();
        var docs = s.server.getTextDocumentService();
        docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "markdown", 1, text)));
        Position middle = positionOf(text, needle, text.length() / 2);
        Position end = endOf(text);
        JsonObject out = new JsonObject();
        int version = 1;
        for (String op : OPS) {
            List<Double> afterEdit = new ArrayList<>();
            List<Double> cached = new ArrayList<>();
            int size = 0;
            for (int i = 0; i < rounds + 2; i++) {
                // An edit far from the cursor (a space typed at the end of the first line), then the request.
                version++;
                var change = new TextDocumentContentChangeEvent(new Range(new Position(0, 7), new Position(0, 7)),
                        i % 2 == 0 ? " " : "");
                if (i % 2 == 1) {
                    change = new TextDocumentContentChangeEvent(new Range(new Position(0, 7), new Position(0, 8)), "");
                }
                docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                        List.of(change)));
                long t = System.nanoTime();
                Object r = request(s, op, uri, middle, end).get(120, TimeUnit.SECONDS);
                double first = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                request(s, op, uri, middle, end).get(120, TimeUnit.SECONDS);
                double second = (System.nanoTime() - t) / 1e6;
                if (i >= 2) {
                    afterEdit.add(first);
                    cached.add(second);
                }
                size = sizeOf(r);
            }
            JsonObject o = new JsonObject();
            o.add("afterEdit", percentiles(afterEdit));
            o.add("cached", percentiles(cached));
            o.addProperty("items", size);
            out.add(op, o);
            Benchmark.log("%-12s %-12s after edit %s, cached %s (%d items)", file.getFileName(), op,
                    o.get("afterEdit"), o.get("cached"), size);
        }
        return out;
    }

    private static CompletableFuture<?> request(ServerUnderTest s, String op, String uri, Position middle, Position end) {
        var docs = s.server.getTextDocumentService();
        TextDocumentIdentifier doc = new TextDocumentIdentifier(uri);
        return switch (op) {
            case "documentLink" -> docs.documentLink(new DocumentLinkParams(doc));
            case "hover" -> docs.hover(new HoverParams(doc, middle));
            case "definition" -> docs.definition(new DefinitionParams(doc, middle));
            case "completion" -> docs.completion(new CompletionParams(doc, end));
            case "references" -> docs.references(new ReferenceParams(doc, middle, new ReferenceContext(true)));
            case "codeAction" -> docs.codeAction(new CodeActionParams(doc, new Range(middle, middle),
                    new CodeActionContext(List.of())));
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static int sizeOf(Object r) {
        if (r instanceof List<?> l) {
            return l.size();
        }
        if (r instanceof org.eclipse.lsp4j.jsonrpc.messages.Either<?, ?> e) {
            return sizeOf(e.get());
        }
        if (r instanceof org.eclipse.lsp4j.CompletionList c) {
            return c.getItems().size();
        }
        return r == null ? 0 : 1;
    }

    /** The position inside the occurrence of {@code needle} nearest after {@code from}. */
    private static Position positionOf(String text, String needle, int from) {
        int at = text.indexOf(needle, from);
        if (at < 0) {
            at = text.indexOf(needle);
        }
        int offset = at + needle.length() / 2;
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart);
    }

    private static Position endOf(String text) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, text.length() - lineStart);
    }

    private static JsonObject percentiles(List<Double> ms) {
        double[] a = ms.stream().mapToDouble(Double::doubleValue).toArray();
        return Benchmark.percentiles(a);
    }
}
