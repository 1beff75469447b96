package dev.papernotes.names;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FieldTermsTest {
    @Test
    void acronymsAndPhrasesOfTheFieldAreFieldTerms() {
        for (String t : new String[] {"IL", "GA", "FS", "CL", "MPC", "EBM", "MDPs", "RL", "LLMs",
                "Imitation Learning", "imitation learning", "Model Predictive Control", "chain-of-thought",
                "Chain of Thought", "Mixture-of-Experts", "Score Distillation Sampling", "SDS", "Gaussian Splatting",
                "Latent Diffusion Models", "MOTA", "lookup table", "Markov Random Field", "ResNet", "ControlNet",
                "TL;DR", "TLDR", "RGB", "RGB-D", "GPS", "IMU", "CAD", "GMMs", "SNR", "NMS", "RoI", "ROIs", "BEV", "TTA", "MOT"}) {
            assertTrue(FieldTerms.isFieldTerm(t), t);
        }
    }

    @Test
    void coinedNamesAndWordsOfPhrasesAreNot() {
        for (String t : new String[] {"Griffon v2", "GraphAdapter", "AST", "Prepacking", "chain", "of", "thought",
                "learning", "imitation", "", "  "}) {
            assertFalse(FieldTerms.isFieldTerm(t), t);
        }
    }
}
