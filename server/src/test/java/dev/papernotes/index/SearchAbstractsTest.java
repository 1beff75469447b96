package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.papernotes.TestPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The papers whose abstract holds every word asked, remembered per snapshot by those words: the
 * same words written otherwise get the same answer, and a newer snapshot answers for its own papers.
 */
class SearchAbstractsTest {
    private static List<String> titles(List<PaperHeader> found) {
        return found.stream().map(PaperHeader::title).toList();
    }

    @Test
    void anAnswerIsKeptForItsSnapshotOnly(@TempDir Path tmp) throws IOException {
        Path corpus = new TestPage()
                .paper("ELECTRA: Pre-training Text Encoders as Discriminators",
                        "We pre-train with replaced token detection, a sample-efficient task.")
                .paper("Glass Channels", "We measure waveguide losses in glass.")
                .writeCorpus(tmp);
        try (IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(corpus), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                List<String> electra = List.of("ELECTRA: Pre-training Text Encoders as Discriminators");
                assertEquals(electra, titles(idx.searchAbstracts("replaced token", 5)));
                assertEquals(electra, titles(idx.searchAbstracts("Replaced  TOKEN ", 5)), "the same words");
                assertEquals(List.of(), titles(idx.searchAbstracts("replaced glass", 5)));
                assertEquals(List.of(), idx.searchAbstracts("the of", 5), "stop words only ask nothing");
            }
            Files.writeString(corpus.resolve("more.txt"), "new\n\nSubscribe\n\nMar 2\n\n"
                    + "Token Dropping for Faster Pre-training\n\nTokens are replaced or dropped; replaced token"
                    + " detection gets cheaper." + TestPage.FILLER + "\n\n");
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                assertEquals(2, idx.searchAbstracts("replaced token", 5).size(), "the newer snapshot's papers");
                assertEquals(1, idx.searchAbstracts("replaced token", 1).size(), "the limit is part of the question");
            }
        }
    }
}
