package dev.papernotes.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;

/**
 * The real-notes evaluation: runs the packaged server over folders of real notes, as an editor
 * would (open each note, wait for its diagnostics, hover over every word, ask for its document
 * links), and scores what it recognised against a labels file.
 *
 * <pre>
 * NotesEval --jar server.jar --work DIR --sources eval/notes/sources.tsv --labels eval/notes/labels.tsv
 *           --corpus corpus [--index DIR] [--found FILE] [--out FILE] [--only NAME,...]
 * </pre>
 *
 * {@code DIR} is what {@code eval/notes/materialize.py} wrote: {@code notes/<name>/} (one workspace
 * each), {@code notes/<name>.list} (the notes to open) and {@code corpus/<name>/} (daily-papers
 * pages). The corpus is {@code --corpus} (the bundled one) plus every {@code corpus/*} folder.
 *
 * <p>A bare mention is a hover range that is neither inside {@code [[...]]} nor a citation. Its
 * label says whether it is the paper the author meant ({@code right}) or not ({@code wrong}); for a
 * name several papers share, right when the author meant one of them. A warning's label says
 * whether it points at a real problem. Precision counts labelled mentions only; recall is pooled:
 * the right mentions found over every right mention in the labels (found by this or an earlier
 * version of the server).
 *
 * <p>Splits: a collection whose {@code sources.tsv} row ends in a split column {@code fresh} is a
 * fresh held-out as a whole (labelled before any further rule change, only scored); one whose row
 * says {@code tune} is tuning data as a whole (a fresh held-out once scored and then read); the
 * blocks of every other collection are {@code tune} or {@code held-out} by
 * {@link #split(String, String, int)}.
 */
public final class NotesEval {
    /** How many hover requests are in flight at once (the server answers them in order). */
    private static final int WINDOW = 256;

    record Found(String collection, String path, int line, int column, String kind, String name, String detail) {
        String key() {
            return collection + "\t" + path + "\t" + line + "\t" + column + "\t" + kind + "\t" + name;
        }
    }

    record Label(String split, String collection, String path, int line, int column, String kind, String name,
            String verdict) {
        String key() {
            return collection + "\t" + path + "\t" + line + "\t" + column + "\t" + kind + "\t" + name;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.computeIfAbsent(args[i], k -> new ArrayList<>()).add(args[i + 1]);
        }
        Path jar = Path.of(one(opts, "--jar", "server/target/papernotes.jar")).toAbsolutePath();
        Path work = Path.of(one(opts, "--work", "/tmp/papernotes-eval")).toAbsolutePath();
        Path sources = Path.of(one(opts, "--sources", "eval/notes/sources.tsv"));
        Path labelsFile = Path.of(one(opts, "--labels", "eval/notes/labels.tsv"));
        Path foundFile = Path.of(one(opts, "--found", work.resolve("found.tsv").toString()));
        String only = one(opts, "--only", "");
        List<String> corpus = new ArrayList<>();
        for (String c : opts.getOrDefault("--corpus", List.of("corpus"))) {
            corpus.add(Path.of(c).toAbsolutePath().normalize().toString()); // the server reads it from the workspace
        }
        try (var dirs = Files.list(work.resolve("corpus"))) {
            dirs.filter(Files::isDirectory).sorted().forEach(d -> corpus.add(d.toString()));
        }
        Path index = Path.of(one(opts, "--index", work.resolve("index").toString())).toAbsolutePath();

        List<Found> found = new ArrayList<>();
        Map<String, String[]> collections = new LinkedHashMap<>();
        Map<String, String> whole = wholeSplits(Files.readAllLines(sources));
        for (String line : Files.readAllLines(sources)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (!f[0].equals("notes") || (!only.isEmpty() && !List.of(only.split(",")).contains(f[1]))) {
                continue;
            }
            collections.put(f[1], f);
            found.addAll(runCollection(jar, work, f[1], corpus, index, one(opts, "--heap", "768m")));
        }
        List<String> out = new ArrayList<>();
        out.add("collection\tpath\tline\tcolumn\tkind\tname\tdetail");
        for (Found x : found) {
            out.add(x.key() + "\t" + x.detail());
        }
        Files.createDirectories(foundFile.toAbsolutePath().getParent());
        Files.write(foundFile, out, StandardCharsets.UTF_8);
        List<Label> labels = Files.exists(labelsFile) ? readLabels(labelsFile, whole) : List.of();
        String report = score(found, labels, collections.keySet(), whole);
        System.out.println(report);
        if (opts.containsKey("--out")) {
            Files.writeString(Path.of(one(opts, "--out", "")), report, StandardCharsets.UTF_8);
        }
    }

    private static String one(Map<String, List<String>> opts, String key, String fallback) {
        List<String> v = opts.get(key);
        return v == null || v.isEmpty() ? fallback : v.get(v.size() - 1);
    }

    // ---- running the server ----

    static List<Found> runCollection(Path jar, Path work, String name, List<String> corpus, Path index, String heap)
            throws Exception {
        Path root = work.resolve("notes").resolve(name).toRealPath();
        List<String> notes = Files.readAllLines(work.resolve("notes").resolve(name + ".list"));
        JsonObject options = new JsonObject();
        JsonArray roots = new JsonArray();
        corpus.forEach(roots::add);
        options.add("corpus", roots);
        options.addProperty("indexDir", index.toString());
        List<Found> out = new ArrayList<>();
        long t0 = System.nanoTime();
        try (ServerUnderTest s = new ServerUnderTest(jar, heap, work, work.resolve("server-" + name + ".log"))) {
            s.initialize(root, options);
            s.awaitLog(m -> m.contains("notes ready"), 1800);
            for (String rel : notes) {
                Path file = root.resolve(rel);
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                out.addAll(runNote(s, name, rel, file.toUri().toString(), text));
            }
        }
        Benchmark.log("%s: %d notes in %.1f s", name, notes.size(), (System.nanoTime() - t0) / 1e9);
        return out;
    }

    static List<Found> runNote(ServerUnderTest s, String collection, String rel, String uri, String text)
            throws Exception {
        List<Found> out = new ArrayList<>();
        s.diagnostics.remove(uri);
        s.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "markdown", 1, text)));
        Lines lines = new Lines(text);

        // Every word start, hovered; the server answers with the range of what it recognised there.
        TreeMap<Integer, Range> ranges = new TreeMap<>();
        Map<Integer, String> titles = new java.util.HashMap<>();
        List<Integer> starts = wordStarts(text);
        TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
        for (int from = 0; from < starts.size(); from += WINDOW) {
            List<CompletableFuture<Hover>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(starts.size(), from + WINDOW); i++) {
                batch.add(s.server.getTextDocumentService().hover(new HoverParams(id, lines.position(starts.get(i)))));
            }
            for (CompletableFuture<Hover> f : batch) {
                Hover h = f.get(120, TimeUnit.SECONDS);
                if (h != null && h.getRange() != null) {
                    int at = lines.offset(h.getRange().getStart());
                    ranges.put(at, h.getRange());
                    titles.put(at, titlesOf(h));
                }
            }
        }
        for (Map.Entry<Integer, Range> e : ranges.entrySet()) {
            int start = e.getKey();
            int end = lines.offset(e.getValue().getEnd());
            String written = text.substring(start, end);
            String kind = insideWikiLink(text, start) ? "link" : written.startsWith("@") ? "citation" : "mention";
            Position p = e.getValue().getStart();
            out.add(new Found(collection, rel, p.getLine() + 1, p.getCharacter() + 1, kind, oneLine(written),
                    titles.getOrDefault(start, "")));
        }

        List<DocumentLink> links = s.server.getTextDocumentService()
                .documentLink(new DocumentLinkParams(id)).get(120, TimeUnit.SECONDS);
        for (DocumentLink l : links) {
            Position p = l.getRange().getStart();
            String written = text.substring(lines.offset(p), lines.offset(l.getRange().getEnd()));
            out.add(new Found(collection, rel, p.getLine() + 1, p.getCharacter() + 1, "documentLink", oneLine(written),
                    l.getTarget() == null ? "" : l.getTarget().replaceAll("^.*/", "")));
        }

        PublishDiagnosticsParams d = awaitDiagnostics(s, uri);
        for (Diagnostic diag : d == null ? List.<Diagnostic>of() : d.getDiagnostics()) {
            Position p = diag.getRange().getStart();
            String written = text.substring(lines.offset(p), lines.offset(diag.getRange().getEnd()));
            String kind = diag.getSeverity() == DiagnosticSeverity.Warning ? "warning"
                    : diag.getSeverity() == DiagnosticSeverity.Error ? "error"
                    : diag.getSeverity() == DiagnosticSeverity.Information ? "information" : "hint";
            String code = diag.getCode() == null ? "" : String.valueOf(diag.getCode().get());
            out.add(new Found(collection, rel, p.getLine() + 1, p.getCharacter() + 1, kind, oneLine(written),
                    code + ": " + oneLine(diag.getMessage().getLeft())));
        }
        s.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(id));
        return out;
    }

    /** The paper titles a hover names (bold in Markdown), for reading the found list. */
    private static String titlesOf(Hover h) {
        String md = h.getContents() != null && h.getContents().isRight() ? h.getContents().getRight().getValue() : "";
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\*\\*(.+?)\\*\\*").matcher(md);
        while (m.find() && out.size() < 5) {
            out.add(m.group(1).replace("\\", ""));
        }
        String count = md.matches("(?s)^\\d+ papers are called.*") ? md.substring(0, md.indexOf(' ')) + " papers: " : "";
        return oneLine(count + String.join(" || ", out));
    }

    private static PublishDiagnosticsParams awaitDiagnostics(ServerUnderTest s, String uri) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            PublishDiagnosticsParams d = s.diagnostics.get(uri);
            if (d != null && Integer.valueOf(1).equals(d.getVersion())) {
                return d;
            }
            Thread.sleep(5);
        }
        Benchmark.log("no diagnostics for %s", uri);
        return null;
    }

    /** Offsets where a word begins: a letter or digit not preceded by one. */
    static List<Integer> wordStarts(String text) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                out.add(i);
            } else if (c == '@' && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                out.add(i);
            }
        }
        return out;
    }

    /** Whether {@code offset} is between a {@code [[} and its {@code ]]} on the same line. */
    static boolean insideWikiLink(String text, int offset) {
        for (int i = offset - 1; i >= 1; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return false;
            }
            if (c == ']' && text.charAt(i - 1) == ']') {
                return false;
            }
            if (c == '[' && text.charAt(i - 1) == '[') {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\t\\r\\n]+", " ");
    }

    /** Line starts of a text, for LSP positions (lines end in \n, \r\n or \r; characters are UTF-16). */
    static final class Lines {
        private final int[] starts;
        private final int length;

        Lines(String text) {
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                    s.add(i + 1);
                } else if (c == '\n' || c == '\r') {
                    s.add(i + 1);
                }
            }
            starts = s.stream().mapToInt(Integer::intValue).toArray();
            length = text.length();
        }

        Position position(int offset) {
            int lo = 0;
            int hi = starts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts[mid] <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return new Position(lo, offset - starts[lo]);
        }

        int offset(Position p) {
            int line = Math.min(p.getLine(), starts.length - 1);
            return Math.min(length, starts[line] + p.getCharacter());
        }
    }

    // ---- scoring ----

    /** Held out: a third of the 100-line blocks of each note, by a hash fixed before any tuning. */
    static String split(String collection, String path, int line) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-1").digest(
                    (collection + "/" + path + "#" + ((line - 1) / 100)).getBytes(StandardCharsets.UTF_8));
            return (h[0] & 0xff) % 3 == 0 ? "held-out" : "tune";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The split of a position: its collection's whole split when it has one, else its block's split. */
    static String split(Map<String, String> whole, String collection, String path, int line) {
        String s = whole.get(collection);
        return s != null ? s : split(collection, path, line);
    }

    /**
     * The note collections of {@code sources.tsv} lines with the optional seventh column, and that
     * split: {@code fresh} (the fresh held-out) or {@code tune} (a whole collection to tune on).
     */
    static Map<String, String> wholeSplits(List<String> sourceLines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : sourceLines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length > 6 && !f[6].isBlank()) {
                String split = f[6].strip();
                if (!f[0].equals("notes") || !(split.equals("fresh") || split.equals("tune"))) {
                    throw new IllegalArgumentException("split column must be 'fresh' or 'tune' on a notes row: " + line);
                }
                out.put(f[1], split);
            }
        }
        return out;
    }

    static List<Label> readLabels(Path file, Map<String, String> whole) throws IOException {
        List<Label> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("split\t")) {
                continue;
            }
            // split collection repository commit path line column kind name verdict
            String[] f = line.split("\t", -1);
            Label l = new Label(f[0], f[1], f[4], Integer.parseInt(f[5]), Integer.parseInt(f[6]), f[7], f[8], f[9]);
            if (!l.split().equals(split(whole, l.collection(), l.path(), l.line()))) {
                throw new IllegalArgumentException("label in the wrong split: " + line);
            }
            out.add(l);
        }
        return out;
    }

    static String score(List<Found> found, List<Label> labels, java.util.Collection<String> collections,
            Map<String, String> whole) {
        Map<String, Label> byKey = new LinkedHashMap<>();
        for (Label l : labels) {
            byKey.put(l.key(), l);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("| collection | split | mentions found | labelled | right | wrong | precision | pooled recall "
                + "| warnings | labelled | wrong | wrong share |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> rows = new ArrayList<>(collections);
        rows.add("all");
        boolean anyFresh = collections.stream().anyMatch(c -> "fresh".equals(whole.get(c)));
        for (String c : rows) {
            List<String> splits = whole.containsKey(c) ? List.of(whole.get(c))
                    : c.equals("all") && anyFresh ? List.of("tune", "held-out", "fresh")
                    : List.of("tune", "held-out");
            for (String split : splits) {
                int mentions = 0;
                int labelled = 0;
                int right = 0;
                int wrong = 0;
                int warnings = 0;
                int warnLabelled = 0;
                int warnWrong = 0;
                java.util.Set<String> rightFound = new java.util.HashSet<>();
                for (Found f : found) {
                    if (!(c.equals("all") || f.collection().equals(c)) || !split.equals(split(whole, f.collection(), f.path(), f.line()))) {
                        continue;
                    }
                    Label l = byKey.get(f.key());
                    if (f.kind().equals("mention")) {
                        mentions++;
                        if (l != null) {
                            labelled++;
                            if (l.verdict().equals("right")) {
                                right++;
                                rightFound.add(l.key());
                            } else if (l.verdict().equals("wrong")) {
                                wrong++;
                            }
                        }
                    } else if (f.kind().equals("warning")) {
                        warnings++;
                        if (l != null) {
                            warnLabelled++;
                            if (l.verdict().equals("wrong")) {
                                warnWrong++;
                            }
                        }
                    }
                }
                int rightLabels = 0;
                for (Label l : labels) {
                    if ((c.equals("all") || l.collection().equals(c)) && l.split().equals(split)
                            && l.kind().equals("mention") && l.verdict().equals("right")) {
                        rightLabels++;
                    }
                }
                sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %s | %s | %d | %d | %d | %s |%n",
                        c, split, mentions, labelled, right, wrong, ratio(right, right + wrong),
                        ratio(rightFound.size(), rightLabels), warnings, warnLabelled, warnWrong,
                        ratio(warnWrong, warnLabelled)));
            }
        }
        return sb.toString();
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "–" : String.format(Locale.ROOT, "%.2f (%d/%d)", (double) a / b, a, b);
    }
}
