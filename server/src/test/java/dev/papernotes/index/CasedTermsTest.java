package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
}
