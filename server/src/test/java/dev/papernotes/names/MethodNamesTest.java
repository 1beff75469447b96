package dev.papernotes.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.papernotes.corpus.CorpusEntry;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exact names for real seed papers: each row is a title (prefix) and the names expected. */
class MethodNamesTest {

    static Stream<Arguments> seedPapers() {
        return Stream.of(
                // title prefix that is a proper name
                row("Dragonfly: Multi-Resolution Zoom", "Dragonfly"),
                row("InternLM-XComposer2-4KHD:", "InternLM-XComposer2-4KHD"),
                row("Griffon v2:", "Griffon v2"),
                row("MInference 1.0:", "MInference 1.0", "MInference", "Milliontokens Inference"),
                row("PETALface:", "PETALface"),
                row("ERNIE 3.0:", "ERNIE 3.0"),
                row("Swin Transformer V2:", "Swin Transformer V2"),
                row("HiP Attention:", "HiP Attention", "HiP", "Hierarchically Pruned Attention"),
                row("CNN Filter DB:", "CNN Filter DB"),
                row("FlashDecoding++:", "FlashDecoding++"),
                row("SeiT++:", "SeiT++", "TokenAdapt", "ColorAdapt"),
                row("GLM-130B:", "GLM-130B"),
                row("Yi: Open Foundation Models", "Yi"),
                row("torchdistill:", "torchdistill"),
                row("DεpS:", "DεpS"),
                // spacing and separators
                row("LEOPARD : A Vision Language Model", "LEOPARD"),
                row("BUS:Efficient and Effective", "BUS", "Bottom-Up Patch Summarization", "TSPS",
                        "Text-Semantics-Aware Patch Selector"),
                row("LOGO -- Long cOntext", "LOGO"),
                row("PLLaVA : Parameter-free", "PLLaVA", "Pooling LLaVA"),
                row("BAM! Just Like That", "BAM"),
                row("SortedNet, a Place for Every Network", "SortedNet"),
                row("Pensez: Less Data, Better Reasoning", "Pensez", "Pensez 7B"),
                // LaTeX, two names, a report
                row("PixArt-$", "PixArt-α", "PIXART-alpha", "PIXART-α"),
                row("RS5M and GeoRSCLIP:", "RS5M", "GeoRSCLIP", "DVLM", "Domain pre-trained Vision-Language Model"),
                row("1.5-Pints Technical Report:", "1.5-Pints"),
                // both halves of an acronym definition
                row("Tiny Time Mixers (TTMs):", "Tiny Time Mixers", "TTMs", "TTM"),
                row("HiRED:", "HiRED", "High-Resolution Early Dropping"),
                row("Pruning Large Language Models with Semi-Structural", "AST", "Adaptive Sparse Trainer"),
                row("Tokens-to-Token ViT:", "T2T-ViT", "Tokens-To-Token Vision Transformer", "T2T", "Tokens-to-Token"),
                row("Emergent Mixture-of-Experts:", "Emergent Mixture-of-Experts", "EMoE"),
                // plain-word prefixes the abstract uses as names
                row("Universal Checkpointing:", "Universal Checkpointing"),
                row("Power Scheduler:", "Power Scheduler", "Power scheduler"),
                row("Pre-gated MoE:", "Pre-gated MoE"),
                row("Mamba Retriever:", "Mamba Retriever"),
                // names only the abstract gives
                row("Can GNN be Good Adapter for LLMs?", "GraphAdapter"),
                row("Matryoshka Multimodal Models", "M3", "Matryoshka Multimodal Models"),
                row("Polynomial Composition Activations:", "PolyCom", "Polynomial Composition Activations"),
                row("Feature Modulation Transformer:", "CRAFT"),
                row("Beyond LLaVA-HD:", "SliME"),
                row("From PEFT to DEFT:", "DEFT", "Density-Efficient Fine-Tuning"),
                row("Train Small, Infer Large:", "LoRAM"),
                row("What Makes Convolutional Models Great", "SGConv", "Structured Global Convolution"),
                row("Rethinking Supervised Pre-training", "LOOK"),
                row("Stacking Your Transformers:", "G_stack"),
                row("Demystifying CLIP Data", "MetaCLIP", "Metadata-Curated Language-Image Pre-training"),
                row("Every FLOP Counts:", "Ling-Lite", "Ling-Plus"),
                row("The Curse of Depth in Large Language Models", "Curse of Depth", "LayerNorm Scaling"),
                row("PaLM: Scaling Language Modeling", "PaLM", "Pathways Language Model", "PaLM 540B"),
                row("An LMM for Efficient Video Understanding", "Quicksviewer"),
                // phrases, not names; other people's names are not this paper's
                row("Scaling Laws in Patchification:"),
                row("Inverse Scaling: When Bigger"),
                row("Pre-training technique to localize medical BERT"),
                row("Indonesian Text-to-Image Synthesis with Sentence-BERT"),
                row("A Comprehensive Survey on Pretrained Foundation Models"),
                row("Pretrained Transformers for Text Ranking: BERT and Beyond"),
                row("Long-Context LLMs Meet RAG:"),
                row("Learning Transferable Visual Models From Natural Language Supervision"),
                row("A Bag of Tricks for Few-Shot Class-Incremental Learning"),
                row("Training Curricula for Open Domain Answer Re-Ranking"),
                row("Real-Time Single Image and Video Super-Resolution"),
                // a lower-case phrase is a name once the abstract calls it one
                row("Model soups:", "model soups", "Model soups"),
                row("A Parse-Then-Place Approach", "parse-then-place"));
    }

    private static Arguments row(String titlePrefix, String... names) {
        return Arguments.of(titlePrefix, List.of(names));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedPapers")
    void namesOfSeedPapers(String titlePrefix, List<String> expected) {
        CorpusEntry paper = SeedPapers.byTitle(titlePrefix);
        assertEquals(expected, MethodNames.extract(paper.title(), paper.abstractText()), paper.title());
    }

    @Test
    void abstractAloneIntroducesNames() {
        assertEquals(List.of("Foo-Net"), MethodNames.extract("A study",
                "Existing methods such as BERT fail. We propose Foo-Net, a small model."));
        assertEquals(List.of("ZetaTune", "Zero Extra Tuning Adapter"), MethodNames.extract("Another study",
                "In this paper, we present the Zero Extra Tuning Adapter (ZetaTune), which works."));
    }

    @Test
    void otherPeoplesNamesAndGenericTermsAreNotNames() {
        assertEquals(List.of(), MethodNames.extract("A study of adapters",
                "Large language models (LLMs) such as GPT-4 and LLaVA use a key-value (KV) cache."
                        + " Gu et al. [2021] proposed a model called S4. Recent works introduce BigNet."));
        assertEquals(List.of(), MethodNames.extract("A study of adapters",
                "We present a framework for few-shot class-incremental learning (FSCIL), tested on BERT."));
        assertEquals(List.of(), MethodNames.extract("A study of adapters",
                "We fine-tune our LLaMA-7B with our data. We release Flax-based T5X checkpoints."));
    }

    @Test
    void emptyAndMissingTextGiveNoNames() {
        assertEquals(List.of(), MethodNames.extract("", ""));
        assertEquals(List.of(), MethodNames.extract(null, null));
        assertEquals(List.of("Dragonfly"), MethodNames.extract("Dragonfly: A Model", ""));
    }
}
