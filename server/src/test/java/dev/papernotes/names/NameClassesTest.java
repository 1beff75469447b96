package dev.papernotes.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One nested class for each class of name the extraction used to miss (issue 13), with sentences
 * invented in the shapes real abstracts use, and the negatives each rule must leave alone.
 * {@link #names} extracts with a neutral title unless a test gives one.
 */
class NameClassesTest {

    private static final String TITLE = "A study of depth estimation";

    static List<String> names(String abstractText) {
        return MethodNames.extract(TITLE, abstractText);
    }

    static void assertHas(List<String> names, String... expected) {
        for (String e : expected) {
            assertTrue(names.contains(e), () -> "expected \"" + e + "\" in " + names);
        }
    }

    static void assertHasNot(List<String> names, String... unexpected) {
        for (String e : unexpected) {
            assertFalse(names.contains(e), () -> "did not expect \"" + e + "\" in " + names);
        }
    }

    /** A Title-Case long form with its acronym naming a part, after verbs other than propose. */
    @Nested
    class PartsOfTheirOwn {
        @Test
        void partsAfterOtherVerbs() {
            assertHas(names("We propose Heron for depth. Heron incorporates a Gated Residual Mixer (GRM) in every block."),
                    "GRM", "Gated Residual Mixer");
            assertHas(names("We train the network with a novel Edge Consistency Loss (ECL) on unlabeled video."),
                    "ECL", "Edge Consistency Loss");
            assertHas(names("Our framework comprises a Scale Anchor Encoder (SAE) and a Depth Fusion Head (DFH)."),
                    "SAE", "Scale Anchor Encoder", "DFH", "Depth Fusion Head");
            assertHas(names("Specifically, the model includes the Sparse Ray Sampler (SRS) to pick rays."),
                    "SRS", "Sparse Ray Sampler");
            assertHas(names("The Weighted Edge Prior (WEP) branch then filters the cues."), "WEP", "Weighted Edge Prior");
            assertHas(names("Our key innovation is the Relative Depth Ranking (RDR) objective."),
                    "RDR", "Relative Depth Ranking");
        }

        @Test
        void priorWorkToolsAndTargetsAreNotTheirs() {
            List<String> n = names("Existing methods build on the Spatial Transformer Network (STN). We leverage the"
                    + " Segment Anything Model (SAM) and the pretrained Depth Anything Backbone (DAB) to label frames."
                    + " We propose a method for Multiple Object Tracking (MOT). Compared with the recent Flow"
                    + " Warping Module (FWM), ours is faster. Smith et al. propose Cross Frame Attention (CFA).");
            assertHasNot(n, "STN", "Spatial Transformer Network", "SAM", "DAB", "Depth Anything Backbone", "MOT",
                    "FWM", "Flow Warping Module", "CFA", "Cross Frame Attention");
        }

        @Test
        void aListOfWhatTheWorkIsTestedAgainstIsNotItsParts() {
            List<String> n = names("We propose Heron. We evaluate Heron against state-of-the-art attacks, including Fast"
                    + " Gradient Walk (FGW) and Saliency Map Probe (SMP).");
            assertHasNot(n, "FGW", "Fast Gradient Walk", "SMP", "Saliency Map Probe");
            assertHas(names("We propose a new baseline: Heron, including a Gated Residual Mixer (GRM) for fusion."),
                    "GRM", "Gated Residual Mixer");
        }

        @Test
        void metricNamesAreNotParts() {
            List<String> n = names("Heron improves Multiple Object Tracking Accuracy (MOTA) by 3 points and the"
                    + " Frechet Inception Distance (FID) by 2.");
            assertHasNot(n, "MOTA", "Multiple Object Tracking Accuracy", "FID", "Frechet Inception Distance");
        }
    }

    /** Later names in lists of the paper's own parts, and model families. */
    @Nested
    class Lists {
        @Test
        void definitionsInAList() {
            assertHas(names("We propose two modules: the Cascaded Anchor Refinement (CAR) and the Global Scale"
                    + " Recovery (GSR) module."), "CAR", "Cascaded Anchor Refinement", "GSR", "Global Scale Recovery");
            assertHas(names("We introduce two strategies, including Local Depth Mixing (LDM) for small objects, and"
                    + " Far Plane Warping (FPW) for the sky."), "FPW", "Far Plane Warping");
        }

        @Test
        void familiesOfModels() {
            assertHas(names("We release FD-Tiny, FD-Base and FD-Large, trained on 10M images."),
                    "FD-Tiny", "FD-Base", "FD-Large");
            assertHas(names("We propose a Non-parametric Network for few-shot segmentation, Seg-NN, and its"
                    + " Parametric variant, Seg-PN."), "Seg-NN", "Seg-PN");
            assertHas(names("We introduce DepthWorld, a dataset of 2M images. We use it to create DepthWorld-Indoor"
                    + " for evaluation."), "DepthWorld", "DepthWorld-Indoor");
        }
    }

    /** Names introduced without propose, call or dub. */
    @Nested
    class WithoutACue {
        @Test
        void resultingAndReferredTo() {
            assertHas(names("We fine-tune a depth model on our data. The resulting model, Magpie-Depth, is fast."),
                    "Magpie-Depth");
            assertHas(names("Once trained, the resulting DepthTracker can follow points."), "DepthTracker");
            assertHas(names("We refer to the final model as Puffin-2 in the rest of the paper."), "Puffin-2");
            assertHas(names("We turn these ideas into a novel privacy-preserving depth method, DepthVeil."),
                    "DepthVeil");
            assertHas(names("Magpie-Depth, a novel depth estimator, runs at 30 fps. We evaluate it on KITTI."),
                    "Magpie-Depth");
        }

        @Test
        void theNameOfSomeoneElsesModelIsNotTheResult() {
            assertHasNot(names("The resulting ViT-G model matches the final PaLM 540B model."), "ViT-G", "PaLM 540B");
        }
    }

    /** The other half of a name, outside "Long Form (ABBR)". */
    @Nested
    class OtherHalf {
        @Test
        void reverseDefinitionsAndShortFor() {
            assertHas(names("We propose the module SDR (short for Signed Depth Residual) for thin structures."),
                    "SDR", "Signed Depth Residual");
            assertHas(names("We improve on them with DREAM (Depth Refinement with Edge-Aware Masks), a small net."),
                    "DREAM", "Depth Refinement with Edge-Aware Masks");
            assertHas(names("We introduce DepthGPT (short as DGPT), a model for depth questions."),
                    "DepthGPT", "DGPT");
            assertHas(names("We present PDM, a Progressive Depth Module that refines coarse maps."),
                    "PDM", "Progressive Depth Module");
            assertHas(names("We present Leave-One-Out Depth Voting, or LODV for short, a simple trick."), "LODV");
            assertHas(names("We present a novel Dual-View Depth Fusion approach named DVDF for stereo."),
                    "DVDF", "Dual-View Depth Fusion");
        }

        @Test
        void titleSpellsOutTheAcronym() {
            assertHas(MethodNames.extract("Progressive Depth Module for Monocular Estimation",
                    "We propose PDM, a module that refines coarse maps."), "PDM", "Progressive Depth Module");
            assertHas(MethodNames.extract("MDR: Masked Depth Refinement", "We propose MDR to refine depth."),
                    "MDR", "Masked Depth Refinement");
        }

        @Test
        void aTitleRunThatSpellsSomethingElseIsNoHalf() {
            // "Semi-Structural Adaptive Sparse Training" stands inside a longer run: not AST's spelling
            List<String> n = MethodNames.extract("Pruning Depth Models with Semi-Structural Adaptive Sparse Training",
                    "We propose the Adaptive Sparse Trainer (AST) for depth models.");
            assertHas(n, "AST", "Adaptive Sparse Trainer");
            assertHasNot(n, "Adaptive Sparse Training");
        }
    }

    /** A lower-case long form with (ABBR) naming the paper's own component or metric. */
    @Nested
    class LowerCaseDefinitions {
        @Test
        void ownPartsInLowerCase() {
            assertHas(names("We design the sparse anchor fusion block (SAFB) to merge cues."), "SAFB");
            assertHas(names("To measure it, we propose a new metric, edge recall (ER), on thin edges."), "ER");
            assertHas(names("Specifically, the displacement field estimation (DFE) module is proposed to estimate"
                    + " motion."), "DFE");
        }

        @Test
        void termsOfTheFieldInLowerCaseAreNot() {
            List<String> n = names("We study video anomaly detection (VAD) and present a method for setting the"
                    + " exponential moving average (EMA) decay. We introduce a Warmup-Stable-Decay (WSD) learning"
                    + " rate scheduler (LRS).");
            assertHasNot(n, "VAD", "EMA", "LRS");
            assertHas(n, "WSD");
        }
    }

    /** A descriptive phrase followed by a label in brackets that is not its abbreviation. */
    @Nested
    class LabelsInBrackets {
        @Test
        void labels() {
            assertHas(names("We propose a light-weight self-training method (DepthFix) for new domains."), "DepthFix");
            assertHas(names("We also introduce a new benchmark dataset (NoisyDepth-5K) with noisy labels."),
                    "NoisyDepth-5K");
            assertHas(names("We propose a Decentralized Depth Learning algorithm with Correlated priors (CoDDL)."),
                    "CoDDL");
        }

        @Test
        void aLongFormOverCommasGivesItsAcronymOnly() {
            List<String> n = names("This results in a new meta-architecture, named Plan, ExecUte, and Review (PEUR).");
            assertHas(n, "PEUR");
            assertHasNot(n, "Plan", "ExecUte", "Review");
        }

        @Test
        void examplesInBracketsAreNotLabels() {
            assertHasNot(names("We propose a light-weight method (e.g., DepthFix) for new domains."), "DepthFix");
        }
    }

    /** A name used as a modifier before a lower-case noun. */
    @Nested
    class Modifiers {
        @Test
        void coinedNameBeforeItsKind() {
            assertHas(names("We propose the DepthMix augmentation strategy for indoor scenes."), "DepthMix");
            assertHas(names("Training with our DepthMix framework halves the error."), "DepthMix");
        }

        @Test
        void aLowerCaseCompoundBeforeANounDescribes() {
            assertHasNot(names("We propose the image-based video-NeRF editing pipeline."), "video-NeRF");
        }

        @Test
        void aBaseModelBeforeANounIsNotOurs() {
            assertHasNot(names("We fine-tune our Llama-2 models on the data."), "Llama-2");
            assertHasNot(names("Prior work used the Wasserstein GAN (WGAN) objective. Our WGAN paradigm explains"
                    + " it."), "WGAN");
        }
    }

    /** Datasets and benchmarks: compile, collect, curate, "newly introduced", "X, a new benchmark". */
    @Nested
    class Datasets {
        @Test
        void datasetVerbs() {
            assertHas(names("We compile DepthWorld, a dataset of 2M images."), "DepthWorld");
            assertHas(names("We collect NightDepth, the first night-time benchmark."), "NightDepth");
            assertHas(names("Our model is state of the art on KITTI and the newly introduced SynDepth-2 dataset."),
                    "SynDepth-2");
            assertHas(names("DepthBench, a new benchmark of 500 scenes, is released with the code. DepthBench covers"
                    + " indoor and outdoor scenes."), "DepthBench");
        }

        @Test
        void datasetsOthersMadeAreNotOurs() {
            assertHasNot(names("We evaluate on a new benchmark based on two popular datasets, REAL275 and NYUv2."),
                    "REAL275", "NYUv2");
        }
    }

    /** Lower-case names after an explicit cue. */
    @Nested
    class LowerCaseNamesAfterACue {
        @Test
        void lowerCaseNames() {
            assertHas(names("We add an objective called scale-shift alignment, which fixes the scale."),
                    "scale-shift alignment");
            assertHas(names("We average the weights; we call the resulting models depth soups."), "depth soups");
            assertHas(names("We average many models -- we call the results \"depth soups.\" They are robust."),
                    "depth soups");
            assertHas(names("It uses a technique we term 'edge distillation' at every scale."), "edge distillation");
        }

        @Test
        void phenomenaAndConceptsInLowerCaseAreNotNames() {
            assertHasNot(names("We identify a new phenomenon termed ``depth collapse,'' where errors grow."),
                    "depth collapse");
            assertHasNot(names("Once a point in the process, called saturation level, is passed, we stop."),
                    "saturation level");
        }

        @Test
        void aCueOfSomeoneElseNamesNothing() {
            assertHasNot(names("Smith et al. introduced an objective called scale-shift alignment."),
                    "scale-shift alignment");
            assertHasNot(names("We adopt a recently proposed regularizer, named GrOWL (group ordered weighted l1)."),
                    "GrOWL");
        }
    }

    /** The title is the name: no colon, the abstract defines its words. */
    @Nested
    class TitleIsTheName {
        @Test
        void titleDefinedByTheAbstract() {
            assertHas(MethodNames.extract("Gated Depth Refinement Networks",
                    "We expand depth refinement through the Gated Depth Refinement Network (GDRN), which gates."),
                    "Gated Depth Refinement Networks", "GDRN", "Gated Depth Refinement Network");
            assertHas(MethodNames.extract("Graph Attention Networks",
                    "We present graph attention networks (GATs), novel neural network architectures."),
                    "Graph Attention Networks", "GATs");
        }

        @Test
        void aTitleThatNamesATaskOrATermIsNot() {
            assertEquals(List.of(), MethodNames.extract("Single Domain Generalization for Depth Estimation",
                    "We investigate in this work single domain generalization (SDG) for depth."));
            assertEquals(List.of(), MethodNames.extract("Convolutional Neural Networks for Depth",
                    "We train convolutional neural networks (CNNs) on depth maps."));
        }
    }

    /** Every spelling the paper writes, and parameter-count suffixes. */
    @Nested
    class SpellingsAndSizes {
        @Test
        void everySpellingIsKept() {
            assertHas(MethodNames.extract("ZoomDepth: Looking Closer", "We propose Zoom Depth, a zooming method."),
                    "ZoomDepth", "Zoom Depth");
            assertHas(MethodNames.extract("SkyNet-2: Depth for Drones", "We present SkyNet 2, a model for drones."),
                    "SkyNet-2", "SkyNet 2");
            assertHas(MethodNames.extract("Co-teaching for Depth", "We propose a paradigm called ''Co-teaching'' to"
                    + " denoise labels; co-teaching trains two networks."), "Co-teaching", "co-teaching");
        }

        @Test
        void wordsThatOnlyShareLettersAreNotSpellings() {
            List<String> n = MethodNames.extract("HOLD: Hands and Objects", "We introduce HOLD. Our model can hold"
                    + " objects. RETRO++ improves over RETRO, a prior model.");
            assertHasNot(n, "hold", "RETRO");
            assertHasNot(MethodNames.extract("Move Anything with Layered Scene Diffusion",
                    "We propose SceneDiffusion to move objects."), "Scene Diffusion");
        }

        @Test
        void sizes() {
            assertHas(names("We propose Magpie, a family of models. Magpie 7B and Magpie 70B beat larger models."),
                    "Magpie", "Magpie 7B", "Magpie 70B");
        }

        @Test
        void spellingsComeAfterDistinctNamesWhenCapped() {
            List<String> n = MethodNames.extract("ZoomDepth: Looking Closer", "We propose Zoom Depth, a zooming method.");
            assertEquals("ZoomDepth", n.get(0));
            assertTrue(n.size() <= MethodNames.MAX_NAMES);
        }
    }

    /** What TeX and HTML leave in paper metadata. */
    @Nested
    class Debris {
        @Test
        void texDashesGluedToWords() {
            assertHas(names("Our algorithm---called Fixed Point Propagation (FPP)---is simple."),
                    "FPP", "Fixed Point Propagation");
        }

        @Test
        void htmlCharacterReferences() {
            assertHas(names("We propose a paradigm called &#39;&#39;Co-teaching&#39;&#39; for noisy labels."),
                    "Co-teaching");
            assertEquals("users' notes", LatexText.clean("users&amp;#39; notes"));
            assertEquals("Q&A and R&amp", LatexText.clean("Q&A and R&amp"));
        }

        @Test
        void exponentsInBraces() {
            assertHas(names("We develop $\\text{S}^2$Fusion, a framework fusing scenes and signals."), "S2Fusion");
        }
    }

    /** Other people's names, generic phrases, field terms, metrics and contests are never names. */
    @Nested
    class Negatives {
        @Test
        void otherWorksMentioned() {
            List<String> n = names("Models such as BERT, LLaVA and GPT-4 are strong. We compare with LLaVA-1.5 and"
                    + " GPT-4V on our data, and fine-tune BERT.");
            assertEquals(List.of(), n);
        }

        @Test
        void genericTitlePhrases() {
            assertEquals(List.of(), MethodNames.extract("Scaling Laws in Patchification: An Image Is Worth",
                    "We study how patch size changes scaling laws."));
        }

        @Test
        void fieldTermAcronymsUsedGenerically() {
            List<String> n = names("Imitation Learning (IL) and Reinforcement Learning (RL) are common. We propose"
                    + " a new Model Predictive Control (MPC) scheme for Markov Decision Processes (MDPs) using"
                    + " Genetic Algorithms (GA) and Feature Selection (FS).");
            assertHasNot(n, "IL", "Imitation Learning", "RL", "MPC", "Model Predictive Control", "MDPs", "GA", "FS");
        }

        @Test
        void contestsAndMetrics() {
            List<String> n = names("We ran a public contest, the Inverse Depth Prize, and report Mean Absolute"
                    + " Error (MAE) and Root Mean Square Error (RMSE).");
            assertHasNot(n, "Inverse Depth Prize", "MAE", "RMSE", "Mean Absolute Error", "Root Mean Square Error");
        }
    }

    /** Both halves of a definition, unless the long form is a modifier of something else. */
    @Nested
    class DefinitionHalves {
        @Test
        void aModifierIsNoName() {
            List<String> n = MethodNames.extract("CanvasNet: Open Diffusion Models",
                    "We assemble a dataset of Creative-Commons-licensed (CC) images. Our CC dataset is small.");
            assertHasNot(n, "Creative-Commons-licensed");
        }

        @Test
        void aHyphenatedNameStillPairs() {
            assertHas(MethodNames.extract("Tokens-to-Token ViT: Training Vision Transformers",
                    "We propose a new Tokens-To-Token Vision Transformer (T2T-ViT) that ..."), "Tokens-To-Token Vision Transformer");
            assertTrue(AcronymDefinition.endsAsModifier("Creative-Commons-licensed"));
            assertTrue(AcronymDefinition.endsAsModifier("Domain-agnostic"));
            assertFalse(AcronymDefinition.endsAsModifier("Metadata-Curated Language-Image Pre-training"));
            assertFalse(AcronymDefinition.endsAsModifier("Chain-of-Thought"));
            assertFalse(AcronymDefinition.endsAsModifier("Mixture of Experts"));
        }
    }
}
