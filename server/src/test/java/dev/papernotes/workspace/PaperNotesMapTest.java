package dev.papernotes.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.TestPage;
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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
        // A name of six papers: its list of papers is one object while the index remembers it
        for (int i = 0; i < 5; i++) {
            page.append("Tessel: Tessel for Tiling Floor ").append(i).append("\n\nWe present Tessel, which tiles floor ")
                    .append(i).append(".\n\n");
        }
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

    /**
     * A request that finds a note's analysis at hand ({@code isAnalyzed}) skips reading the note and
     * trusts the maps: another thread's analysis must be in them before it can be found. (References
     * right after an open once missed the opened note: diagnostics had just analysed it.)
     */
    @Test
    void anAnalysisAtHandIsAlreadyInTheMaps(@TempDir Path tmp) throws Exception {
        // The note that mentions Prism links 120 papers more: the map has more to record, and the
        // moment between an analysis published too early and its record is wide enough to be seen.
        TestPage page = new TestPage();
        page.paper("Prism: Prism for Ranking Passages", "We present Prism, which ranks passages.");
        StringBuilder mentioning = new StringBuilder("We read Prism today.");
        for (int i = 0; i < 120; i++) {
            page.paper("Tessera" + i + ": Tiles Number " + i, "We present Tessera" + i + ", which tiles planes.");
            mentioning.append(" [[Tessera").append(i).append("]]");
        }
        Path corpus = page.writeCorpus(tmp);
        try (IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(corpus), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            try (PaperIndex idx = store.acquire()) {
                String prism = idx.resolveIds("Prism", 1).ids().get(0);
                NoteWorkspace ws = new NoteWorkspace();
                String a = "file:///notes/a.md";
                int versions = 3000;
                AtomicReference<NoteDocument> current = new AtomicReference<>();
                CyclicBarrier observed = new CyclicBarrier(2);
                AtomicReference<String> wrong = new AtomicReference<>();
                Thread observer = new Thread(() -> {
                    try {
                        for (int v = 1; v <= versions; v++) {
                            NoteDocument d;
                            while ((d = current.get()) == null || d.version() != v || !ws.isAnalyzed(d, idx)) {
                                Thread.onSpinWait();
                            }
                            boolean mentions = d.text().contains("Prism");
                            Set<String> map = ws.notesMentioning(prism);
                            if (mentions != map.contains(a)) {
                                wrong.set("version " + v + (mentions ? " (Prism and links)" : " (no Prism)")
                                        + " is analysed, but the map says " + map);
                            }
                            observed.await(10, TimeUnit.SECONDS);
                            if (wrong.get() != null) {
                                return;
                            }
                        }
                    } catch (Exception e) {
                        wrong.compareAndSet(null, e.toString());
                    }
                });
                observer.setDaemon(true);
                observer.start();
                for (int v = 1; v <= versions && wrong.get() == null; v++) {
                    NoteDocument d = v == 1 ? ws.open(a, "Nothing yet.\n", v)
                            : ws.change(a, v % 2 == 0 ? mentioning + "\n" : "Nothing yet.\n", v);
                    current.set(d);
                    ws.analysis(d, idx);
                    observed.await(10, TimeUnit.SECONDS);
                }
                observer.join(10_000);
                assertNull(wrong.get());
            }
        }
    }
}
