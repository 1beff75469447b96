package dev.papernotes.names;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Random and hostile input: extraction never throws and its output keeps its promises. */
class MethodNamesRandomTest {
    private static final long SEED = 20240611L;

    /** Fragments that exercise every rule, mixed with Unicode and LaTeX debris. */
    private static final String[] VOCABULARY = {
        "we", "We", "propose", "introduce", "present", "This", "paper", "presents", "our", "Our",
        "proposed", "called", "dubbed", "named", "termed", "namely", "or", "for", "short", "a", "the",
        "novel", "model", "framework", "of", "and", "to", "et", "al.", "e.g.,", "i.e.,", "which",
        "GraphAdapter", "Tiny", "Time", "Mixers", "TTM", "TTMs", "HiP", "v2", "1.0", "++", "M3", "BERT",
        "LLMs", "GPT-4", "3D", "7B", "1.5-Pints", "Foo-Net", "X", "Report", "Technical",
        "(", ")", "(", ":", ":", ",", ",", ".", ".", "--", "-", "!", "?", ";", "\"", "'", "`",
        "$\\alpha$", "\\OurMethod", "{", "}", "~(", "^", "\\", "$", "_{x}",
        "😀", "e\u0301", "עברית", "模型", "\u200b", "\u00a0", "\ud800", "\udc00", "\u0007", "\t", "\n",
        "\uFEFF", "İstanbul", "ß", "ﬁ", "https://example.org/x.", "Ⅱ", "٣", "𝔘𝔫𝔦",
    };

    private static String randomText(Random r, int maxWords) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(maxWords + 1);
        for (int i = 0; i < n; i++) {
            sb.append(VOCABULARY[r.nextInt(VOCABULARY.length)]);
            sb.append(r.nextInt(5) == 0 ? "" : " ");
        }
        return sb.toString();
    }

    private static String randomCodePoints(Random r, int max) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(4);
            if (kind == 0) {
                sb.append((char) r.nextInt(0x10000)); // includes lone surrogates
            } else if (kind == 1) {
                sb.appendCodePoint(r.nextInt(0x110000));
            } else {
                sb.append(" ()-:.,A1bC".charAt(r.nextInt(11)));
            }
        }
        return sb.toString();
    }

    @Test
    void randomTextsGiveTrimmedDistinctNames() {
        Random r = new Random(SEED);
        int named = 0;
        for (int i = 0; i < 10_000; i++) {
            String title = i % 2 == 0 ? randomText(r, 12) : randomCodePoints(r, 40);
            String abstractText = i % 3 == 0 ? randomCodePoints(r, 400) : randomText(r, 120);
            named += check(title, abstractText).isEmpty() ? 0 : 1;
        }
        assertTrue(named > 500, "the vocabulary should make names often; it made " + named);
    }

    private static List<String> check(String title, String abstractText) {
        List<String> names = assertDoesNotThrow(() -> MethodNames.extract(title, abstractText),
                () -> "title=" + title + " abstract=" + abstractText);
        assertNotNull(names);
        assertTrue(names.size() <= MethodNames.MAX_NAMES);
        Set<String> keys = new HashSet<>();
        for (String name : names) {
            assertFalse(name.isEmpty(), "empty name");
            assertTrue(name.equals(name.strip()), () -> "untrimmed name \"" + name + "\"");
            assertTrue(keys.add(name), () -> "repeated name \"" + name + "\" in " + names);
        }
        String key = Citekeys.base(names, title);
        assertFalse(key.isEmpty(), "empty citekey");
        return names;
    }

    @Test
    void degenerateInputs() {
        String[] odd = {"", " ", "(", ")", "()", "(A)", ":", "::", "--", "A:", ":A", "(AB) (CD)", "we propose",
            "we propose (", "called", "named (", "our", "X (X)", "\\", "$", "'", "\"", "We propose \"", ". . .",
            "we propose a (1) b", "Foo, a", "Foo!", "A -- B", "v2", "1.0", "++"};
        for (String a : odd) {
            for (String b : odd) {
                check(a, b);
            }
        }
    }

    /** Extraction is linear: long and repetitive abstracts, even without a full stop, cost no more than their length. */
    @Test
    void hostileLongInputsFinishQuickly() {
        String[] units = {"(", "we propose (AB) ", "we propose Foo Bar Baz Qux (FBBQ) ", "called X, ",
            "A", "a-b-c-d-e-f-g ", "((((( ", "our Foo-Net. ", "we propose the " + "very ".repeat(50),
            "Alpha Beta (AB) and "};
        for (String unit : units) {
            String big = unit.repeat(Math.max(1, 300_000 / unit.length()));
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                check(big, big);
                check("Title: " + big, big);
            }, () -> "slow on " + unit);
        }
        String oneHugeWord = "x".repeat(1_000_000) + " (XY)";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check(oneHugeWord, oneHugeWord));
    }
}
