package dev.papernotes.bench;

import com.google.gson.JsonParser;
import dev.papernotes.index.IndexStore;
import dev.papernotes.index.Paper;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.index.Suggester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The CPU a {@code [[} completion costs as names are typed, without the protocol: every prefix (three
 * characters and up) of the labels of a sample of the truth file's papers, typed in order, asked of
 * the index's suggester in this process. Steadier than the keystroke scenario over stdio (no
 * transport, no other requests), so a change to the tiers can be compared on one index.
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp bench.jar:papernotes.jar dev.papernotes.bench.CompletionTyping \
 *      --index DIR --corpus DIR --truth FILE [--every 2000] [--rounds 2]
 * </pre>
 */
public final class CompletionTyping {
    private CompletionTyping() {
    }

    public static void main(String[] args) throws IOException {
        Path index = null;
        Path corpus = null;
        Path truth = null;
        int every = 2000;
        int rounds = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--index" -> index = Path.of(args[++i]);
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--truth" -> truth = Path.of(args[++i]);
                case "--every" -> every = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (index == null || corpus == null || truth == null) {
            throw new IllegalArgumentException("--index, --corpus and --truth are required");
        }
        Random random = new Random(5);
        List<String> titles = new ArrayList<>();
        int one = every;
        try (Stream<String> lines = Files.lines(truth)) {
            lines.forEach(l -> {
                if (random.nextInt(one) == 0) {
                    titles.add(JsonParser.parseString(l).getAsJsonObject().get("title").getAsString());
                }
            });
        }
        try (IndexStore store = IndexStore.open(index, List.of(corpus), 16); PaperIndex idx = store.acquire()) {
            List<String> typed = new ArrayList<>();
            for (String t : titles) {
                List<Paper> found = idx.resolve(t);
                if (!found.isEmpty()) {
                    String label = found.get(0).label();
                    for (int n = 3; n <= label.length(); n++) {
                        typed.add(label.substring(0, n));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%d names, %d keystrokes%n", titles.size(), typed.size());
            for (int round = 0; round < rounds; round++) {
                long[] nanos = new long[typed.size()];
                long sum = 0;
                for (int i = 0; i < typed.size(); i++) {
                    long t0 = System.nanoTime();
                    idx.suggester().suggest(typed.get(i), Suggester.Scope.WIKI, 50);
                    nanos[i] = System.nanoTime() - t0;
                    sum += nanos[i];
                }
                Arrays.sort(nanos);
                System.out.printf(Locale.ROOT, "round %d: mean %.2f p50 %.2f p95 %.2f p99 %.2f ms%n", round,
                        sum / 1e6 / nanos.length, EditingBench.at(nanos, 0.50), EditingBench.at(nanos, 0.95),
                        EditingBench.at(nanos, 0.99));
            }
        }
    }
}
