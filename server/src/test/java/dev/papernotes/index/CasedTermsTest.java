package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CasedTermsTest {
    @Test
    void acronymLikeWordsAsWrittenAndTheOnesDefined() {
        CasedTerms t = CasedTerms.of("PaLM: Scaling with Pathways",
                "Imitation learning (IL) and Tiny Time Mixers (TTMs) beat RGB-D baselines; the Mini-Monkey (a model) and"
                        + " unit tests, (ViT-B) too.");
        assertEquals(List.of("PaLM", "IL", "TTMs", "RGB-D", "Mini-Monkey", "ViT-B"), List.copyOf(t.used));
        assertEquals(List.of("IL", "TTMs", "TTM", "ViT-B"), List.copyOf(t.defined));
    }

    @Test
    void aHostileAbstractAddsBoundedTerms() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            sb.append("(AB").append(i).append("C) ");
        }
        CasedTerms t = CasedTerms.of("", sb.toString());
        assertEquals(CasedTerms.MAX_TERMS, t.used.size());
    }

    /** The scan looks at words in place; it must find what the rule says on any text. */
    @Test
    void randomTextGivesWhatTheWordByWordRuleGives() {
        String[] pieces = {"A", "b", "Z", "9", "-", " ", "(", ")", "s", "\u00c9", "\u00e9", "\u0391", "\u4e2d", ".", "RGB",
            "ViT", "(IL)", "Mini-", "-X", "\u0130"};
        Random random = new Random(15);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            CasedTerms t = CasedTerms.of("", text);
            Set<String> used = new LinkedHashSet<>();
            Set<String> defined = new LinkedHashSet<>();
            reference(text, used, defined);
            assertEquals(List.copyOf(used), List.copyOf(t.used), text);
            assertEquals(List.copyOf(defined), List.copyOf(t.defined), text);
        }
    }

    /** Words of letters, digits and inner hyphens; two capitals make one acronym-like; "(X)" defines X. */
    private static void reference(String text, Set<String> used, Set<String> defined) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-')) {
                i++;
            }
            int end = i;
            while (end > start && text.charAt(end - 1) == '-') {
                end--;
            }
            String token = text.substring(start, end);
            if (token.length() < 2 || token.length() > 24 || used.size() >= CasedTerms.MAX_TERMS
                    || token.chars().filter(Character::isUpperCase).count() < 2) {
                continue;
            }
            used.add(token);
            if (start > 0 && text.charAt(start - 1) == '(' && end < n && text.charAt(end) == ')') {
                defined.add(token);
                String singular = token.substring(0, token.length() - 1);
                if (token.endsWith("s") && singular.chars().filter(Character::isUpperCase).count() >= 2) {
                    defined.add(singular);
                }
            }
        }
    }
}
