package dev.papernotes.workspace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.index.MentionDictionary;
import org.junit.jupiter.api.Test;

class EvidenceRuleTest {
    @Test
    void shortAllCapsNames() {
        for (String s : new String[] {"TSM", "SOLO", "RGB", "IL", "TL;DR", "M3", "UL2", "B-PR", "GEARS", "SOLOS", "NAMs", "GANs", "TSMs"}) {
            assertTrue(EvidenceRule.isShortCaps(s), s);
        }
        for (String s : new String[] {"PaLM", "HiP", "LLaDA", "GEARSX", "X", "3", "B-PROP", "YOLO5", "Ms", "s", "ALBERTs", "TS M", "Yi"}) {
            assertFalse(EvidenceRule.isShortCaps(s), s);
        }
    }

    @Test
    void acronymsOfPhrasesWithOf() {
        for (String s : new String[] {"FoI", "RoI", "LoS", "CCoT", "SoTA", "DoF"}) {
            assertTrue(EvidenceRule.isOfAcronym(s), s);
        }
        for (String s : new String[] {"PaLM", "Solo", "Co", "CoTracker", "DeepV2D", "SOLO", "oXo"}) {
            assertFalse(EvidenceRule.isOfAcronym(s), s);
        }
        assertTrue(EvidenceRule.needsEvidence("FoI", 0, false));
        assertFalse(EvidenceRule.needsEvidence("PaLM", 0, false));
    }

    @Test
    void wordShapedNamesAreCapitalizedOrAllCapitalLetters() {
        for (String s : new String[] {"Chameleon", "SOLO", "Key", "NEAT"}) {
            assertTrue(EvidenceRule.isWordShaped(s), s);
        }
        for (String s : new String[] {"PaLM", "DeepV2D", "mixup", "Mini-Monkey", "X", "GPT4"}) {
            assertFalse(EvidenceRule.isWordShaped(s), s);
        }
    }

    @Test
    void evidenceIsNeededForShortOrdinaryOrUnownedNames() {
        assertTrue(EvidenceRule.needsEvidence("TSM", 0, false));
        assertTrue(EvidenceRule.needsEvidence("Lantern", MentionDictionary.ORDINARY, false));
        assertTrue(EvidenceRule.needsEvidence("Kestrel", MentionDictionary.UNOWNED, false));
        assertTrue(EvidenceRule.needsEvidence("Chameleon", 0, true));
        assertFalse(EvidenceRule.needsEvidence("Prepacking", 0, false));
        assertFalse(EvidenceRule.needsEvidence("Griffon v2", 0, false));
    }
}
