package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.papernotes.TestPage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The related papers a hover lists: those sharing the paper's distinctive words, best first. */
class RelatedPapersTest {
    private static List<String> titles(List<PaperHeader> headers) {
        List<String> out = new ArrayList<>();
        for (PaperHeader h : headers) {
            out.add(h.title());
        }
        return out;
    }

    @Test
    void papersSharingDistinctiveWordsBestFirst(@TempDir Path tmp) throws IOException {
        TestPage page = new TestPage();
        page.paper("Lantern: Photonic Sensing", "We propose Lantern, a photonic waveguide design. "
                + "The waveguide couples light into an interferometer.");
        page.paper("Glass Channels", "We measure waveguide losses in glass.");
        page.paper("Strain Gauges", "An interferometer reads strain in bridges.");
        page.paper("Garden Planning", "Tomatoes prefer sunny plots.");
        page.paper("Quixotic Zygomorphy", "Zygomorphic quixotry befuddles lexicographers.");
        Path corpus = page.writeCorpus(tmp);
        try (IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(corpus), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                Paper lantern = idx.resolve("Lantern").get(0);
                // "waveguide" twice weighs more than "interferometer" once; the paper itself is never listed.
                assertEquals(List.of("Glass Channels"), titles(idx.related(lantern, 1)));
                assertEquals(List.of("Glass Channels", "Strain Gauges"), titles(idx.related(lantern, 3)));
                assertEquals(List.of("Glass Channels", "Strain Gauges"), titles(idx.related(lantern, 2)));
                assertEquals(List.of("Glass Channels", "Strain Gauges"), titles(idx.related(lantern, 5)));
                assertEquals(List.of("Glass Channels"), titles(idx.related(lantern, 1)));
                // Words no other paper has, and words every paper has, relate nothing: asked twice, still nothing.
                Paper lonely = idx.resolve("Quixotic Zygomorphy").get(0);
                assertEquals(List.of(), idx.related(lonely, 3));
                assertEquals(List.of(), idx.related(lonely, 3));
            }
        }
    }
}
