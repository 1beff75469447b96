package dev.papernotes.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TitledElsewhereTest {
    @Test
    void aTitleAfterTheName() {
        String t = "- [EAGLE: Exploring the Design Space](https://x) and more";
        int end = t.indexOf("EAGLE") + 5;
        assertEquals("Exploring the Design Space", TitledElsewhere.titleAfter(t, end));
        String bold = "[**EAGLE: Exploring Space**](https://x)";
        assertEquals("Exploring Space", TitledElsewhere.titleAfter(bold, bold.indexOf("EAGLE") + 5));
        assertEquals("a ", TitledElsewhere.titleAfter("X: a | b", 1));
        assertNull(TitledElsewhere.titleAfter("EAGLE is fine", 5));
        assertNull(TitledElsewhere.titleAfter("EAGLE:", 5));
        assertNull(TitledElsewhere.titleAfter("EAGLE:x", 5));
    }

    @Test
    void anExpansionBeforeTheName() {
        String t = "10) **Naturalized Execution Tuning (NExT)** - trains";
        int start = t.indexOf("NExT");
        assertEquals(" **Naturalized Execution Tuning", TitledElsewhere.expansionBefore(t, start, start + 4));
        String plural = "two Tiny Time Mixers (TTMs) here";
        int s2 = plural.indexOf("TTM");
        assertEquals("two Tiny Time Mixers", TitledElsewhere.expansionBefore(plural, s2, s2 + 3));
        String sentence = "It is fast. Token Slimming Module (TSM) merges";
        int s3 = sentence.indexOf("TSM");
        assertEquals("Token Slimming Module", TitledElsewhere.expansionBefore(sentence, s3, s3 + 3).strip());
        assertNull(TitledElsewhere.expansionBefore("see (TSM, 2019)", 5, 8));
        assertNull(TitledElsewhere.expansionBefore("TSM here", 0, 3));
    }

    @Test
    void titlesAreTitleCasedAndRemarksAreNot() {
        assertTrue(TitledElsewhere.isTitleCased("Any-to-Any Generation via Composable Diffusion"));
        assertTrue(TitledElsewhere.isTitleCased(" **Naturalized Execution Tuning"));
        // a title in sentence case reads as a remark: the looser test, so the mention is kept
        assertFalse(TitledElsewhere.isTitleCased("Model soups: averaging weights of multiple fine-tuned models"));
        assertFalse(TitledElsewhere.isTitleCased("use outlier rejection as auxiliary task during training only."));
        assertFalse(TitledElsewhere.isTitleCased("A bold idea that nobody tried before in practice"));
        assertFalse(TitledElsewhere.isTitleCased(""));
    }

    @Test
    void coinedNamesAreLongAndNotPlainWords() {
        for (String n : new String[] {"HallusionBench", "SEED-Bench", "MiniGPT-4", "Mini-Monkey"}) {
            assertTrue(TitledElsewhere.isCoined(n), n);
        }
        for (String n : new String[] {"EAGLE", "CoDi", "Chameleon", "Panacea", "LLaVA", "GPT-4V", "Emu Edit", "ABCDEFGHI"}) {
            assertFalse(TitledElsewhere.isCoined(n), n);
        }
    }

    @Test
    void acronymsAreSpelledOutByTheOtherTitlesWords() {
        assertEquals("Large Language Models", Acronyms.expand("Benchmarking Multimodal LLMs", "Large Language Models for X").strip());
        assertEquals("", Acronyms.expand("Benchmarking PaLM", "Pathways and Language Models"));
        assertEquals("", Acronyms.expand("Benchmarking VLMs", "Large Language Models"));
        assertEquals("llm", Acronyms.acronymLetters("LLMs"));
        assertNull(Acronyms.acronymLetters("PaLM"));
    }
}
