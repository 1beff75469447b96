package dev.papernotes.index;

import static dev.papernotes.index.IndexSchema.*;

import dev.papernotes.names.NameKeys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.suggest.document.CompletionAnalyzer;
import org.apache.lucene.search.suggest.document.CompletionQuery;
import org.apache.lucene.search.suggest.document.FuzzyCompletionQuery;
import org.apache.lucene.search.suggest.document.PrefixCompletionQuery;
import org.apache.lucene.search.suggest.document.SuggestIndexSearcher;
import org.apache.lucene.search.suggest.document.TopSuggestDocs;
import org.apache.lucene.search.suggest.document.TopSuggestDocs.SuggestScoreDoc;
import org.apache.lucene.util.automaton.Operations;

/**
 * Ranked completion in tiers: a name that starts with what was typed, then a title that does
 * (both top-N lookups in completion FSTs, by popularity), then titles holding the typed words
 * (BM25 on the title-words field), then names and titles within a typo or two (fuzzy FST walks).
 * No tier visits every match, so the cost hardly grows with the corpus.
 */
public final class Suggester {
    /** Why a paper was suggested; earlier tiers rank first. */
    public enum Tier {
        NAME_PREFIX, TITLE_PREFIX, TITLE_WORDS, FUZZY
    }

    /** Where the user is typing, which decides what can be suggested. */
    public enum Scope {
        /** Inside {@code [[ }: names, titles, title words, typos. */
        WIKI,
        /** After {@code @}: citekeys. */
        CITEKEY,
        /** A word in prose: method names only. */
        PROSE
    }

    /**
     * @param matched the name the query matched, when it matched a name (the item's label then)
     */
    public record Suggestion(PaperHeader paper, Tier tier, String matched) {
        public String label() {
            return matched != null ? matched : paper.label();
        }
    }

    interface HeaderLoader {
        PaperHeader load(int doc) throws IOException;
    }

    /** How many terms a typed word prefix may stand for in the title-words tier. */
    private static final int PREFIX_TERMS = 32;

    private final SuggestIndexSearcher searcher;
    private final HeaderLoader headers;
    private final CompletionAnalyzer analyzer = IndexSchema.completionAnalyzer();
    private final Analyzer words = IndexSchema.wordsAnalyzer();

    Suggester(DirectoryReader reader, HeaderLoader headers) {
        this.searcher = reader == null ? null : new SuggestIndexSearcher(reader);
        this.headers = headers;
    }

    public List<Suggestion> suggest(String typed, Scope scope, int max) throws IOException {
        if (searcher == null || max <= 0) {
            return List.of();
        }
        Map<String, Suggestion> out = new LinkedHashMap<>();
        String spaced = NameKeys.spaced(typed);
        String compact = NameKeys.compact(typed);
        int fetch = Math.max(max * 2, 20);
        switch (scope) {
            case CITEKEY -> {
                String key = typed.strip().toLowerCase(Locale.ROOT);
                collect(out, prefix(SUGGEST_CITEKEY, key), fetch, Tier.NAME_PREFIX, spaced, max);
                if (!compact.equals(key)) {
                    collect(out, prefix(SUGGEST_CITEKEY, compact), fetch, Tier.NAME_PREFIX, spaced, max);
                }
                collect(out, fuzzy(SUGGEST_CITEKEY, key), fetch, Tier.FUZZY, spaced, max);
            }
            case PROSE -> {
                if (compact.length() < 2) {
                    return List.of();
                }
                collect(out, prefix(SUGGEST_NAME, spaced), fetch, Tier.NAME_PREFIX, spaced, max);
                collect(out, prefix(SUGGEST_NAME, compact), fetch, Tier.NAME_PREFIX, spaced, max);
                if (compact.length() >= 5) {
                    collect(out, fuzzy(SUGGEST_NAME, compact), fetch, Tier.FUZZY, spaced, max);
                }
            }
            case WIKI -> {
                collect(out, prefix(SUGGEST_NAME, spaced), fetch, Tier.NAME_PREFIX, spaced, max);
                if (!compact.equals(spaced)) {
                    collect(out, prefix(SUGGEST_NAME, compact), fetch, Tier.NAME_PREFIX, spaced, max);
                }
                collect(out, prefix(SUGGEST_TITLE, spaced), fetch, Tier.TITLE_PREFIX, spaced, max);
                Query titleWords = titleWords(typed);
                if (titleWords != null && out.size() < max) {
                    collect(out, hits(searcher.search(titleWords, fetch)), Tier.TITLE_WORDS, spaced, max);
                }
                if (compact.length() >= 3) {
                    collect(out, fuzzy(SUGGEST_NAME, compact), fetch, Tier.FUZZY, spaced, max);
                    collect(out, fuzzy(SUGGEST_TITLE, spaced), fetch, Tier.FUZZY, spaced, max);
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Titles holding every typed word, the last one as a prefix while it is being typed: BM25 over
     * the title-words field, whose top hits Lucene finds without visiting every match.
     */
    private Query titleWords(String typed) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream ts = words.tokenStream(TITLE_WORDS, typed)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(term.toString());
            }
            ts.end();
        }
        if (tokens.isEmpty()) {
            return null;
        }
        boolean lastTyping = !typed.isEmpty() && !Character.isWhitespace(typed.charAt(typed.length() - 1));
        String last = tokens.get(tokens.size() - 1);
        if (lastTyping && tokens.size() == 1 && last.length() < 3) {
            return null; // two letters match half the corpus: the name and title tiers do better
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int i = 0; i < tokens.size(); i++) {
            Term t = new Term(TITLE_WORDS, tokens.get(i));
            boolean prefix = lastTyping && i == tokens.size() - 1;
            Query q = prefix
                    ? new PrefixQuery(t, new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(PREFIX_TERMS))
                    : new TermQuery(t);
            b.add(q, BooleanClause.Occur.MUST);
        }
        return b.build();
    }

    private List<Hit> hits(TopDocs top) {
        List<Hit> out = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            out.add(new Hit(sd.doc, "", sd.score));
        }
        return out;
    }

    private List<Hit> hits(TopSuggestDocs top) {
        List<Hit> out = new ArrayList<>();
        for (SuggestScoreDoc sd : top.scoreLookupDocs()) {
            out.add(new Hit(sd.doc, sd.key.toString(), sd.score));
        }
        return out;
    }

    private record Hit(int doc, String key, float score) {
    }

    private CompletionQuery prefix(String field, String text) {
        return new PrefixCompletionQuery(analyzer, new Term(field, text));
    }

    private CompletionQuery fuzzy(String field, String text) {
        int edits = text.length() >= 8 ? 2 : 1;
        return new FuzzyCompletionQuery(analyzer, new Term(field, text), null, edits, true, 1, 3, false,
                Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
    }

    /**
     * Adds one tier's hits, best first within the tier: an exact name before a longer one, then
     * popularity, then the shorter label.
     */
    private void collect(Map<String, Suggestion> out, CompletionQuery query, int fetch, Tier tier, String spaced,
            int max) throws IOException {
        if (out.size() >= max) {
            return;
        }
        collect(out, hits(searcher.suggest(query, fetch, false)), tier, spaced, max);
    }

    private void collect(Map<String, Suggestion> out, List<Hit> hits, Tier tier, String spaced, int max)
            throws IOException {
        List<Candidate> tierHits = new ArrayList<>();
        Map<Integer, Candidate> byDoc = new LinkedHashMap<>();
        for (Hit hit : hits) {
            if (byDoc.containsKey(hit.doc())) {
                continue;
            }
            PaperHeader h = headers.load(hit.doc());
            if (out.containsKey(h.id())) {
                continue;
            }
            Candidate c = new Candidate(h, hit.key(), hit.score(), matchedName(h, hit.key(), tier));
            byDoc.put(hit.doc(), c);
            tierHits.add(c);
        }
        tierHits.sort(Comparator
                .comparing((Candidate c) -> !c.key.equals(spaced) && !c.key.equals(spaced.replace(" ", "")))
                .thenComparing(c -> -c.score)
                .thenComparingInt(c -> c.label().length())
                .thenComparing(Candidate::label));
        for (Candidate c : tierHits) {
            if (out.size() >= max) {
                break;
            }
            out.putIfAbsent(c.header.id(), new Suggestion(c.header, tier, c.matched));
        }
    }

    private record Candidate(PaperHeader header, String key, float score, String matched) {
        String label() {
            return matched != null ? matched : header.label();
        }
    }

    /** The method name an input key came from, so the item shows the name that was typed. */
    private static String matchedName(PaperHeader h, String key, Tier tier) {
        if (tier == Tier.TITLE_PREFIX || tier == Tier.TITLE_WORDS) {
            return null;
        }
        for (String m : h.methods()) {
            if (NameKeys.spaced(m).equals(key) || NameKeys.compact(m).equals(key)) {
                return m;
            }
        }
        return null;
    }
}
