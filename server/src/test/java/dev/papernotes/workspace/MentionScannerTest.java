package dev.papernotes.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.index.IndexStore;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.index.UpdateProgress;
import dev.papernotes.notes.NoteChunks;
import dev.papernotes.notes.NoteParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scanning remembers spans and stretches it has seen; what it finds must be what a scan from
 * nothing finds.
 */
class MentionScannerTest {
    private static final String[] PIECES = {"Prism", "Lantern", "Quill Net", "Quill", "TSM", "B-TSM", "TSM-based",
        "Gated Fusion", "prism", "we use", "and", " ", " ", " ", "\n", "\n\n", "-", ".", ",", "\\", "$x$", "`TSM`",
        "[[Prism]]", "@key", "@key-TSM", "$x$-TSM", "[[Quill]]-TSM", "# ", "- ", "(", ")", "é", "Prism.", "GPT-4.5", "Lantern/Quill"};

    @Test
    void rememberedSpansFindWhatAFreshScanFinds(@TempDir Path tmp) throws IOException {
        StringBuilder page = new StringBuilder("new\n\nSubscribe\n\nMar 1\n\n");
        page.append("Prism: Feature Attribution through Many Views\n\nWe present Prism, which attributes decisions.\n\n");
        page.append("Lantern: Dense Passage Ranking\n\nWe present Lantern, a dense passage ranker.\n\n");
        page.append("Quill Net: Writing Strokes\n\nWe propose Quill Net, which writes strokes.\n\n");
        page.append("TSM: Token Slimming Module\n\nWe introduce the Token Slimming Module (TSM).\n\n");
        page.append("Gated Fusion: Mixing Modalities\n\nWe propose Gated Fusion, which mixes modalities.\n\n");
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("page.txt"), page.toString());
        try (IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(corpus), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                Random r = new Random(20261130);
                StringBuilder text = new StringBuilder();
                int found = 0;
                int split = 0;
                NoteChunks chunks = null;
                RandomEdits edits = new RandomEdits(r, List.of(PIECES), 4, 8, 600, 200);
                for (int round = 0; round < 3000; round++) {
                    edits.edit(text);
                    var note = NoteParser.parse(text.toString());
                    List<MentionScanner.Mention> expected = MentionScanner.scanUncached(note, idx.mentions());
                    assertEquals(expected, MentionScanner.scan(note, idx.mentions()), text.toString());
                    // as the editor's versions are parsed: stretches an edit left alone keep their parse
                    NoteChunks.Parsed parsed = NoteChunks.parse(text.toString(), null, chunks);
                    chunks = parsed.chunks();
                    assertEquals(expected, MentionScanner.scan(parsed.model(), chunks, idx.mentions()), text.toString());
                    split += chunks == null ? 0 : 1;
                    found += expected.size();
                }
                assertFalse(found == 0, "the notes mention the papers");
                assertTrue(split > 1000, "versions parsed in stretches: " + split);
            }
        }
    }
}
