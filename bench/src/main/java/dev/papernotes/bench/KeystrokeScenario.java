package dev.papernotes.bench;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * A user typing in a 200-line note (or as many lines as asked: {@code --note-lines}): a new line, then a name typed one character at a time after
 * {@code [[}, as a bare word in prose, or after {@code @}. Every keystroke is an incremental
 * {@code didChange} followed by a {@code completion} at the new cursor, timed together as the
 * editor waits for them; the typed name is then accepted, and hover and definition are asked on
 * bare names elsewhere in the (now changed) note. The line is removed again, so the note keeps its
 * length. Its lists are written as reading lists are ({@code - [[Paper]]: what it did}).
 */
final class KeystrokeScenario {
    static final int NOTE_LINES = 200;
    private final int noteLines;
    /** At most this many characters of a name are typed before the completion is accepted. */
    private static final int MAX_TYPED = 16;
    private static final String[] CONTEXTS = {"wiki", "prose", "cite"};

    private final List<String> lines = new ArrayList<>();
    /** A bare name in the note: where it starts (one character in) and the name. */
    private record Mention(Position at, String name) {
    }

    private final List<Mention> mentions = new ArrayList<>();
    private final boolean[] inCode;
    private final List<Workload.Target> targets;
    private final Random random;

    KeystrokeScenario(List<Workload.Target> targets, Random random, int noteLines) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no papers to type");
        }
        if (noteLines < 20) {
            throw new IllegalArgumentException("--note-lines: at least 20, not " + noteLines);
        }
        this.noteLines = noteLines;
        this.inCode = new boolean[noteLines];
        this.targets = targets;
        this.random = random;
        build();
    }

    /** The note: headings, paragraphs with bare names, links, citations and one code block in 50 lines. */
    private void build() {
        int k = 0;
        lines.add("# Reading log");
        while (lines.size() < noteLines) {
            int n = lines.size();
            Workload.Target a = targets.get(k++ % targets.size());
            Workload.Target b = targets.get(k++ % targets.size());
            if (n % 25 == 0) {
                lines.add("## Week " + (n / 25));
            } else if (n % 50 == 10 && n + 5 < noteLines) {
                lines.add("```python");
                lines.add("model = load(\"" + a.label().replace("\"", "") + "\")");
                lines.add("print(model.eval())  # [[not a link]] @notacite");
                lines.add("```");
                for (int i = n; i < n + 4; i++) {
                    inCode[i] = true;
                }
            } else {
                switch (n % 4) {
                    case 0 -> lines.add("");
                    case 1 -> {
                        String lead = "We read ";
                        String line = lead + a.mention() + " and compared it with " + b.mention()
                                + " on the long-context tasks.";
                        mentions.add(new Mention(new Position(n, lead.length() + 1), a.mention()));
                        mentions.add(new Mention(new Position(n, lead.length() + a.mention().length() + 22 + 1),
                                b.mention()));
                        lines.add(line);
                    }
                    // "]]:" is no link reference definition: the note still parses a stretch at a time
                    case 2 -> lines.add(n % 8 == 2 ? "- [[" + a.label() + "]]: the baseline we keep coming back to."
                            : "- [[" + a.label() + "]] is the baseline we keep coming back to.");
                    default -> lines.add("As argued in [@" + a.citekey() + "], the effect holds for small models too.");
                }
            }
        }
        while (lines.size() > noteLines) {
            lines.remove(lines.size() - 1);
        }
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }

    /** Durations of one run, in milliseconds. */
    private static final class Samples {
        final Map<String, List<Double>> byKind = new TreeMap<>();
        /** Every keystroke and hover in order: which of them make the tail says what causes it. */
        final List<Timed> keystrokes = new ArrayList<>();
        final List<Timed> hovers = new ArrayList<>();
        int emptyCompletions;

        void add(String kind, double ms) {
            byKind.computeIfAbsent(kind, x -> new ArrayList<>()).add(ms);
        }
    }

    /**
     * Types until {@code keystrokes} keystrokes have been measured; returns percentiles over stdio
     * (all keystrokes, and per context), and inside the server.
     */
    JsonObject run(ServerUnderTest s, String uri, int keystrokes, int startVersion) throws Exception {
        ClientWarmup.run();
        reset(s);
        Samples samples = new Samples();
        int version = startVersion;
        int typed = 0;
        int episode = 0;
        while (typed < keystrokes) {
            String context = CONTEXTS[episode++ % CONTEXTS.length];
            Workload.Target t = targets.get(random.nextInt(targets.size()));
            String name = switch (context) {
                case "wiki" -> t.label();
                case "prose" -> t.method();
                default -> t.citekey();
            };
            if (name == null || name.isBlank()) {
                continue;
            }
            String lead = switch (context) {
                case "wiki" -> "Related: ";
                case "prose" -> "We compare against ";
                default -> "As shown by ";
            };
            String trigger = switch (context) {
                case "wiki" -> "[[";
                case "prose" -> "";
                default -> "@";
            };
            String keys = trigger + prefix(name);
            int line = insertionLine();
            change(s, uri, ++version, range(line, 0, line, 0), lead + "\n");
            int col = lead.length();
            for (int i = 0; i < keys.length() && typed < keystrokes; ) {
                int cp = keys.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                long t0 = System.nanoTime();
                change(s, uri, ++version, range(line, col, line, col), ch);
                col += ch.length();
                var answer = s.server.getTextDocumentService().completion(new CompletionParams(
                        new TextDocumentIdentifier(uri), new Position(line, col))).get(60, TimeUnit.SECONDS);
                double ms = (System.nanoTime() - t0) / 1e6;
                samples.add("keystroke", ms);
                samples.add("keystroke." + context, ms);
                // The halves apart: a tail only in the first is the server settling in (JIT, heap growth, caches).
                samples.add(typed < keystrokes / 2 ? "keystroke.firstHalf" : "keystroke.secondHalf", ms);
                samples.keystrokes.add(new Timed(typed, ms, context + ":" + keys.substring(0, i + ch.length())));
                if (i + ch.length() - trigger.length() >= 3 && items(answer).isEmpty()) {
                    samples.emptyCompletions++;
                }
                i += ch.length();
                typed++;
            }
            // Accept: the typed text becomes the whole name (and the link is closed).
            int start = lead.length() + trigger.length();
            change(s, uri, ++version, range(line, start, line, col), context.equals("wiki") ? name + "]]" : name);
            for (int i = 0; i < 2 && !mentions.isEmpty(); i++) {
                Mention m = mentions.get(random.nextInt(mentions.size()));
                Position hover = shifted(m.at(), line);
                long t0 = System.nanoTime();
                s.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), hover))
                        .get(60, TimeUnit.SECONDS);
                double ms = (System.nanoTime() - t0) / 1e6;
                samples.add("hover", ms);
                samples.hovers.add(new Timed(typed, ms, m.name()));
                Position def = shifted(mentions.get(random.nextInt(mentions.size())).at(), line);
                t0 = System.nanoTime();
                s.server.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri), def))
                        .get(60, TimeUnit.SECONDS);
                samples.add("definition", (System.nanoTime() - t0) / 1e6);
            }
            change(s, uri, ++version, range(line, 0, line + 1, 0), "");
        }
        lastVersion = version;
        JsonObject stdio = new JsonObject();
        for (Map.Entry<String, List<Double>> e : samples.byKind.entrySet()) {
            double[] ms = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            JsonObject p = Benchmark.percentiles(ms);
            p.addProperty("count", ms.length);
            stdio.add(e.getKey(), p);
        }
        JsonObject out = new JsonObject();
        out.addProperty("keystrokes", typed);
        out.addProperty("noteLines", noteLines);
        out.addProperty("emptyCompletionsAfter3Chars", samples.emptyCompletions);
        out.add("stdio", stdio);
        out.add("slowestKeystrokes", slowest(samples.keystrokes, 12, "typed"));
        out.add("firstKeystrokes", first(samples.keystrokes, 10));
        out.add("slowestHovers", slowest(samples.hovers, 12, "hovered"));
        out.add("insideServer", inside(s));
        return out;
    }

    int lastVersion;

    /** One timed request: its place in the session (keystrokes typed before it), its time, and what it was on. */
    record Timed(int at, double ms, String what) {
    }

    /** A session's first {@code n} keystrokes, in order, in ms: what a user who starts typing at once waits. */
    static JsonArray first(List<Timed> keystrokes, int n) {
        JsonArray out = new JsonArray();
        for (Timed t : keystrokes.subList(0, Math.min(n, keystrokes.size()))) {
            out.add(Math.round(t.ms() * 100) / 100.0);
        }
        return out;
    }

    /** The {@code n} slowest, slowest first; {@code field} names what each was on. */
    static JsonArray slowest(List<Timed> requests, int n, String field) {
        List<Timed> order = new ArrayList<>(requests);
        order.sort((a, b) -> Double.compare(b.ms(), a.ms()));
        JsonArray out = new JsonArray();
        for (Timed t : order.subList(0, Math.min(n, order.size()))) {
            JsonObject o = new JsonObject();
            o.addProperty("at", t.at());
            o.addProperty("ms", Math.round(t.ms() * 100) / 100.0);
            o.addProperty(field, t.what());
            out.add(o);
        }
        return out;
    }

    /** What a user has typed of a name when they accept it: most of it, at least three characters. */
    private static String prefix(String name) {
        int cps = name.codePointCount(0, name.length());
        int n = Math.min(cps, Math.min(MAX_TYPED, Math.max(3, (int) Math.ceil(cps * 0.6))));
        return name.substring(0, name.offsetByCodePoints(0, n));
    }

    /** A line outside the code block, where the new line goes (the old one moves down). */
    private int insertionLine() {
        while (true) {
            int l = 1 + random.nextInt(noteLines - 1);
            if (!inCode[l] && !inCode[l - 1]) {
                return l;
            }
        }
    }

    private static Position shifted(Position p, int insertedLine) {
        return p.getLine() >= insertedLine ? new Position(p.getLine() + 1, p.getCharacter()) : p;
    }

    private static Range range(int l1, int c1, int l2, int c2) {
        return new Range(new Position(l1, c1), new Position(l2, c2));
    }

    private static void change(ServerUnderTest s, String uri, int version, Range range, String text) {
        s.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(range, text))));
    }

    private static List<CompletionItem> items(Either<List<CompletionItem>, CompletionList> answer) {
        if (answer == null) {
            return List.of();
        }
        return answer.isLeft() ? answer.getLeft() : answer.getRight().getItems();
    }

    private static void reset(ServerUnderTest s) throws Exception {
        s.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("papernotes.stats", List.of("reset")))
                .get(30, TimeUnit.SECONDS);
    }

    /** The server's own durations of the same requests (and of didChange, where it records them). */
    private static JsonObject inside(ServerUnderTest s) throws Exception {
        Object r = s.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("papernotes.stats", List.of()))
                .get(30, TimeUnit.SECONDS);
        JsonElement json = r instanceof JsonElement j ? j : new Gson().toJsonTree(r);
        JsonObject all = json.getAsJsonObject();
        JsonObject out = new JsonObject();
        for (String method : List.of("textDocument/didChange", "completion", "hover", "definition")) {
            if (all.has(method)) {
                out.add(method, all.get(method));
            }
        }
        return out;
    }
}
