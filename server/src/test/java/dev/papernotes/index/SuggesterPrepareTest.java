package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Suggester#prepare} ranks the first keystrokes' completions ahead of the user. What a user
 * then gets must be exactly what an unprepared snapshot answers, for every first character in
 * either case, and in every scope: the prepared rankings are shared between {@code S} and
 * {@code s}, so a fold that changed an answer would show here.
 */
class SuggesterPrepareTest {
    private static final int MAX = 20;

    @TempDir
    Path tmp;

    /** Names and citekeys over many first characters, upper and lower case, digits, a few accents. */
    private Path corpus() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("corpus"));
        Random random = new Random(42);
        String[] heads = {"Ka", "lo", "Mi", "ne", "Ra", "to", "Vi", "zu", "Q", "x", "3D", "7B", "Éco", "über", "Ψ"};
        String[] tails = {"mba", "ra", "net", "former", "vit", "lm", "-2", " v2", "Seg", "ctx"};
        String[] topics = {"sparse attention", "long context", "video tokens", "small models", "retrieval heads"};
        StringBuilder text = new StringBuilder("Mar 3\n\n");
        for (int i = 0; i < 160; i++) {
            String name = heads[random.nextInt(heads.length)] + tails[random.nextInt(tails.length)]
                    + (random.nextInt(4) == 0 ? "-" + (1 + random.nextInt(9)) : "");
            String topic = topics[random.nextInt(topics.length)];
            text.append(name).append(": ").append(topic).append(" for ").append(topics[random.nextInt(topics.length)])
                    .append(" number ").append(i).append("\n\n")
                    .append("We introduce ").append(name).append(", a method for ").append(topic).append(". ")
                    .append(name).append(" improves ").append(topic).append(" on three benchmarks.\n\n");
        }
        Files.writeString(dir.resolve("page.txt"), text);
        return dir;
    }

    /**
     * What the first keystrokes show: every scope, nothing typed and each first character, in both
     * cases. {@code upperFirst} asks in the reverse order, so that where the two cases share a
     * remembered ranking it was ranked from the other case than in a forward pass.
     */
    private static List<String> firstKeystrokes(PaperIndex idx, boolean upperFirst) throws IOException {
        List<String> typed = new ArrayList<>(List.of("", " "));
        for (char c : "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray()) {
            typed.add(String.valueOf(c));
            typed.add(String.valueOf(Character.toUpperCase(c)));
        }
        typed.addAll(List.of("é", "É", "ü", "Ü", "ψ", "Ψ", "-", "ka", "Ka", "KA", "3d", "3D"));
        Map<String, String> answers = new TreeMap<>();
        for (Suggester.Scope scope : Suggester.Scope.values()) {
            List<String> order = new ArrayList<>(typed);
            if (upperFirst) {
                Collections.reverse(order);
            }
            for (String t : order) {
                List<Suggester.Suggestion> found = idx.suggester().suggest(t, scope, MAX);
                answers.put(scope + " '" + t + "'", found.stream()
                        .map(s -> s.label() + "=" + s.paper().id() + "/" + s.tier()).toList().toString());
            }
        }
        List<String> out = new ArrayList<>();
        answers.forEach((k, v) -> out.add(k + " -> " + v));
        return out;
    }

    @Test
    void preparedRankingsAreWhatTypingWouldGet() throws IOException {
        Path index = tmp.resolve("index");
        List<Path> roots = List.of(corpus());
        List<String> prepared;
        try (IndexStore store = IndexStore.open(index, roots, 16)) {
            assertTrue(store.update(w -> { }, UpdateProgress.NONE, false).committed());
            try (PaperIndex idx = store.acquire()) {
                int ranked = idx.suggester().prepare(MAX, () -> false);
                assertEquals(2 * 37, ranked, "nothing typed and 36 first characters, after [[ and after @");
                assertEquals(0, idx.suggester().prepare(MAX, () -> false), "remembered rankings are not ranked again");
                prepared = firstKeystrokes(idx, false);
            }
        }
        List<String> fresh;
        try (IndexStore store = IndexStore.open(index, roots, 16); PaperIndex idx = store.acquire()) {
            fresh = firstKeystrokes(idx, true);
        }
        assertEquals(fresh, prepared);
        // The comparison means something only if the first keystrokes do offer papers.
        assertTrue(prepared.stream().anyMatch(l -> l.startsWith("WIKI 'K' -> [") && !l.endsWith("[]")),
                String.join("\n", prepared));
        assertTrue(prepared.stream().anyMatch(l -> l.startsWith("CITEKEY 'K' -> [") && !l.endsWith("[]")));
    }

    @Test
    void preparingStopsWhenAsked() throws IOException {
        Path index = tmp.resolve("index");
        try (IndexStore store = IndexStore.open(index, List.of(corpus()), 16)) {
            assertTrue(store.update(w -> { }, UpdateProgress.NONE, false).committed());
            try (PaperIndex idx = store.acquire()) {
                assertEquals(0, idx.suggester().prepare(MAX, () -> true));
                int[] asked = {0};
                int ranked = idx.suggester().prepare(MAX, () -> ++asked[0] > 5);
                assertEquals(5, ranked);
                assertFalse(idx.suggester().suggest("k", Suggester.Scope.WIKI, MAX).isEmpty());
            }
        }
    }
}
