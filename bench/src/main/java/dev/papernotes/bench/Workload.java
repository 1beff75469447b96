package dev.papernotes.bench;

import com.google.gson.JsonObject;
import dev.papernotes.index.IndexStore;
import dev.papernotes.index.Paper;
import dev.papernotes.index.PaperIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.lsp4j.Position;

/**
 * What the benchmark asks: papers sampled from the generator's truth file, looked up in the built
 * index, and turned into one note whose lines are the places a user would type or point at: a
 * half-typed {@code [[name}, {@code @citekey} and prose word, and a mention of each paper.
 */
final class Workload {
    static final List<String> OPERATIONS = List.of("completion.wiki", "completion.cite", "completion.prose",
            "hover", "definition", "references", "workspaceSymbols");

    /** One request: the typed text or mention, where the cursor is, and on which note line. */
    record Query(String text, Position position, int line) {
    }

    private final List<String> lines = new ArrayList<>();
    private final Map<String, List<Query>> queries = new LinkedHashMap<>();
    private final List<String> mentions = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    /**
     * A sampled paper as a typist sees it: the label a wiki link completes to, its citekey, its
     * first method name (null when it has none) and the text a bare mention of it reads.
     */
    record Target(String label, String citekey, String method, String mention) {
    }

    static Workload sample(Path index, Path corpus, Path truth, int count, Random random) throws IOException {
        Workload w = new Workload();
        for (String op : OPERATIONS) {
            w.queries.put(op, new ArrayList<>());
        }
        List<JsonObject> picked = Benchmark.sampleLines(truth, count, random);
        // The server holds the writer; this opens its last commit read-only.
        try (IndexStore store = IndexStore.open(index, List.of(corpus), 16); PaperIndex idx = store.acquire()) {
            for (JsonObject t : picked) {
                List<Paper> found = idx.resolve(t.get("title").getAsString());
                if (found.isEmpty()) {
                    continue;
                }
                w.add(found.get(0), random);
            }
        }
        if (w.queries.get("completion.prose").isEmpty()) {
            w.queries.put("completion.prose", w.queries.get("completion.wiki"));
        }
        return w;
    }

    private void add(Paper p, Random random) {
        String label = p.label();
        addLine("completion.wiki", "See [[", prefix(label));
        addLine("completion.cite", "As shown in @", prefix(p.citekey()));
        if (!p.methods().isEmpty() && p.methods().get(0).length() >= 4) {
            addLine("completion.prose", "We tried ", prefix(p.methods().get(0)));
        }
        String mention = p.methods().isEmpty() ? p.title() : p.methods().get(0);
        mentions.add(mention);
        targets.add(new Target(label, p.citekey(), p.methods().isEmpty() ? null : p.methods().get(0), mention));
        int line = lines.size();
        lines.add("We read " + mention + " today.");
        Position inside = new Position(line, 9);
        queries.get("hover").add(new Query(mention, inside, line));
        queries.get("definition").add(new Query(mention, inside, line));
        queries.get("references").add(new Query(mention, inside, line));
        String[] words = p.title().split("[^\\p{L}\\p{N}]+");
        String word = label;
        for (int tries = 0; tries < 5; tries++) {
            String candidate = words[random.nextInt(words.length)];
            if (candidate.length() >= 5) {
                word = candidate;
                break;
            }
        }
        queries.get("workspaceSymbols").add(new Query(word, null, -1));
    }

    private void addLine(String op, String lead, String typed) {
        int line = lines.size();
        String text = lead + typed;
        lines.add(text);
        queries.get(op).add(new Query(typed, new Position(line, text.length()), line));
    }

    /** What a user has typed when they ask: most of the name, at least three characters. */
    private static String prefix(String s) {
        int n = Math.max(3, (int) Math.ceil(s.length() * 0.6));
        return s.substring(0, Math.min(s.length(), n));
    }

    Query query(String op, int i) {
        List<Query> q = queries.get(op);
        return q.get(i % q.size());
    }

    List<Target> targets() {
        return targets;
    }

    String noteText() {
        return String.join("\n", lines) + "\n";
    }

    String lineOf(Query q) {
        return lines.get(q.line());
    }

    /** Notes on disk that mention the sampled papers, so references have something to find. */
    void writeNotes(Path dir, Random random, int count) throws IOException {
        for (int n = 0; n < count; n++) {
            StringBuilder sb = new StringBuilder("# Reading notes " + n + "\n\n");
            for (int k = 0; k < 10; k++) {
                String m = mentions.get(random.nextInt(mentions.size()));
                sb.append(k % 3 == 0 ? "Compare [[" + m + "]] with the baseline.\n" : "I liked " + m + " a lot.\n");
            }
            Files.writeString(dir.resolve("note-" + n + ".md"), sb.toString());
        }
    }
}
