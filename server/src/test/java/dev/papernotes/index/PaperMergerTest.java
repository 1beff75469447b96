package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.papernotes.corpus.Author;
import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.Occurrence;
import dev.papernotes.corpus.PaperKey;
import dev.papernotes.corpus.PaperMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Which sources are one paper, and what the paper takes from each. */
class PaperMergerTest {
    private int line;

    private CorpusEntry page(String title) {
        return new CorpusEntry(title, "abstract of " + title, new Occurrence(Path.of("/c/p.txt"), ++line, "Mar 1"));
    }

    private CorpusEntry lib(String key, String title, String family, String doi, String arxiv) {
        return new CorpusEntry(title, "", new Occurrence(Path.of("/c/lib.bib"), ++line, "", key),
                new PaperMetadata(family.isEmpty() ? List.of() : List.of(new Author(family, "A.")), false, "2020", "2020",
                        "Venue", doi, arxiv, "", List.of(), key));
    }

    private static List<List<String>> handles(List<List<CorpusEntry>> groups) {
        List<List<String>> out = new ArrayList<>();
        for (List<CorpusEntry> g : groups) {
            out.add(g.stream().map(e -> e.occurrence().handle().isEmpty() ? "line" + e.occurrence().line()
                    : e.occurrence().handle()).sorted().toList());
        }
        return out;
    }

    @Test
    void doiAndArxivBridgeDifferentTitles() {
        List<CorpusEntry> s = List.of(lib("a", "Preprint Title", "Smith", "", "2101.00001"),
                lib("b", "Published Title", "Smith", "10.1/x", "2101.00001"),
                lib("c", "Another Venue's Title", "Smith", "10.1/x", ""));
        assertEquals(List.of(List.of("a", "b", "c")), handles(PaperMerger.cluster(s)));
    }

    @Test
    void theSameTitleByOtherAuthorsIsAnotherPaperAndAPageJoinsTheFirst() {
        List<CorpusEntry> s = List.of(lib("lecun", "Deep Learning", "LeCun", "", ""),
                lib("goodfellow", "Deep learning", "Goodfellow", "", ""),
                page("Deep Learning"),
                lib("lecun2", "DEEP LEARNING", "LeCun", "", ""));
        assertEquals(List.of(List.of("lecun", "lecun2", "line3"), List.of("goodfellow")), handles(PaperMerger.cluster(s)));
    }

    @Test
    void theLibraryRecordWinsAndThePageFillsTheAbstract() {
        CorpusEntry p = page("Attention is all you need");
        CorpusEntry l = lib("vaswani2017", "Attention Is All You Need", "Vaswani", "", "1706.03762");
        PaperMerger.Merged m = PaperMerger.merge(List.of(p, l));
        assertEquals("Attention Is All You Need", m.title());
        assertEquals("abstract of Attention is all you need", m.abstractText());
        assertEquals("vaswani2017", m.libraryKey());
        assertEquals(PaperKey.idOf(PaperKey.titleKey("Attention Is All You Need"), "vaswani"), m.id());
        assertEquals(List.of(p.occurrence(), l.occurrence()).stream().sorted(PaperMerger.CORPUS_ORDER).toList(),
                m.occurrences());
    }

    /** Sources without authors or identifiers (pages) are one paper exactly when their title keys agree. */
    @Test
    void pagesGroupByTitleKeyWhateverTheOrder() {
        Random r = new Random(42);
        String[] words = {"Attention", "attention", "Deep", "deep", "Learning", "learning:", "of", "All", "all"};
        for (int round = 0; round < 200; round++) {
            List<CorpusEntry> sources = new ArrayList<>();
            Map<String, Set<Integer>> expected = new HashMap<>();
            for (int i = 0; i < 30; i++) {
                String title = words[r.nextInt(words.length)] + " " + words[r.nextInt(words.length)];
                CorpusEntry e = page(title);
                sources.add(e);
                expected.computeIfAbsent(PaperKey.titleKey(title), k -> new TreeSet<>()).add(e.occurrence().line());
            }
            java.util.Collections.shuffle(sources, r);
            Set<Set<Integer>> got = new java.util.HashSet<>();
            for (List<CorpusEntry> g : PaperMerger.cluster(sources)) {
                Set<Integer> lines = new TreeSet<>();
                g.forEach(e -> lines.add(e.occurrence().line()));
                got.add(lines);
            }
            assertEquals(new java.util.HashSet<>(expected.values()), got);
        }
    }
}
