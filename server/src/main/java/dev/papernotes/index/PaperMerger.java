package dev.papernotes.index;

import dev.papernotes.corpus.Author;
import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.Occurrence;
import dev.papernotes.corpus.PaperKey;
import dev.papernotes.corpus.PaperMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One paper from the sources found to be the same paper. Libraries come first (the user's own
 * record: their title's capitals, their key), then arXiv metadata, then daily pages; within a
 * kind, corpus order. Each field is the first non-empty one in that order, so a page contributes
 * its abstract to a library entry that has none, and an arXiv line its authors.
 */
final class PaperMerger {
    private PaperMerger() {
    }

    /**
     * @param sources     in corpus order
     * @param libraryKeys every library key among the sources, the paper's citekey first
     */
    record Merged(String id, String title, String abstractText, PaperMetadata metadata, List<CorpusEntry> sources,
            List<String> libraryKeys) {

        List<Occurrence> occurrences() {
            List<Occurrence> out = new ArrayList<>(sources.size());
            for (CorpusEntry e : sources) {
                out.add(e.occurrence());
            }
            return out;
        }

        /** The paper's own key, or empty when it needs a generated one. */
        String libraryKey() {
            return libraryKeys.isEmpty() ? "" : libraryKeys.get(0);
        }
    }

    static final Comparator<Occurrence> CORPUS_ORDER = Comparator
            .comparing((Occurrence o) -> o.file().toString())
            .thenComparingInt(Occurrence::line)
            .thenComparing(Occurrence::handle);

    static final Comparator<CorpusEntry> SOURCE_ORDER = Comparator.comparing(CorpusEntry::occurrence, CORPUS_ORDER);

    /** 0 for a library entry (it has its own key), 1 for other metadata (arXiv), 2 for a page. */
    static int rank(CorpusEntry e) {
        if (!e.metadata().key().isEmpty()) {
            return 0;
        }
        return e.metadata().isEmpty() ? 2 : 1;
    }

    static Merged merge(List<CorpusEntry> sources) {
        if (sources.size() == 1) {
            // Found once (most papers): the source is the paper.
            CorpusEntry e = sources.get(0);
            PaperMetadata m = e.metadata();
            String id = PaperKey.idOf(PaperKey.titleKey(e.title()), m.firstAuthorKey());
            return new Merged(id, e.title(), e.abstractText(), m, List.of(e), m.key().isEmpty() ? List.of()
                    : List.of(m.key()));
        }
        List<CorpusEntry> ordered = new ArrayList<>(sources);
        ordered.sort(SOURCE_ORDER);
        List<CorpusEntry> byRank = new ArrayList<>(ordered);
        byRank.sort(Comparator.comparingInt(PaperMerger::rank)); // stable: corpus order within a rank
        String title = byRank.get(0).title();
        String abstractText = "";
        List<Author> authors = List.of();
        boolean more = false;
        String year = "";
        String date = "";
        String venue = "";
        String doi = "";
        String arxiv = "";
        String url = "";
        List<String> keywords = List.of();
        Set<String> keys = new LinkedHashSet<>();
        for (CorpusEntry e : byRank) {
            PaperMetadata m = e.metadata();
            if (abstractText.isEmpty()) {
                abstractText = e.abstractText();
            }
            if (authors.isEmpty() && !m.authors().isEmpty()) {
                authors = m.authors();
                more = m.moreAuthors();
            }
            if (date.isEmpty() && !m.date().isEmpty()) {
                date = m.date();
            }
            if (year.isEmpty()) {
                year = m.year();
            }
            venue = venue.isEmpty() ? m.venue() : venue;
            doi = doi.isEmpty() ? m.doi() : doi;
            arxiv = arxiv.isEmpty() ? m.arxivId() : arxiv;
            url = url.isEmpty() ? m.url() : url;
            if (keywords.isEmpty()) {
                keywords = m.keywords();
            }
            if (!m.key().isEmpty()) {
                keys.add(m.key());
            }
        }
        List<String> libraryKeys = List.copyOf(keys);
        PaperMetadata metadata = new PaperMetadata(authors, more, year, date, venue, doi, arxiv, url, keywords,
                libraryKeys.isEmpty() ? "" : libraryKeys.get(0));
        String id = PaperKey.idOf(PaperKey.titleKey(title), metadata.firstAuthorKey());
        return new Merged(id, title, abstractText, metadata, List.copyOf(ordered), libraryKeys);
    }

    /** Groups sources into papers by the identity rules, deciding in corpus order. */
    static List<List<CorpusEntry>> cluster(List<CorpusEntry> sources) {
        List<CorpusEntry> ordered = new ArrayList<>(sources);
        ordered.sort(SOURCE_ORDER);
        IdentityTable table = new IdentityTable(ordered.size() * 4);
        List<List<CorpusEntry>> byCluster = new ArrayList<>();
        for (CorpusEntry e : ordered) {
            IdentityKeys k = IdentityKeys.of(e);
            int c = table.find(k);
            if (c < 0) {
                c = table.create((byte) 0);
                byCluster.add(new ArrayList<>());
            }
            for (int gone : table.joined()) {
                byCluster.get(c).addAll(byCluster.get(gone));
                byCluster.get(gone).clear();
            }
            byCluster.get(c).add(e);
            table.register(c, k);
        }
        List<List<CorpusEntry>> out = new ArrayList<>();
        for (List<CorpusEntry> group : byCluster) {
            if (!group.isEmpty()) {
                out.add(group);
            }
        }
        return out;
    }
}
