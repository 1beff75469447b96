package dev.papernotes.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.index.IndexStore;
import dev.papernotes.index.Paper;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.index.UpdateProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper → notes maps (who mentions a paper, who links it) are kept up to date edit by edit, and
 * left alone when an edit refers to the same papers: after every edit they must say what the
 * notes' analyses say.
 */
class PaperNotesMapTest {
    @Test
    void theMapsFollowEveryEditAsTheAnalysesSayIt(@TempDir Path tmp) throws IOException {
        StringBuilder page = new StringBuilder("Mar 1\n\n");
        String[] names = {"Prism", "Lantern", "Quill", "Gated Fusion", "Tessel"};
        for (String n : names) {
            page.append(n).append(": ").append(n).append(" for Ranking Passages\n\nWe present ").append(n)
                    .append(", which ranks passages.\n\n");
        }
        page.append("Prism: Prism for Decoding Trees\n\nWe present Prism, which decodes trees.\n\n");
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("page.txt"), page.toString());
        try (IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(corpus), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                List<Paper> papers = new ArrayList<>();
                idx.forEach(papers::add);
                List<String> pieces = new ArrayList<>(List.of(" ", " ", "\n", "\n\n", "and", "- ", "passages", "x"));
                for (Paper p : papers) {
                    pieces.add("[[" + p.title() + "]]");
                    pieces.add("[@" + p.citekey() + "]");
                }
                for (String n : names) {
                    pieces.add(n);
                    pieces.add("[[" + n + "]]");
                }
                NoteWorkspace ws = new NoteWorkspace();
                String a = "file:///notes/a.md";
                String b = "file:///notes/b.md";
                NoteDocument docB = ws.open(b, "We read [[Lantern]] and Quill here.\n", 1);
                ws.analysis(docB, idx);
                NoteDocument docA = ws.open(a, "", 1);
                Random r = new Random(20261201);
                StringBuilder text = new StringBuilder();
                int referring = 0;
                RandomEdits edits = new RandomEdits(r, pieces, 3, 12, 500, 200);
                for (int version = 2; version < 1500; version++) {
                    edits.edit(text);
                    docA = ws.change(a, text.toString(), version);
                    NoteAnalysis analysisA = ws.analysis(docA, idx);
                    NoteAnalysis analysisB = ws.analysis(docB, idx);
                    for (Paper p : papers) {
                        Set<String> mentioning = new TreeSet<>();
                        boolean linked = false;
                        for (NoteAnalysis an : List.of(analysisA, analysisB)) {
                            for (PaperRef ref : an.refs()) {
                                if (ref.paperIds().contains(p.id())) {
                                    mentioning.add(an.document().uri());
                                    linked |= ref.kind() != PaperRef.Kind.MENTION;
                                }
                            }
                        }
                        String state = p.id() + " after \"" + text + "\"";
                        assertEquals(mentioning, new TreeSet<>(ws.notesMentioning(p.id())), state);
                        assertEquals(linked, ws.mentionContext().linkedElsewhere(p.id()), state);
                        referring += mentioning.contains(a) ? 1 : 0;
                    }
                }
                assertTrue(referring > 1000, "edits of a.md that refer to a paper: " + referring);
                ws.close(a);
                Set<String> left = new HashSet<>();
                for (Paper p : papers) {
                    left.addAll(ws.notesMentioning(p.id()));
                }
                assertEquals(Set.of(b), left, "a.md, closed and not on disk, refers to nothing");
            }
        }
    }
}
