package dev.papernotes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.corpus.CorpusEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated corpus is shaped like the seed (numbers measured on the seed in the comments). */
class StatisticsTest {
    private static CorpusStats stats;

    @BeforeAll
    static void measure() throws IOException {
        stats = CorpusStats.of(List.of(TestCorpora.standard()));
    }

    private static void between(double lo, double value, double hi, String what) {
        assertTrue(value >= lo && value <= hi, what + " = " + value + ", expected " + lo + ".." + hi);
    }

    @Test
    void titlePrefixesAreNamesPhrasesOrAbsentAsInTheSeed() {
        between(0.41, stats.share(CorpusStats.Prefix.NAME), 0.55, "name prefix share"); // seed 49%
        between(0.10, stats.share(CorpusStats.Prefix.PHRASE), 0.23, "phrase prefix share"); // seed 15%
        between(0.29, stats.share(CorpusStats.Prefix.NONE), 0.43, "no colon share"); // seed 36%
    }

    @Test
    void lengthsFollowTheSeed() {
        between(68, CorpusStats.quantile(stats.titleLengths, 0.5), 88, "median title length"); // seed 77
        between(150, CorpusStats.quantile(stats.titleLengths, 0.99), 240, "p99 title length"); // arXiv ~200
        between(1450, CorpusStats.quantile(stats.abstractLengths, 0.5), 1750, "median abstract"); // seed 1559
        between(900, CorpusStats.quantile(stats.abstractLengths, 0), 1920, "shortest abstract");
        between(900, CorpusStats.quantile(stats.abstractLengths, 1), 1920, "longest abstract"); // seed 1920
        between(17, stats.sentenceWords / (double) stats.sentenceCount, 28, "words a sentence"); // seed 23.7
    }

    @Test
    void repeatsLookLikeTheSeed() {
        between(0.14, stats.repeatShare(), 0.20, "repeat entries"); // seed 16.9%
        Map<Integer, Integer> h = stats.occurrenceHistogram();
        assertTrue(h.getOrDefault(3, 0) > 0 && h.getOrDefault(2, 0) > 3 * h.getOrDefault(3, 0), h.toString());
    }

    @Test
    void vocabularyIsZipfian() {
        between(-1.2, stats.zipfExponent(), -0.75, "Zipf exponent"); // seed -0.93
        assertTrue(stats.words.size() > 7000, "vocabulary " + stats.words.size()); // seed 7753 words
    }

    @Test
    void namesHaveTheSeedsShapes() {
        for (String shape : List.of("camel", "all-caps", "hyphen", "hyphen-digits", "versioned", "lower-start",
                "plus-plus", "word", "multi-word", "digits")) {
            assertTrue(stats.shapes.getOrDefault(shape, 0) > 0, shape + " missing: " + stats.shapes);
        }
        assertTrue(stats.shapes.get("camel") > stats.shapes.get("all-caps"), stats.shapes.toString());
    }

    @Test
    void someNamesCollideButMostAreDistinct() {
        assertTrue(stats.nameCounts.values().stream().anyMatch(c -> c > 1), "an exactly colliding name");
        between(0.005, stats.collidingNameShare(), 0.08, "colliding share");
        assertFalse(stats.nearCollisions().isEmpty(), "a near-collision like B-PROP next to PROP");
        assertTrue(stats.nameCounts.keySet().stream().anyMatch(n -> n.matches("[A-Z][a-z]+")
                && !n.matches(".*[A-Z].*[A-Z].*")), "a name that is an ordinary word");
    }

    @Test
    void abstractsIntroduceNamesAndMentionOtherWorks() {
        int n = stats.distinct;
        between(0.35, stats.introPatterns.get("we propose") / (double) n, 0.75, "we propose"); // seed 48%
        between(0.01, stats.introPatterns.get("dubbed") / (double) n, 0.10, "dubbed"); // seed 2%
        between(0.03, stats.introPatterns.get("called") / (double) n, 0.15, "called"); // seed 6%
        between(0.55, stats.abstractsWithAcronymDef / (double) n, 0.95, "acronym definitions"); // seed 75%
        between(0.03, stats.workMentions.get("BERT") / (double) n, 0.20, "BERT mentions"); // seed 6%
    }

    /** What the generator meant (the truth file) shows in what the reader reads. */
    @Test
    void everyNameShowsInItsTitleOrAbstract() throws IOException {
        Map<String, String> abstractOf = new HashMap<>();
        for (CorpusEntry e : TestCorpora.standardRead().entries()) {
            abstractOf.put(e.title(), e.abstractText());
        }
        Pattern line = Pattern.compile("\\{\"paper\":(\\d+),\"title\":\"((?:[^\"\\\\]|\\\\.)*)\",\"kind\":\"(\\w+)\","
                + "\"names\":\\[(\"(?:[^\"\\\\]|\\\\.)*\")?.*");
        int named = 0;
        int lines = 0;
        for (String l : Files.readAllLines(TestCorpora.truth())) {
            Matcher m = line.matcher(l);
            assertTrue(m.matches(), l);
            lines++;
            String title = m.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
            String abs = abstractOf.get(title);
            assertTrue(abs != null, "truth title not in corpus: " + title);
            if (m.group(4) == null) {
                continue;
            }
            named++;
            String name = m.group(4).substring(1, m.group(4).length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            assertTrue(abs.contains(name), name + " not in the abstract of " + title);
            if (m.group(3).equals("named")) {
                assertTrue(title.startsWith(name), title);
            }
        }
        assertEquals(TestCorpora.PAPERS, lines);
        between(0.55, named / (double) lines, 0.75, "papers with a name"); // 47% + 35% of the rest
    }
}
