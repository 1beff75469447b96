package dev.papernotes.lsp;

import static dev.papernotes.lsp.MentionFixtures.hover;
import static dev.papernotes.lsp.MentionFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bare-mention rules through the protocol, on {@link MentionFixtures}' corpus: what a hover
 * finds in prose (a mention) and what it does not (a field term, a short name without evidence, a
 * longer name, another work's title).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MentionRulesTest {
    private Path notes;
    private LspTestClient client;
    private final AtomicInteger n = new AtomicInteger();

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        notes = Files.createDirectories(tmp.resolve("notes"));
        client = MentionFixtures.start(tmp, notes, null);
    }

    @AfterAll
    void stop() throws Exception {
        client.shutdownAndExit();
        client.close();
    }

    private String fresh() {
        return notes.resolve("note-" + n.incrementAndGet() + ".md").toUri().toString();
    }

    /** The hover in a note of its own, closed afterwards: its links must not become evidence for the next. */
    private String hoverText(String marked) throws Exception {
        String uri = fresh();
        try {
            return text(hover(client, uri, Cursor.of(marked)));
        } finally {
            client.server().getTextDocumentService().didClose(
                    new org.eclipse.lsp4j.DidCloseTextDocumentParams(new org.eclipse.lsp4j.TextDocumentIdentifier(uri)));
        }
    }

    @Test
    void aCoinedNameIsAMention() throws Exception {
        Hover h = hover(client, fresh(), Cursor.of("Yesterday I read about Pa‸LM and liked it."));
        assertNotNull(h);
        assertTrue(text(h).contains("**PaLM: Scaling Language Modeling with Pathways**"), text(h));
        assertEquals(new Range(new Position(0, 23), new Position(0, 27)), h.getRange());
    }

    @Test
    void aNameTheCorpusUsesAsAWordIsNoMentionButStillALink() throws Exception {
        assertNull(hoverText("Pri‸sm explains classifiers."));
        assertTrue(hoverText("See [[Pri‸sm]].").contains("Prism: Feature Attribution through Many Views"));
    }

    @Test
    void anAcronymOtherPapersDefineForThemselvesIsNoMention() throws Exception {
        assertNull(hoverText("MO‸T of pedestrians is hard in crowds."));
        assertTrue(hoverText("See [[MO‸T]].").contains("MOT: Motion Tokens for Video Generation"));
    }

    @Test
    void aShortAllCapsNameNeedsEvidenceInTheNote() throws Exception {
        assertNull(hoverText("TS‸M is neat."));
        assertTrue(hoverText("TS‸M slims the tokens, so it runs faster.").contains("Token Slimming Module"));
        assertTrue(hoverText("TS‸M is neat [@tsm].").contains("Token Slimming Module"));
        assertTrue(hoverText("The Token Slimming Module is neat.\n\nLater: TS‸M again.").contains("Token Slimming"));
    }

    @Test
    void titleWordsCountInTheSameParagraphOrItemOnly() throws Exception {
        assertNull(hoverText("- TS‸M is neat\n- tokens are slimmed by another method\n"));
        assertTrue(hoverText("TS‸M is neat\nbecause it slims tokens.\n").contains("Token Slimming"));
    }

    @Test
    void evidenceNarrowsANameTwoPapersShare() throws Exception {
        String md = hoverText("RA‸IN retrieves passages for question answering.");
        assertNotNull(md);
        assertTrue(md.startsWith("**RAIN: Retrieval Augmented Inference"), md); // one paper, not "2 papers are called"
    }

    @Test
    void aSharedShortNameWithoutEvidenceIsInformationNotAMention() throws Exception {
        String uri = fresh();
        Cursor c = Cursor.of("Which RA‸IN is it?\n");
        assertNull(hover(client, uri, c));
        PublishDiagnosticsParams p = client.awaitDiagnostics(uri, d -> !d.getDiagnostics().isEmpty(), 20);
        Diagnostic d = p.getDiagnostics().get(0);
        assertEquals(DiagnosticSeverity.Information, d.getSeverity());
        assertTrue(d.getMessage().getLeft().startsWith("'RAIN' names 2 papers"), d.getMessage().getLeft());
    }

    @Test
    void anOrdinaryWordNeedsEvidence() throws Exception {
        assertNull(hoverText("Lant‸ern is the best."));
        assertTrue(hoverText("Lant‸ern ranks each passage densely.").contains("Lantern: Lighting Up"));
    }

    @Test
    void aPhraseOfCommonWordsNeedsEvidenceUnlessItIsTheWholeTitle() throws Exception {
        assertNull(hoverText("Strong ‸Baselines are hard to beat."));
        assertTrue(hoverText("Strong ‸Baselines make passage retrieval cheap.").contains("Strong Baselines: Calibrated"));
        assertTrue(hoverText("Public ‸Benchmarks is a survey I liked.").contains("**Public Benchmarks**"));
    }

    @Test
    void aNameOnlyAnAbstractGivesNeedsEvidence() throws Exception {
        assertNull(hoverText("Kest‸rel is fast."));
        assertTrue(hoverText("Kest‸rel keeps a gossamer summary of each document.").contains("Gossamer Attention"));
    }

    @Test
    void aVersionSizeOrSuffixMakesAnotherThing() throws Exception {
        assertNull(hoverText("Pa‸LM 2 is better."));
        assertNull(hoverText("We called the Pa‸LM API."));
        assertNull(hoverText("Pa‸LM++ is a joke."));
        assertNull(hoverText("Pa‸LM-large is big."));
        assertNull(hoverText("Pa‸LM 540B is big."));
        assertNull(hoverText("Zephy‸rine 3 is rumoured."));
        assertNotNull(hoverText("Pa‸LM is 2x larger."));
        assertNotNull(hoverText("We tried Pa‸LM."));
        // The paper writes "Zephyrine 2" itself: that is still this paper.
        assertTrue(hoverText("Zephy‸rine 2 samples in four steps.").contains("Zephyrine: Fast Sampling"));
    }

    @Test
    void headingsTableCellsListsAndLinkTextFollowTheSameRules() throws Exception {
        assertNotNull(hoverText("# Pa‸LM results\n"));
        assertNotNull(hoverText("| model | size |\n|---|---|\n| Pa‸LM | 540B |\n"));
        assertNotNull(hoverText("- [Pa‸LM](https://example.org/palm)\n- [Prism](https://example.org/prism)\n"));
        assertNull(hoverText("- [Pa‸LM](https://example.org/palm)".replace("Pa‸LM", "Pri‸sm")));
        assertNull(hoverText("# TS‸M\n"));
        assertNull(hoverText("| MO‸T | 12 |\n|---|---|\n"));
    }

    @Test
    void aNameFollowedByAnotherWorksTitleIsThatWork() throws Exception {
        assertNull(hoverText("- [Pa‸LM: Palm Tree Detection in Drone Imagery](https://example.org/x)\n"));
        assertNull(hoverText("We use Naturalized Palm Leaf Segmentation (Pa‸LM) here.\n"));
        assertNotNull(hoverText("- [Pa‸LM: Scaling Language Models with the Pathways System](https://example.org)\n"));
    }

    @Test
    void anotherWorksTitleSharingSomeWordsOfTheFieldIsStillAnotherWork() throws Exception {
        // one word of four in common with "Zephyrine: Fast Sampling for Diffusion Models"
        assertNull(hoverText("- [Zephy‸rine: Diffusion Transformers for Audio Generation](https://example.org/z)\n"));
        // two of five: still not this paper
        assertNull(hoverText("- [Zephy‸rine: Fast Diffusion for Protein Structure Design](https://example.org/z)\n"));
        // the paper's own title, written a little differently, is this paper
        assertNotNull(hoverText("- [Zephy‸rine: Fast Sampling of Diffusion Models](https://example.org/z)\n"));
        // a remark in the note's own words after the name: one word of the title is enough
        assertNotNull(hoverText("- Zephy‸rine: speeds up sampling by a lot\n"));
    }

    @Test
    void aTitleThatSpellsOutOrAbbreviatesTheTitlesWordsIsThisPaper() throws Exception {
        // "DMs" is "Diffusion Models": two of three words shared, not one of two
        assertNotNull(hoverText("- [Zephy‸rine: Sampling DMs Quickly](https://example.org/z)\n"));
        assertNull(hoverText("- [Zephy‸rine: Sampling Proteins Quickly](https://example.org/z)\n"));
    }

    @Test
    void aCoinedNameKeepsItsPaperWhenTheTitleChangedBetweenVersions() throws Exception {
        assertNotNull(hoverText("- [Hallow‸Bench: You See What You Think? A Benchmark of Image-Context Reasoning](https://x)\n"));
        // a short name is the kind two works share: the other title means the other work
        assertNull(hoverText("- [Pa‸LM: Palm Tree Detection in Drone Imagery](https://example.org/x)\n"));
    }

    @Test
    void theNotesOwnSpellingOutOfAnAcronymIsAnotherThing() throws Exception {
        // the paper's TSM is the "Token Slimming Module"; the note's is a compound of its own
        assertNull(hoverText("We add a **shifting (T‸SM)** block that slims the tokens of each vision transformer.\n"));
        assertNotNull(hoverText("We add a T‸SM block that slims the tokens of each vision transformer.\n"));
        // once the note has said what its TSM is, every TSM of the note is that, before and after
        assertNull(hoverText("The T‸SM block slims the tokens of a vision transformer.\n\n"
                + "We call it **time-shifting (TSM)** here.\n"));
        assertNull(hoverText("We call it **time-shifting (TSM)** here.\n\n"
                + "The T‸SM block slims the tokens of a vision transformer.\n"));
        assertNotNull(hoverText("We add a Token Slimming Module (T‸SM) to each vision transformer.\n"));
    }

    @Test
    void texMathIsNotProse() throws Exception {
        assertNull(hoverText("The update $\\Delta W = Pa‸LM$ is small."));
        assertNull(hoverText("The update \\Pa‸LM is small."));
        assertNotNull(hoverText("It costs $5 and Pa‸LM costs $10."));
    }
}
