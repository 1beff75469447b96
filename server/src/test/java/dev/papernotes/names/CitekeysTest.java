package dev.papernotes.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.papernotes.corpus.CorpusEntry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CitekeysTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "HiDiffusion: Unlocking High-Resolution Creativity | hidiffusion",
        "ZeroQuant-FP: A Leap Forward | zeroquantfp",
        "Griffon v2: Advancing Multimodal Perception | griffonv2",
        "1.5-Pints Technical Report: | 15pints",
        "PixArt-$ | pixartα",
        "Pruning Large Language Models with Semi-Structural | ast",
        // no method name: the first three significant title words
        "Scaling Laws in Patchification: | scalinglawspatchification",
        "Model soups: | modelsoups",
        "A Comprehensive Survey on Pretrained Foundation Models | comprehensivesurveypretrained",
        "Real-Time Single Image and Video Super-Resolution | realtimesingleimage",
    })
    void seedCitekeys(String titlePrefix, String key) {
        CorpusEntry paper = SeedPapers.byTitle(titlePrefix);
        assertEquals(key, Citekeys.base(MethodNames.extract(paper.title(), paper.abstractText()), paper.title()));
    }

    @Test
    void primaryNameGivesTheKey() {
        assertEquals("minference10", Citekeys.base(List.of("MInference 1.0", "MInference"), "ignored"));
        assertEquals("flashdecoding", Citekeys.base(List.of("FlashDecoding++"), "ignored"));
    }

    @Test
    void titleWordsSkipStopwords() {
        assertEquals("scalinglawspatchification",
                Citekeys.base(List.of(), "Scaling Laws in Patchification: An Image Is Worth 50,176 Tokens"));
        assertEquals("effectivenessdataaugmentation",
                Citekeys.base(List.of(), "Effectiveness of Data Augmentation for Parameter Efficient Tuning"));
        assertEquals("journeymatters", Citekeys.base(List.of(), "The Journey Matters"));
        assertEquals("learningcollocateneural", Citekeys.base(List.of(), "Learning to Collocate Neural Modules"));
    }

    @Test
    void degenerateTitlesStillGiveAKey() {
        assertEquals("of", Citekeys.base(List.of(), "Of"));
        assertEquals(Citekeys.FALLBACK, Citekeys.base(List.of(), ""));
        assertEquals(Citekeys.FALLBACK, Citekeys.base(List.of(), "?! --"));
        assertEquals(Citekeys.FALLBACK, Citekeys.base(null, null));
        assertEquals("abstract", Citekeys.base(List.of("++"), "Abstract"));
    }
}
