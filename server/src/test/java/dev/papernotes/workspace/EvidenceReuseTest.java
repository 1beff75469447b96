package dev.papernotes.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.TestPage;
import dev.papernotes.index.IndexStore;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.index.UpdateProgress;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A note's analysis takes the evidence its last analysis worked out for a name when nothing that
 * evidence read has changed. Edit after edit, it must say exactly what an analysis of the same text
 * with nothing kept says: edits next to a name, in the words around it, in its links, and elsewhere.
 */
class EvidenceReuseTest {
    /** Papers another note links: changes between analyses, as other notes are edited. */
    private static final class Elsewhere implements MentionContext {
        final Set<String> linked = new HashSet<>();

        @Override
        public Set<String> ignoredNames(NoteDocument doc) {
            return Set.of();
        }

        @Override
        public boolean linkedElsewhere(String paperId) {
            return linked.contains(paperId);
        }

        @Override
        public long epoch() {
            return 0;
        }
    }

    /** Words of one length: a word swapped for another changes the surroundings but not where they are. */
    private static final List<String> SAME_LENGTH = List.of(" noise", " image", " dense", " tasks");

    /** Replaces one of {@link #SAME_LENGTH} in the text with another; false when there is none. */
    private static boolean swapWord(StringBuilder text, Random r) {
        String from = SAME_LENGTH.get(r.nextInt(SAME_LENGTH.size()));
        int at = text.indexOf(from, r.nextInt(text.length() + 1));
        if (at < 0) {
            at = text.indexOf(from);
        }
        if (at < 0) {
            return false;
        }
        String to = SAME_LENGTH.get(r.nextInt(SAME_LENGTH.size()));
        text.replace(at, at + from.length(), to);
        return true;
    }

    @Test
    void anAnalysisAfterAnEditSaysWhatOneFromNothingSays(@TempDir Path tmp) throws Exception {
        TestPage page = new TestPage();
        page.paper("RAIN: Retrieval Augmented Inference for Question Answering",
                "We propose RAIN, which retrieves passages at inference time to answer open questions.");
        page.paper("RAIN: Robust Adversarial Image Noise",
                "We propose RAIN, image perturbations that stay robust to resizing while fooling classifiers.");
        page.paper("TSM: Token Slimming Module for Efficient Vision Transformers",
                "We introduce the Token Slimming Module (TSM), which merges redundant tokens of a vision transformer.");
        page.paper("Lantern: Lighting Up Dense Passage Ranking",
                "We present Lantern, a dense passage ranker distilled from a cross-encoder.");
        page.paper("Night Scenes for Detection",
                "A paper lantern lights the scene in our night dataset of street images.");
        Path corpus = page.writeCorpus(tmp);
        List<String> pieces = List.of("RAIN", "RAIN", "TSM", "TSM", "Lantern", " retrieval", " question", " answering",
                " adversarial", " noise", " image", " tokens", " slimming", " module", " passage", " ranking",
                " dense", "[[RAIN]]", "[[TSM]]", " ", " ", " is", " neat", ".", "\n", "\n", "\n\n", "\r\n", "- ",
                "# ", "| ");
        try (IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(corpus), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex index = store.acquire()) {
                List<String> rainIds = index.idsByMention("RAIN", 8).ids();
                assertEquals(2, rainIds.size());
                Random r = new Random(20261203);
                RandomEdits edits = new RandomEdits(r, pieces, 4, 8, 700, 250);
                Elsewhere context = new Elsewhere();
                StringBuilder text = new StringBuilder("RAIN is neat.\n");
                NoteDocument doc = new NoteDocument("file:///notes/kept.md", null, text.toString(), 1, true);
                int narrowed = 0;
                int hinted = 0;
                int reused = 0;
                Set<List<String>> before = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                for (int round = 0; round < 3000; round++) {
                    if (r.nextInt(3) > 0 || !swapWord(text, r)) {
                        edits.edit(text);
                    }
                    if (r.nextInt(40) == 0) {
                        String id = rainIds.get(r.nextInt(2));
                        if (!context.linked.remove(id)) {
                            context.linked.add(id);
                        }
                    }
                    doc = doc.withText(text.toString(), round + 2);
                    NoteAnalysis kept = NoteAnalysis.of(doc, index, context);
                    NoteDocument fresh = new NoteDocument("file:///notes/fresh-" + round + ".md", null, text.toString(),
                            1, true);
                    NoteAnalysis plain = NoteAnalysis.of(fresh, index, context);
                    String note = text.toString();
                    assertEquals(plain.refs(), kept.refs(), () -> "refs of \"" + note + "\"");
                    assertEquals(plain.hints(), kept.hints(), () -> "hints of \"" + note + "\"");
                    hinted += kept.hints().size();
                    Set<List<String>> narrowedLists = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                    for (PaperRef p : kept.refs()) {
                        if (p.written().equals("RAIN") && p.paperIds().size() == 1) {
                            narrowed++;
                            narrowedLists.add(p.paperIds());
                            // the very list the last analysis made: its answer was taken again
                            reused += before.contains(p.paperIds()) ? 1 : 0;
                        }
                    }
                    before = narrowedLists;
                }
                // Both outcomes of the evidence, many times over: the comparison saw it decide.
                assertTrue(narrowed > 100, "RAIN narrowed to one paper: " + narrowed);
                assertTrue(hinted > 500, "names without evidence: " + hinted);
                assertTrue(reused > narrowed * 11 / 20, "answers taken again: " + reused + " of " + narrowed);
            }
        }
    }
}
