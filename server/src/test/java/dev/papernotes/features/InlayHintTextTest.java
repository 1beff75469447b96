package dev.papernotes.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The wording of an inlay hint: what of the title shows, how it is cut, where author and year go. */
class InlayHintTextTest {
    @Test
    void theNameTheNoteShowsIsNotRepeated() {
        assertEquals("Multi-Scale Adaptive Cropping", InlayHintService.shortTitle("Mini-Monkey: Multi-Scale Adaptive Cropping", "mini monkey"));
        assertEquals("PROP: Probabilistic Robot Object Placement",
                InlayHintService.shortTitle("PROP: Probabilistic Robot Object Placement", "prop-2"));
        assertEquals("Scaling Laws in Patchification", InlayHintService.shortTitle("Scaling Laws in Patchification", "x"));
        assertEquals("Name:", InlayHintService.shortTitle("Name:", "Name"));
    }

    @Test
    void longTitlesAreCutAtAWordWithAnEllipsis() {
        assertEquals("Reading Scanned Field Notebooks with…",
                InlayHintService.truncate("Reading Scanned Field Notebooks with Layout-Aware Transformers", 40));
        assertEquals("A Survey…", InlayHintService.truncate("A Survey: of Everything Known to Humankind So Far", 10));
        assertEquals("Short title", InlayHintService.truncate("Short \n title", 40));
    }

    @Test
    void authorAndYearFollowTheTitleWhereKnown() {
        assertEquals("Title", InlayHintService.compose("Title", null, null));
        assertEquals("Title (Clark, 2020)", InlayHintService.compose("Title", "Clark", "2020"));
        assertEquals("Title (Clark)", InlayHintService.compose("Title", "Clark", " "));
        assertEquals("Title (2020)", InlayHintService.compose("Title", null, "2020"));
    }

    @Test
    void aLibraryPaperShowsItsFirstAuthorAndYear() {
        var attention = new dev.papernotes.index.PaperHeader("p1", "Attention Is All You Need", java.util.List.of(),
                "vaswaniAttentionAllYou2017", java.nio.file.Path.of("lib.bib"), 3, "Vaswani", true, "2017",
                "NeurIPS", 1, "vaswaniAttentionAllYou2017");
        assertEquals("Attention Is All You Need (Vaswani et al., 2017)", InlayHintService.hintText(attention, "x"));
        var solo = new dev.papernotes.index.PaperHeader("p2", "Mini-Monkey: Multi-Scale Adaptive Cropping",
                java.util.List.of("Mini-Monkey"), "huang2024", java.nio.file.Path.of("lib.bib"), 9, "Huang", false,
                "2024", "", 1, "huang2024");
        assertEquals("Multi-Scale Adaptive Cropping (Huang, 2024)", InlayHintService.hintText(solo, "Mini-Monkey"));
        var page = new dev.papernotes.index.PaperHeader("p3", "Scaling Laws in Patchification", java.util.List.of(),
                "scaling", java.nio.file.Path.of("page.txt"), 1);
        assertEquals("Scaling Laws in Patchification", InlayHintService.hintText(page, "x"), "a daily page has no authors");
    }

    /** Random titles of letters, spaces and astral characters: never longer than asked, never half a pair. */
    @Test
    void cuttingNeverBreaksASurrogatePair() {
        Random random = new Random(14);
        String[] pieces = {"a", "b", " ", "📚", "é", "-", "𝔸"};
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder("T");
            int n = random.nextInt(80);
            for (int j = 0; j < n; j++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            int max = 4 + random.nextInt(40);
            String cut = InlayHintService.truncate(sb.toString(), max);
            String head = cut.endsWith("…") ? cut.substring(0, cut.length() - 1) : cut;
            assertTrue(head.length() <= max, cut + " from " + sb);
            assertFalse(!head.isEmpty() && Character.isHighSurrogate(head.charAt(head.length() - 1)), cut);
            assertFalse(!head.isEmpty() && Character.isLowSurrogate(head.charAt(0)), cut);
            assertEquals(cut.endsWith("…"), sb.toString().replaceAll("\\s+", " ").strip().length() > max, cut);
        }
    }
}
