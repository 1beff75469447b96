package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.papernotes.TestPage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus-level usage of names, as the mention dictionary carries it after a commit: a name
 * other papers use as a word, an acronym they define for themselves, a phrase their titles share,
 * a word they write in lower case, a name no title carries.
 */
class NameUsageTest {
    /** The flags the dictionary gives {@code name}, or -1 when it is no entry. */
    private static int flags(PaperIndex idx, String name) throws IOException {
        int[] out = {-1};
        idx.mentions().walker().matchesAt(name, 0, name.length(), (MentionDictionary.FlaggedHit) (end, count, f) -> {
            if (end == name.length()) {
                out[0] = f;
            }
        });
        return out[0];
    }

    @Test
    void flagsFollowHowTheCorpusUsesEachName(@TempDir Path tmp) throws IOException {
        TestPage page = new TestPage();
        page.paper("Prism: Feature Attribution through Many Views", "We present Prism, which attributes decisions.");
        page.paper("MOT: Motion Tokens for Video Generation", "We propose MOT, discrete motion tokens for video.");
        page.paper("Lantern: Dense Passage Ranking", "We present Lantern, a dense passage ranker for search.");
        page.paper("Gossamer Attention for Long Documents", "We propose Kestrel, a thin attention for documents.");
        page.paper("TSM: Token Slimming Module", "We introduce the Token Slimming Module (TSM) for transformers.");
        page.paper("Gated Fusion: Mixing Modalities", "We propose Gated Fusion, which mixes modalities with gates.");
        page.paper("Quill Net: Writing Strokes", "We propose Quill Net, which writes strokes.");
        for (int i = 0; i < 4; i++) {
            page.paper("Views " + i + " on Robustness", "We look at classifiers through a prism and measure stability.");
            page.paper("Gated Fusion of Sensors, Study " + i, "We fuse sensors with gates in a new task here.");
        }
        for (String who : new String[] {"pedestrians", "vehicles"}) {
            page.paper("Tracking " + who + " in Crowds", "Multi-object tracking (MOT) of " + who + " is hard.");
        }
        page.paper("Night Scenes for Detection", "A paper lantern lights the scene of our night dataset.");
        Path corpus = page.writeCorpus(tmp);
        try (IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(corpus), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                assertEquals(NameUsage.threshold(idx.paperCount()), 4);
                // Four other abstracts write "prism": a word of the field here, and ordinary.
                assertEquals(MentionDictionary.GENERIC | MentionDictionary.ORDINARY, flags(idx, "Prism"));
                // Two other papers define MOT for their own task.
                assertEquals(MentionDictionary.GENERIC, flags(idx, "MOT") & MentionDictionary.GENERIC);
                // One other abstract writes "lantern": ordinary, not general.
                assertEquals(MentionDictionary.ORDINARY, flags(idx, "Lantern"));
                // Only an abstract sentence gives Kestrel; no title has it.
                assertEquals(MentionDictionary.UNOWNED, flags(idx, "Kestrel"));
                // Four other titles share the phrase; none shares "Quill Net".
                assertEquals(MentionDictionary.GENERIC, flags(idx, "Gated Fusion") & MentionDictionary.GENERIC);
                assertEquals(0, flags(idx, "Quill Net"));
                assertEquals(0, flags(idx, "TSM"));
                assertEquals(0, flags(idx, "Token Slimming Module"));
            }
        }
    }

    @Test
    void theThresholdGrowsWithTheCorpus() {
        assertEquals(4, NameUsage.threshold(10));
        assertEquals(4, NameUsage.threshold(4000));
        assertEquals(10, NameUsage.threshold(10_000));
        assertEquals(1000, NameUsage.threshold(1_000_000));
    }
}
