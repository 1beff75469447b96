package dev.papernotes.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which sentences of an abstract a hover shows: the proposal and the finding, in their order. */
class SummariesTest {

    @Test
    void theProposalAndTheFindingAfterTheBackground() {
        String a = "Recent work has scaled language models to trillions of tokens. We propose Sparrow, a sparse "
                + "adapter. Sparrow gates each layer. Experiments show Sparrow improves accuracy by 5%.";
        assertEquals("We propose Sparrow, a sparse adapter. Experiments show Sparrow improves accuracy by 5%.",
                Summaries.summarize(a, List.of("Sparrow")));
    }

    @Test
    void aSentenceNamingTheMethodIsTheProposalWhenNoneSaysWePropose() {
        String a = "Models are large. Sparrow routes tokens to experts. It is trained on text. It is tried on QA.";
        assertEquals("Sparrow routes tokens to experts. It is tried on QA.",
                Summaries.summarize(a, List.of("Sparrow")));
        // Without the name, the first sentence leads: earlier wins a tie.
        assertEquals("Models are large. It is tried on QA.", Summaries.summarize(a, List.of()));
    }

    @Test
    void backgroundOpeningLosesToALaterProposal() {
        String a = "However, routing is slow. Hopper is simple. It runs on one GPU.";
        assertEquals("Hopper is simple. It runs on one GPU.", Summaries.summarize(a, List.of()));
    }

    @Test
    void aCodeLinkIsNotTheFinding() {
        String a = "We propose Sparrow. Sparrow works. Sparrow is fast. "
                + "Code and results are at https://github.com/x/sparrow.";
        assertEquals("We propose Sparrow. Sparrow is fast.", Summaries.summarize(a, List.of("Sparrow")));
    }

    @Test
    void aVeryLongSentenceIsPassedOverForAShorterOne() {
        String longFinding = "Experiments show " + "gains on many tasks, ".repeat(22) + "and more.";
        String a = "We propose Sparrow. Sparrow works. It improves accuracy. " + longFinding;
        assertTrue(longFinding.length() > 400);
        assertEquals("We propose Sparrow. It improves accuracy.", Summaries.summarize(a, List.of("Sparrow")));
    }

    @Test
    void shortAbstractsAreShownWholeAndLongSummariesClipped() {
        assertEquals("One sentence. Two sentences.", Summaries.summarize("One sentence.  Two sentences.", List.of()));
        assertEquals("", Summaries.summarize("  ", List.of()));
        String word = "word ";
        String a = "We propose " + word.repeat(120) + "end. Middle. Results show " + word.repeat(20) + "end.";
        String s = Summaries.summarize(a, List.of());
        assertTrue(s.length() <= 480 && s.endsWith("…"), s);
        assertTrue(s.startsWith("We propose word word"), s);
    }

    @Test
    void abbreviationsDoNotEndASentence() {
        assertEquals(List.of("Models, e.g. transformers, scale.", "They fail."),
                Summaries.sentences("Models, e.g. transformers, scale. They fail."));
    }
}
