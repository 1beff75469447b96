package dev.papernotes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LexiconTest {
    /** Sections whose every word must be a word of the seed corpus. */
    private static final List<String> FROM_SEED = List.of("modifier", "topic", "head", "domain", "technique",
            "gerund", "method-noun", "subtitle", "plain", "phrase-prefix", "extension", "intro", "intro-derived",
            "intro-anonymous", "work");

    private static Set<String> seedWords() {
        Set<String> words = new HashSet<>();
        for (SeedPapers.Paper p : SeedPapers.load().papers()) {
            for (String text : List.of(p.title(), p.abstractText())) {
                for (String w : text.split("[^A-Za-z0-9'\\-]+")) {
                    String lw = w.toLowerCase(Locale.ROOT).replaceAll("^[-']+|[-']+$", "");
                    if (!lw.isEmpty()) {
                        words.add(lw);
                        words.addAll(List.of(lw.split("-")));
                    }
                }
            }
        }
        return words;
    }

    @Test
    void theVocabularyComesFromTheSeed() {
        Set<String> seed = seedWords();
        Map<String, List<String>> lex = Lexicon.parse(Lexicon.resource("lexicon.txt"));
        Set<String> missing = new TreeSet<>();
        for (String section : FROM_SEED) {
            for (String entry : lex.get(section)) {
                for (String w : entry.replaceAll("\\{[^}]*}", " ").split("[^A-Za-z0-9'\\-]+")) {
                    String lw = w.toLowerCase(Locale.ROOT).replaceAll("^[-']+|[-']+$", "");
                    if (lw.isEmpty() || seed.contains(lw)) {
                        continue;
                    }
                    // a hyphenated compound of seed words ("Sparsity-Aware") counts as seed vocabulary
                    if (lw.contains("-") && List.of(lw.split("-")).stream().allMatch(seed::contains)) {
                        continue;
                    }
                    missing.add(section + ": " + w);
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void theSeedSnapshotHasTheSeedsPapers() {
        assertEquals(413, SeedPapers.load().papers().size());
    }

    @Test
    void titleCoresAreDistinctForMillionsOfPapers() {
        CorpusModel m = new CorpusModel(3);
        assertTrue(m.coreSpace > 4_000_000L, "core space " + m.coreSpace);
        for (String section : List.of("modifier", "topic", "head")) {
            List<String> l = Lexicon.parse(Lexicon.resource("lexicon.txt")).get(section);
            Set<String> keys = new HashSet<>();
            for (String e : l) {
                assertTrue(keys.add(e.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip()),
                        section + " has two entries that read the same: " + e);
            }
        }
        Set<String> cores = new HashSet<>();
        for (long k = 0; k < 200_000; k++) {
            int[] c = m.core(k);
            assertTrue(cores.add(c[0] + "/" + c[1] + "/" + c[2]), "core of paper " + k + " repeats");
        }
    }
}
