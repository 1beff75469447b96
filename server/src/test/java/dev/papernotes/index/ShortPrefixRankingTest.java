package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short prefix's ranking is remembered per snapshot whatever the case typed: that is right only
 * while no tier ranks {@code K} and {@code k} apart, which this pins on names of every casing.
 */
class ShortPrefixRankingTest {
    private static final String[] TITLES = {
        "KazeNet: Kernel Attention for Zero-shot Embedding", "kNN-LM: Nearest Neighbor Language Models",
        "KAN: Kolmogorov-Arnold Networks", "Kosmos-2: Grounding Multimodal Models to the World",
        "Kaleido: Diverse Image Generation", "LoRA: Low-Rank Adaptation of Large Language Models",
        "LLaMA: Open and Efficient Foundation Language Models", "lm-eval: A Harness for Evaluating Models",
        "Lumiere: A Space-Time Diffusion Model for Video", "K2: Kernel Knowledge for Kinetics",
    };
    private static final String[] TYPED = {"k", "ka", "kn", "ko", "l", "ll", "lm", "lo", "k2", "kaz", "kon", "lla", "l-m", "kaze"};

    @TempDir
    Path tmp;

    private IndexStore store(String name) throws IOException {
        Path corpus = tmp.resolve("corpus");
        if (!Files.exists(corpus)) {
            Files.createDirectories(corpus);
            StringBuilder page = new StringBuilder("new\n\nMar 11\n\n");
            for (String t : TITLES) {
                page.append(t).append("\n\nWe study how well these models transfer to new tasks.\n\n");
            }
            Files.writeString(corpus.resolve("p1.txt"), page, StandardCharsets.UTF_8);
        }
        IndexStore store = IndexStore.open(tmp.resolve(name), List.of(corpus), 16);
        store.update(w -> { }, UpdateProgress.NONE, false);
        return store;
    }

    private static List<String> ids(PaperIndex idx, String typed, Suggester.Scope scope) throws IOException {
        List<String> out = new ArrayList<>();
        for (Suggester.Suggestion s : idx.suggester().suggest(typed, scope, 50)) {
            out.add(s.paper().id() + " " + s.tier() + " " + s.label());
        }
        return out;
    }

    @Test
    void rankingOfAShortPrefixDoesNotDependOnItsCase() throws IOException {
        // Two indexes of one corpus, each asked in the other casing first: both answers are ranked
        // afresh, once lower case, once as typed with capitals.
        try (IndexStore lowerFirst = store("a"); IndexStore upperFirst = store("b");
                PaperIndex a = lowerFirst.acquire(); PaperIndex b = upperFirst.acquire()) {
            for (Suggester.Scope scope : Suggester.Scope.values()) {
                for (String typed : TYPED) {
                    String upper = typed.toUpperCase(Locale.ROOT);
                    String mixed = Character.toUpperCase(typed.charAt(0)) + typed.substring(1);
                    List<String> lower = ids(a, typed, scope);
                    assertEquals(lower, ids(b, upper, scope), scope + " " + upper);
                    assertEquals(lower, ids(a, mixed, scope), scope + " " + mixed);
                    assertEquals(lower, ids(b, typed, scope), scope + " " + typed);
                }
            }
            assertFalse(ids(a, "k", Suggester.Scope.WIKI).isEmpty());
            assertTrue(a.suggester().remembers("K", Suggester.Scope.WIKI, 50));
            assertFalse(a.suggester().remembers("K", Suggester.Scope.WIKI, 20));
            assertTrue(a.suggester().remembers("Kaz", Suggester.Scope.WIKI, 50), "three letters are short");
            assertFalse(a.suggester().remembers("kaze", Suggester.Scope.WIKI, 50), "four letters are not short");
        }
    }
}
