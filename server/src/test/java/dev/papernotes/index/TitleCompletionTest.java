package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.names.NameKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion FST holds a title's first {@link PaperDocuments#TITLE_INPUT_CHARS} characters only;
 * completion by title still finds exactly the titles that start with what was typed, however much
 * of a title is typed, and ranks a title typed in full first.
 */
class TitleCompletionTest {
    private static final String CODE = "Scaling Laws for Neural Language Models of Source Code";
    private static final String SPEECH = "Scaling Laws for Neural Language Models in Speech Recognition";
    private static final String PLAIN = "Scaling Laws for Neural Language Models";
    private static final String OTHER = "Scaling Laws for Neural Machine Translation";

    @TempDir
    Path tmp;

    private final List<IndexStore> stores = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (IndexStore s : stores) {
            s.close();
        }
    }

    private PaperIndex index(List<String> titles) throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        StringBuilder page = new StringBuilder("new\n\nMar 11\n\n");
        for (String t : titles) {
            page.append(t).append("\n\nWe study how the loss of these models scales with data and compute.\n\n");
        }
        Files.writeString(corpus.resolve("p1.txt"), page, StandardCharsets.UTF_8);
        IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(corpus), 16);
        store.update(w -> { }, UpdateProgress.NONE, false);
        stores.add(store);
        return store.acquire();
    }

    /** The titles completed by title prefix, in their order. */
    private static List<String> byTitle(PaperIndex idx, String typed) throws IOException {
        return byTier(idx, typed, Suggester.Tier.TITLE_PREFIX);
    }

    /** The titles of one tier's suggestions for {@code typed}, in their order. */
    private static List<String> byTier(PaperIndex idx, String typed, Suggester.Tier tier) throws IOException {
        List<String> out = new ArrayList<>();
        for (Suggester.Suggestion s : idx.suggester().suggest(typed, Suggester.Scope.WIKI, 50)) {
            if (s.tier() == tier) {
                out.add(s.paper().title());
            }
        }
        return out;
    }

    @Test
    void typedPastTheClippedInputOnlyTitlesThatGoOnAsTypedAreOffered() throws IOException {
        try (PaperIndex idx = index(List.of(CODE, SPEECH, PLAIN, OTHER))) {
            assertEquals(List.of(SPEECH), byTitle(idx, "Scaling Laws for Neural Language Models in Sp"));
            assertEquals(List.of(CODE), byTitle(idx, "scaling laws for neural language models of"));
            assertEquals(List.of(), byTitle(idx, "Scaling Laws for Neural Language Models at"));
            assertEquals(List.of(OTHER), byTitle(idx, "Scaling Laws for Neural Machine Transl"));
            // The whole of a title longer than the input: typed in full, it ranks first.
            assertEquals(PLAIN, byTitle(idx, "Scaling Laws for Neural Language Models").get(0));
            assertEquals(3, byTitle(idx, "Scaling Laws for Neural Language Models").size());
            // All a clipped input holds, typed: no title counts as typed in full, all four share it.
            String input = PaperDocuments.titleInput(NameKeys.spaced(PLAIN));
            assertEquals(4, byTitle(idx, "Scaling Laws for Neural").size());
            assertEquals(3, byTitle(idx, input).size(), input);
        }
    }

    @Test
    void everyPrefixOfATitleFindsItByTitle() throws IOException {
        Random r = new Random(42);
        String[] words = {"Scaling", "Laws", "for", "Neural", "Language", "Models", "Über", "𝔽ast", "Attention",
            "x", "2", "-", "of", "Long", "Contexts", "ε", "Mixture"};
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            StringBuilder t = new StringBuilder("Scaling Laws");
            int n = 3 + r.nextInt(10);
            for (int k = 0; k < n; k++) {
                t.append(' ').append(words[r.nextInt(words.length)]);
            }
            titles.add(t.toString() + " " + i);
        }
        try (PaperIndex idx = index(titles)) {
            for (String title : titles) {
                String spaced = NameKeys.spaced(title);
                for (int end = 1; end <= spaced.length(); end++) {
                    if (Character.isHighSurrogate(spaced.charAt(end - 1)) || spaced.charAt(end - 1) == ' ') {
                        continue;
                    }
                    String typed = spaced.substring(0, end);
                    List<String> found = byTitle(idx, typed);
                    assertTrue(found.contains(title), typed + " -> " + found);
                    for (String f : found) {
                        assertTrue(NameKeys.spaced(f).startsWith(typed), typed + " -> " + f);
                    }
                    if (end == spaced.length()) {
                        assertEquals(title, found.get(0), typed);
                    }
                }
            }
        }
    }

    /** The titles completed by the words typed (the last one a prefix), in their order. */
    private static List<String> byTitleWords(PaperIndex idx, String typed) throws IOException {
        return byTier(idx, typed, Suggester.Tier.TITLE_WORDS);
    }

    private static final String HOOK = "Zebra Crossings Hook Lemurs";

    @Test
    void aWordBeingTypedFindsTheTitlesOfItsOwnSnapshot() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("p1.txt"), "new\n\nMar 11\n\n" + OTHER
                + "\n\nWe study how the loss of these models scales with data and compute.\n\n", StandardCharsets.UTF_8);
        IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(corpus), 16);
        stores.add(store);
        store.update(w -> { }, UpdateProgress.NONE, false);
        try (PaperIndex before = store.acquire()) {
            // The same word prefix after other words: the terms it stands for are the snapshot's.
            assertEquals(List.of(), byTitleWords(before, "crossings l"));
            assertEquals(List.of(OTHER), byTitleWords(before, "neural machine t"));
            assertEquals(List.of(OTHER), byTitleWords(before, "machine l"));
            assertEquals(List.of(), byTitleWords(before, "crossings l"));
        }
        Files.writeString(corpus.resolve("p2.txt"), "new\n\nMar 12\n\n" + HOOK
                + "\n\nWe study lemurs at zebra crossings.\n\n", StandardCharsets.UTF_8);
        store.update(w -> { }, UpdateProgress.NONE, false);
        try (PaperIndex after = store.acquire()) {
            assertEquals(List.of(HOOK), byTitleWords(after, "crossings l"));
            assertEquals(List.of(HOOK), byTitleWords(after, "hook l"));
            assertEquals(List.of(OTHER), byTitleWords(after, "machine l"));
            assertEquals(List.of(OTHER), byTitleWords(after, "neural machine t"));
        }
    }

    @Test
    void aClippedTypedTitleIsAPrefixOfTheClippedTitle() {
        Random r = new Random(7);
        String alphabet = "ab 𝔽é1";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(60);
            for (int k = 0; k < n; k++) {
                int at = r.nextInt(alphabet.length());
                if (Character.isLowSurrogate(alphabet.charAt(at))) {
                    at--;
                }
                sb.appendCodePoint(alphabet.codePointAt(at));
            }
            String spaced = NameKeys.spaced(sb.toString());
            String input = PaperDocuments.titleInput(spaced);
            assertTrue(input.length() <= PaperDocuments.TITLE_INPUT_CHARS, spaced);
            for (int end = 0; end <= spaced.length(); end++) {
                if (end > 0 && Character.isHighSurrogate(spaced.charAt(end - 1))) {
                    continue;
                }
                String typed = NameKeys.spaced(spaced.substring(0, end));
                assertTrue(input.startsWith(PaperDocuments.titleInput(typed)), spaced + " / " + typed);
            }
        }
    }
}
