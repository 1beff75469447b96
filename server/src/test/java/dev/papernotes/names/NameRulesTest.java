package dev.papernotes.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The helpers on their own: LaTeX cleaning, acronym matching, title prefixes. */
class NameRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PixArt-$\\alpha$ | PixArt-α",
        "PixArt-$α$ | PixArt-α",
        "G_{stack} | G_stack",
        "we propose \\OurMethod, a | we propose , a",
        "Recognize Anything Plus Model~(RAM++) | Recognize Anything Plus Model (RAM++)",
        "M^2-Encoder | M2-Encoder",
        "up to 5\\% | up to 5%",
        "~9 tokens | ~9 tokens",
        "trailing \\ | trailing ",
    })
    void latexIsUndone(String in, String out) {
        assertEquals(out.strip(), LatexText.clean(in).strip());
    }

    @Test
    void acronymsMatchTheirLongForms() {
        assertEquals(0, start("Tiny Time Mixers", "TTMs"));
        assertEquals(0, start("Hierarchically Pruned Attention", "HiP"));
        assertEquals(1, start("the Adaptive Sparse Trainer", "AST"));
        assertEquals(0, start("Tokens-To-Token Vision Transformer", "T2T-ViT"));
        assertEquals(0, start("Large Language Model for weakly-supervised SGG", "LLM4SGG"));
        assertEquals(0, start("polynomial composition activations", "PolyCom"));
        assertEquals(-1, start("a new model", "CNN"));
        assertEquals(-1, start("Adaptive Logarithm AdaLog", "AdaLog"));
        // the first letter must start a word, not follow a hyphen
        assertEquals(-1, start("pre-Training Tasks", "TT-X"));
        assertEquals(0, AcronymDefinition.extendedStart(List.of("Vision", "Transformer", "in", "Convolution"), "TiC"));
    }

    private static int start(String words, String shortForm) {
        return AcronymDefinition.longFormStart(List.of(words.split(" ")), shortForm);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "BUS:Efficient and Effective Pre-training | BUS",
        "LEOPARD : A Vision Language Model | LEOPARD",
        "LOGO -- Long cOntext aliGnment | LOGO",
        "Foo – A Dash | Foo",
        "1.5-Pints Technical Report: Pretraining in Days | 1.5-Pints",
        "Griffon v2: Advancing Perception | Griffon v2",
        "HiFi Tuner: High-Fidelity Tuning | HiFi Tuner",
        "BAM! Just Like That | BAM",
        "Survey: Large Language Models | ''",
        "Scaling Laws in Patchification: An Image | ''",
        "Beyond LLaVA-HD: Diving In | ''",
        "From PEFT to DEFT: Efficient Finetuning | ''",
        "Train Small, Infer Large: LoRA Training | ''",
        "Model soups: averaging weights | ''",
        "Inverse Scaling: When Bigger Isn't Better | ''",
        "Revisiting ResNets: Improved Training | ''",
        "Why Do We Need Names? A Study | ''",
        "Long-Context LLMs Meet RAG: Overcoming | ''",
        "A Title Without Prefix | ''",
    })
    void titlePrefixes(String title, String expected) {
        List<String> names = MethodNames.extract(title, "");
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), names);
    }

    @Test
    void twoNamesAndAcronymPairsInTitles() {
        assertEquals(List.of("RS5M", "GeoRSCLIP"), MethodNames.extract("RS5M and GeoRSCLIP: A Dataset and a Model", ""));
        assertEquals(List.of("Tiny Time Mixers", "TTMs"), MethodNames.extract("Tiny Time Mixers (TTMs): Fast Models", ""));
    }

    @Test
    void plainWordPrefixNeedsTheAbstractToUseItAsAName() {
        String title = "Universal Checkpointing: Efficient Checkpointing";
        assertEquals(List.of(), MethodNames.extract(title, "Checkpointing is slow. We study it."));
        assertEquals(List.of("Universal Checkpointing"),
                MethodNames.extract(title, "To fix this, the key insight of Universal Checkpointing is simple."));
        // part of a longer capitalized name is not a use of the prefix as a name
        assertEquals(List.of(), MethodNames.extract("Inverse Scaling: When Bigger Is Worse",
                "We ran a public contest, the Inverse Scaling Prize, with a prize pool."));
    }
}
