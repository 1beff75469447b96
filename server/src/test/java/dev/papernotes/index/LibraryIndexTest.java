package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.corpus.CorpusWarning;
import dev.papernotes.corpus.Occurrence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Libraries as corpus, at the index: one paper from several sources, same titles kept apart by
 * their authors, library keys as citekeys, and updates that read a library again.
 */
class LibraryIndexTest {
    @TempDir
    Path tmp;

    private static List<Paper> all(PaperIndex idx) throws IOException {
        List<Paper> out = new ArrayList<>();
        idx.forEach(out::add);
        return out;
    }

    private static List<Paper> titled(List<Paper> papers, String title) {
        return papers.stream().filter(p -> p.title().equals(title)).toList();
    }

    private static Paper byKey(List<Paper> papers, String key) {
        return papers.stream().filter(p -> p.citekey().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no paper @" + key + " in " + papers.stream().map(Paper::citekey).toList()));
    }

    private UpdateResult update(IndexStore store, List<CorpusWarning> warnings) throws IOException {
        return store.update(warnings::add, UpdateProgress.NONE, false);
    }

    @Test
    void onePaperFoundInThreeSourcesHasEveryOccurrence() throws IOException {
        Path lib = LibraryFixtures.copyTo(tmp.resolve("lib"));
        List<CorpusWarning> warnings = new ArrayList<>();
        try (IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(lib), 16)) {
            UpdateResult r = update(store, warnings);
            assertEquals(5, r.filesRead());
            assertEquals(16, r.entries());
            try (PaperIndex idx = store.acquire()) {
                List<Paper> papers = all(idx);
                Paper attention = byKey(papers, "vaswaniAttentionAllYou2017");
                assertEquals(List.of(
                        new Occurrence(lib.resolve("arxiv.jsonl"), 1, "", "1706.03762"),
                        new Occurrence(lib.resolve("zotero-bibtex.bib"),
                                LibraryFixtures.lineOf(lib.resolve("zotero-bibtex.bib"), "@inproceedings{vaswani"), "",
                                "vaswaniAttentionAllYou2017"),
                        new Occurrence(lib.resolve("zotero.json"), 2, "", "vaswaniAttentionAllYou2017")),
                        attention.occurrences());
                // The library's record wins: its authors (all eight), its venue macro resolved.
                assertEquals(8, attention.metadata().authors().size());
                assertEquals("Łukasz", attention.metadata().authors().get(6).given());
                assertEquals("Advances in Neural Information Processing Systems", attention.metadata().venue());
                assertEquals("1706.03762", attention.metadata().arxivId());
                assertEquals("10.48550/arxiv.1706.03762", attention.metadata().doi(), "from the CSL item");
                assertTrue(attention.abstractText().startsWith("We propose the Transformer, an encoder–decoder"),
                        "LaTeX dashes become Unicode: " + attention.abstractText());
                assertEquals("Vaswani et al. 2017, Advances in Neural Information Processing Systems", attention.byline());

                // The same title by other authors is another paper; so is each "Deep Learning".
                assertEquals(List.of("vaswaniAttentionAllYou2017", "perezAttentionAllYou2021"),
                        titled(papers, "Attention Is All You Need").stream().map(Paper::citekey).toList());
                assertEquals(2, titled(papers, "Deep Learning").size());
                // Same DOI in BibLaTeX and CSL-YAML: one paper.
                assertEquals(2, byKey(papers, "okaforGraphKernels2022").occurrences().size());
                // arXiv-only papers get generated keys; names are extracted as for pages.
                assertEquals(List.of("QINet", "Quantised Invented Networks"), byKey(papers, "qinet").methods(),
                        "the title spells out the acronym the abstract introduces");
                assertEquals(List.of("TinyMoE"), byKey(papers, "tanakaSparseMixtures2024").methods());
                // crossref: the proceedings' title is the child's venue (the parent comes after it).
                assertEquals("Proceedings of the Eighth Conference on Invented Translation",
                        byKey(papers, "mullerGrosseSprachmodelle2023").metadata().venue());
                assertEquals("Über große Sprachmodelle: BERT und die Aufmerksamkeit — eine Fallstudie",
                        byKey(papers, "mullerGrosseSprachmodelle2023").title());
                // The broken entry is read line by line, and the entries after it are all there.
                assertEquals("A Broken Entry With an Unclosed Brace", byKey(papers, "brokenEntry2022").title());
                assertEquals(13, papers.size());
                // The library key resolves as a link target and as a citation.
                assertEquals(attention.id(), idx.idByCitekey("vaswaniAttentionAllYou2017"));
                assertEquals(List.of(attention.id()), idx.resolveIds("vaswaniAttentionAllYou2017"));
            }
        }
        assertTrue(warnings.stream().anyMatch(w -> w.message().contains("'brokenEntry2022' is not closed")), warnings.toString());
    }

    @Test
    void readingALibraryAgainRewritesOnlyWhatChangedAndEqualsAFullBuild() throws IOException {
        Path lib = LibraryFixtures.copyTo(tmp.resolve("lib"));
        Path bib = lib.resolve("zotero-bibtex.bib");
        try (IndexStore store = IndexStore.open(tmp.resolve("inc"), List.of(lib), 16)) {
            update(store, new ArrayList<>());
            // Better BibTeX rewrites the whole file: a new entry first (every line moves), one title changed.
            String text = Files.readString(bib);
            String added = "@misc{zhangNewEntry2024,\n  title = {A New Entry at the Top},\n  author = {Zhang, Wei},\n"
                    + "  year = {2024}\n}\n\n";
            text = text.replace("@string{acl", added + "@string{acl")
                    .replace("title = {Deep Learning},\n  author = {LeCun", "title = {Deep Learning Revisited},\n  author = {LeCun");
            Files.writeString(bib, text);
            UpdateResult r = update(store, new ArrayList<>());
            assertEquals(1, r.filesRead());
            assertTrue(r.papersWritten() <= 3, "only the new and the changed paper are written, not "
                    + r.papersWritten());
            try (PaperIndex idx = store.acquire()) {
                List<Paper> papers = all(idx);
                Paper attention = byKey(papers, "vaswaniAttentionAllYou2017");
                int line = LibraryFixtures.lineOf(bib, "@inproceedings{vaswani");
                assertTrue(attention.occurrences().contains(new Occurrence(bib, line, "", "vaswaniAttentionAllYou2017")),
                        "the unchanged entry is found at its new line " + line + ": " + attention.occurrences());
                assertEquals("Deep Learning Revisited", byKey(papers, "lecunDeepLearning2015").title());
                assertNotNull(byKey(papers, "zhangNewEntry2024"));
                try (IndexStore fresh = IndexStore.open(tmp.resolve("full"), List.of(lib), 16)) {
                    update(fresh, new ArrayList<>());
                    try (PaperIndex full = fresh.acquire()) {
                        assertEquals(sorted(all(full)), sorted(papers));
                    }
                }
            }
        }
    }

    private static List<Paper> sorted(List<Paper> papers) {
        List<Paper> out = new ArrayList<>(papers);
        out.sort(java.util.Comparator.comparing(Paper::id));
        return out;
    }

    @Test
    void aRemovedFileTakesOnlyItsOwnOccurrences() throws IOException {
        Path lib = LibraryFixtures.copyTo(tmp.resolve("lib"));
        try (IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(lib), 16)) {
            update(store, new ArrayList<>());
            Files.delete(lib.resolve("zotero-bibtex.bib"));
            UpdateResult r = update(store, new ArrayList<>());
            assertEquals(1, r.filesRemoved());
            try (PaperIndex idx = store.acquire()) {
                List<Paper> papers = all(idx);
                Paper attention = titled(papers, "Attention Is All You Need").get(0);
                assertEquals(2, attention.occurrences().size(), attention.occurrences().toString());
                assertEquals("vaswaniAttentionAllYou2017", attention.citekey(), "still the CSL item's key");
                assertEquals(1, titled(papers, "Attention Is All You Need").size(), "Pérez's was only in the .bib");
                assertTrue(titled(papers, "Deep Learning").isEmpty());
            }
        }
    }

    @Test
    void aHalfWrittenLibraryKeepsThePapersOfItsLastGoodRead() throws IOException {
        Path lib = LibraryFixtures.copyTo(tmp.resolve("lib"));
        Path bib = lib.resolve("zotero-bibtex.bib");
        String whole = Files.readString(bib);
        try (IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(lib), 16)) {
            update(store, new ArrayList<>());
            int before;
            try (PaperIndex idx = store.acquire()) {
                before = idx.paperCount();
            }
            // Cut in the middle of an entry, as a writer caught half-way leaves it.
            Files.writeString(bib, whole.substring(0, whole.indexOf("journal = {Nature}")));
            List<CorpusWarning> warnings = new ArrayList<>();
            update(store, warnings);
            try (PaperIndex idx = store.acquire()) {
                assertEquals(before, idx.paperCount());
                assertNotNull(idx.idByCitekey("goodfellowDeepLearning2016"), "an entry after the cut is still there");
            }
            assertTrue(warnings.stream().anyMatch(w -> w.file().equals(bib)
                    && w.message().contains("keeping the papers of its last complete read")), warnings.toString());
            // An empty file, as a rewrite starts: the same.
            Files.writeString(bib, "");
            update(store, new ArrayList<>());
            try (PaperIndex idx = store.acquire()) {
                assertEquals(before, idx.paperCount());
            }
            // Whole again, with one entry fewer: read.
            Files.writeString(bib, whole.replace("@book{goodfellowDeepLearning2016", "@book{goodfellowDeepLearning2016x"));
            UpdateResult r = update(store, new ArrayList<>());
            assertEquals(1, r.filesRead());
            try (PaperIndex idx = store.acquire()) {
                assertEquals(null, idx.idByCitekey("goodfellowDeepLearning2016"));
                assertNotNull(idx.idByCitekey("goodfellowDeepLearning2016x"));
                assertEquals(before, idx.paperCount());
            }
        }
    }

    @Test
    void generatedCitekeysNeverTakeALibraryKey() throws IOException {
        Path lib = LibraryFixtures.copyTo(tmp.resolve("lib"));
        // A library that uses "qinet" for another paper: the arXiv paper named QINet may not have it.
        Files.writeString(lib.resolve("other.bib"), "@article{qinet,\n  title = {Queueing In Networks},\n"
                + "  author = {Erlang, Agner},\n  year = {1917}\n}\n");
        try (IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(lib), 16)) {
            update(store, new ArrayList<>());
            try (PaperIndex idx = store.acquire()) {
                List<Paper> papers = all(idx);
                assertEquals("Queueing In Networks", byKey(papers, "qinet").title());
                assertEquals("Quantised Invented Networks", byKey(papers, "qinet-2").title());
            }
        }
    }

    @Test
    void storesTheProblemsOfEachFileForCheck() throws IOException {
        Path lib = LibraryFixtures.copyTo(tmp.resolve("lib"));
        try (IndexStore store = IndexStore.open(tmp.resolve("idx"), List.of(lib), 16)) {
            update(store, new ArrayList<>());
            try (PaperIndex idx = store.acquire()) {
                List<CorpusWarning> stored = idx.corpusWarnings();
                assertEquals(List.of(
                        new CorpusWarning(lib.resolve("zotero-bibtex.bib"), 43,
                                "entry 'brokenEntry2022' is not closed (a '}' is missing before line 50); its fields were read line by line"),
                        new CorpusWarning(lib.resolve("zotero.json"), 34, "item 'noTitle2020' has no title; skipped")),
                        stored);
            }
            // Nothing changed: nothing read, the problems are still known.
            UpdateResult r = update(store, new ArrayList<>());
            assertFalse(r.committed());
            try (PaperIndex idx = store.acquire()) {
                assertEquals(2, idx.corpusWarnings().size());
            }
        }
    }
}
