package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
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
    private static final String FILLER = " It is evaluated on several public benchmarks against strong baselines and"
            + " studied in ablations that isolate each of its parts.";

    private static void paper(StringBuilder page, String title, String abstractText) {
        page.append(title).append("\n\n").append(abstractText).append(FILLER).append("\n\n");
    }

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
        StringBuilder page = new StringBuilder("new\n\nSubscribe\n\nMar 1\n\n");
        paper(page, "Prism: Feature Attribution through Many Views", "We present Prism, which attributes decisions.");
        paper(page, "MOT: Motion Tokens for Video Generation", "We propose MOT, discrete motion tokens for video.");
        paper(page, "Lantern: Dense Passage Ranking", "We present Lantern, a dense passage ranker for search.");
        paper(page, "Gossamer Attention for Long Documents", "We propose Kestrel, a thin attention for documents.");
        paper(page, "TSM: Token Slimming Module", "We introduce the Token Slimming Module (TSM) for transformers.");
        paper(page, "Gated Fusion: Mixing Modalities", "We propose Gated Fusion, which mixes modalities with gates.");
        paper(page, "Quill Net: Writing Strokes", "We propose Quill Net, which writes strokes.");
        for (int i = 0; i < 4; i++) {
            paper(page, "Views " + i + " on Robustness", "We look at classifiers through a prism and measure stability.");
            paper(page, "Gated Fusion of Sensors, Study " + i, "We fuse sensors with gates in a new task here.");
        }
        for (String who : new String[] {"pedestrians", "vehicles"}) {
            paper(page, "Tracking " + who + " in Crowds", "Multi-object tracking (MOT) of " + who + " is hard.");
        }
        paper(page, "Night Scenes for Detection", "A paper lantern lights the scene of our night dataset.");
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("page.txt"), page.toString());
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
