package dev.papernotes.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.TestCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-pass sentence cues answer as the patterns they replaced: those patterns are the oracle,
 * on every sentence of the bundled corpus and on random sentences made of the words they look for,
 * their near misses and the characters around them.
 */
class SentenceCuesTest {
    private static final Pattern PROPOSES = Pattern.compile(
            "(?i)\\b(we|this (paper|work|report|study)|our (work|paper))\\s+(also\\s+)?(propose|introduce|present|develop|design|"
                    + "build|release|describe|study|explore|investigate|show|offer|provide|curate|construct)|"
                    + "\\b(called|dubbed|named|termed)\\b|\\bwe (then|further)\\b");
    private static final Pattern FINDS = Pattern.compile(
            "(?i)\\b(results?|experiments?|evaluations?|show|shows|demonstrate|demonstrates|achieve|achieves|"
                    + "outperform|outperforms|improve|improves|surpass|surpasses|state-of-the-art|sota|"
                    + "reduc(e|es|ing)|speed-?up|faster|accuracy|find|finds|found)\\b|\\d+(\\.\\d+)?\\s*(%|x\\b|×)");

    private static final String[] PIECES = {"we", "We", "WE", "owe", "we_", "we2", "this", "This", "our", "Our",
        "paper", "papers", "work", "works", "report", "study", "studies", "also", "Also", "propose", "proposed",
        "introduces", "present", "Present", "showcase", "show", "shows", "showed", "construct", "then", "further",
        "furthermore", "called", "Dubbed", "named", "names", "termed", "result", "results", "resulting", "experiment",
        "Evaluations", "outperform", "outperforms", "improves", "surpass", "state-of-the-art", "State-of-the-Art",
        "state-of-the-arts", "state-of", "SOTA", "sotas", "reduce", "reduces", "reducing", "reduced", "speedup",
        "speed-up", "speed-ups", "Speed-Up", "faster", "fastest", "accuracy", "find", "finds", "found", "founder",
        "3", "3.5", "12", "4x", "4X", "4x86", "gpt4x", "v1.2.3x", "10", "%", "×", "x", "X", "1.", ".5", "𝐀we", "we𝐀",
        "wor\u212A", "naïve", "é", "_", "-", ".", ",", "(", ")", "\"", "'s"};
    private static final String[] GAPS = {" ", " ", " ", "", "  ", "\t", "\n", "-", ". ", ", ", "\u00a0"};

    @Test
    void answersAsThePatternsOnEverySentenceOfTheBundledCorpus() throws IOException {
        List<String> sentences = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestCorpus.dir())) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                for (String line : Files.readAllLines(f)) {
                    if (line.length() > 80) {
                        sentences.addAll(Summaries.sentences(line));
                    }
                }
            }
        }
        int proposing = 0;
        int finding = 0;
        for (String s : sentences) {
            assertSame(s);
            proposing += SentenceCues.proposes(s) ? 1 : 0;
            finding += SentenceCues.finds(s) ? 1 : 0;
        }
        assertTrue(sentences.size() > 2000, "sentences: " + sentences.size());
        assertTrue(proposing > 200 && finding > 500, "proposing " + proposing + ", finding " + finding);
    }

    @Test
    void answersAsThePatternsOnRandomSentences() {
        Random r = new Random(20261202);
        int proposing = 0;
        int finding = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int words = 1 + r.nextInt(6);
            for (int w = 0; w < words; w++) {
                sb.append(PIECES[r.nextInt(PIECES.length)]).append(GAPS[r.nextInt(GAPS.length)]);
            }
            String s = sb.toString();
            assertSame(s);
            proposing += SentenceCues.proposes(s) ? 1 : 0;
            finding += SentenceCues.finds(s) ? 1 : 0;
        }
        assertTrue(proposing > 2000 && finding > 20000, "proposing " + proposing + ", finding " + finding);
    }

    @Test
    void cues() {
        assertTrue(SentenceCues.proposes("In this paper we also propose Prism."));
        assertTrue(SentenceCues.proposes("This work\texplores tiling."));
        assertFalse(SentenceCues.proposes("This work studies tiling."), "\"studies\" does not start with \"study\"");
        assertTrue(SentenceCues.proposes("A model dubbed Prism."));
        assertFalse(SentenceCues.proposes("This papers propose nothing."));
        assertTrue(SentenceCues.finds("It is 3.5 % better."));
        assertTrue(SentenceCues.finds("A gpt4x model."));
        assertFalse(SentenceCues.finds("An x86 machine with 4x86 cores."));
        assertTrue(SentenceCues.finds("A state-of-the-art model."));
        assertFalse(SentenceCues.finds("The state-of-the-arts."));
        // ends of sentences right after a subject or a word's first part
        for (String s : new String[] {"Read this ", "our ", "We", "we ", "this", "state", "speed-", "3.", "3.5 ", "Ours", ""}) {
            assertSame(s);
        }
    }

    private static void assertSame(String s) {
        assertEquals(PROPOSES.matcher(s).find(), SentenceCues.proposes(s), () -> "proposes: \"" + s + "\"");
        assertEquals(FINDS.matcher(s).find(), SentenceCues.finds(s), () -> "finds: \"" + s + "\"");
    }
}
