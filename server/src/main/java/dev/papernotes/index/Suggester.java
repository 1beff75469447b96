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
 * (both top-N lookups in completion FSTs, by popularity), then titles holding the typed words, or
 * papers by the authors and year typed (BM25 on the title-words and author-words fields), then names
 * and titles within a typo or two (fuzzy FST walks).
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
        /** The headers of {@code docs}, in that order. */
        List<PaperHeader> load(int[] docs) throws IOException;
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

    /** Typo-tolerant matches are looked for only when the exact tiers found fewer than this. */
    private static final int FUZZY_BELOW = 10;
    private static final int FUZZY_CHARS = 10;

    public List<Suggestion> suggest(String typed, Scope scope, int max) throws IOException {
        if (searcher == null || max <= 0) {
            return List.of();
        }
        String spaced = NameKeys.spaced(typed);
        String compact = NameKeys.compact(typed);
        // A short prefix matches a large part of the corpus and costs the most to rank; it is also
        // what every name typed starts with. Its ranking is remembered for this snapshot, whatever
        // the case typed: every tier compares lower-cased keys.
        String shortKey = compact.length() <= SHORT_PREFIX ? shortKey(typed, scope, max) : null;
        List<Candidate> ranked = shortKey == null ? null : shortPrefixes.get(shortKey);
        if (ranked == null) {
            ranked = rank(typed, scope, max, spaced, compact);
            if (shortKey != null) {
                shortPrefixes.put(shortKey, ranked);
            }
        }
        int[] docs = new int[ranked.size()];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = ranked.get(i).doc();
        }
        List<PaperHeader> loaded = headers.load(docs);
        List<Suggestion> out = new ArrayList<>(ranked.size());
        for (int i = 0; i < docs.length; i++) {
            Candidate c = ranked.get(i);
            PaperHeader h = loaded.get(i);
            out.add(new Suggestion(h, c.tier(), matchedName(h, c.key(), c.tier())));
        }
        return out;
    }

    /** Whether the ranking of {@code typed} (a short prefix) is remembered for this snapshot. */
    public boolean remembers(String typed, Scope scope, int max) {
        return shortPrefixes.containsKey(shortKey(typed, scope, max));
    }

    private static String shortKey(String typed, Scope scope, int max) {
        return scope + "\u0000" + max + "\u0000" + typed.toLowerCase(Locale.ROOT);
    }

    /** Typed text of at most this many letters and digits counts as a short prefix. */
    private static final int SHORT_PREFIX = 3;
    private final Map<String, List<Candidate>> shortPrefixes = RecentMap.of(1024);

    /**
     * The tiers in order, each asked only while the list is not full and for no more hits than
     * the places left (twice over: a paper's name and its compact form may both match).
     */
    private List<Candidate> rank(String typed, Scope scope, int max, String spaced, String compact)
            throws IOException {
        // Ranked by doc id first; headers are read only for the few that are kept.
        Map<Integer, Candidate> chosen = new LinkedHashMap<>();
        switch (scope) {
            case CITEKEY -> {
                String key = typed.strip().toLowerCase(Locale.ROOT);
                take(chosen, suggest(prefix(SUGGEST_CITEKEY, key), fetch(chosen, max)), Tier.NAME_PREFIX, spaced, max);
                if (!compact.equals(key) && chosen.size() < max) {
                    take(chosen, suggest(prefix(SUGGEST_CITEKEY, compact), fetch(chosen, max)), Tier.NAME_PREFIX, spaced,
                            max);
                }
                if (!compact.isEmpty() && chosen.size() < max) {
                    // @vaswani17, @vaswani2017: a first author and the year
                    take(chosen, suggest(prefix(SUGGEST_AUTHOR, compact), fetch(chosen, max)), Tier.TITLE_WORDS,
                            spaced, max);
                }
                if (chosen.size() < FUZZY_BELOW && key.length() >= 3) {
                    take(chosen, fuzzyHits(SUGGEST_CITEKEY, key, max), Tier.FUZZY, spaced, max);
                }
            }
            case PROSE -> {
                if (compact.length() < 2) {
                    return List.of();
                }
                take(chosen, suggest(prefix(SUGGEST_NAME, spaced), fetch(chosen, max)), Tier.NAME_PREFIX, spaced, max);
                if (!compact.equals(spaced) && chosen.size() < max) {
                    take(chosen, suggest(prefix(SUGGEST_NAME, compact), fetch(chosen, max)), Tier.NAME_PREFIX, spaced,
                            max);
                }
                if (chosen.size() < FUZZY_BELOW && compact.length() >= 5) {
                    take(chosen, fuzzyHits(SUGGEST_NAME, compact, max), Tier.FUZZY, spaced, max);
                }
            }
            case WIKI -> {
                take(chosen, suggest(prefix(SUGGEST_NAME, spaced), fetch(chosen, max)), Tier.NAME_PREFIX, spaced, max);
                if (!compact.equals(spaced) && chosen.size() < max) {
                    take(chosen, suggest(prefix(SUGGEST_NAME, compact), fetch(chosen, max)), Tier.NAME_PREFIX, spaced,
                            max);
                }
                if (chosen.size() < max) {
                    take(chosen, titleHits(spaced, fetch(chosen, max)), Tier.TITLE_PREFIX, spaced, max);
                }
                Query titleWords = chosen.size() < max ? titleWords(typed) : null;
                if (titleWords != null) {
                    take(chosen, hits(searcher.search(titleWords, fetch(chosen, max))), Tier.TITLE_WORDS, spaced, max);
                }
                if (chosen.size() < FUZZY_BELOW && compact.length() >= 3) {
                    take(chosen, fuzzyHits(SUGGEST_NAME, compact, max), Tier.FUZZY, spaced, max);
                    take(chosen, fuzzyHits(SUGGEST_TITLE, spaced, max), Tier.FUZZY, spaced, max);
                }
            }
        }
        return List.copyOf(chosen.values());
    }

    /** Hits to ask a tier for: twice the places left, at least 10. */
    private static int fetch(Map<Integer, Candidate> chosen, int max) {
        return Math.max(10, 2 * (max - chosen.size()));
    }

    /**
     * Titles that start with what was typed. The FST holds each title's first characters only
     * ({@link PaperDocuments#titleInput}): typed text longer than those is looked up by them and
     * checked against the titles, and a title whose clipped input is all that was typed is keyed by
     * its whole title, so that only a title typed in full ranks as one.
     */
    private List<Hit> titleHits(String spaced, int fetch) throws IOException {
        String input = PaperDocuments.titleInput(spaced);
        boolean clipped = input.length() < spaced.length();
        List<Hit> hits = suggest(prefix(SUGGEST_TITLE, input), fetch);
        // A hit whose key may be a clipped title is checked against its whole title; those are read together.
        boolean[] check = new boolean[hits.size()];
        int[] docs = new int[hits.size()];
        int n = 0;
        for (int i = 0; i < check.length; i++) {
            check[i] = clipped || hits.get(i).key().equals(spaced);
            if (check[i]) {
                docs[n++] = hits.get(i).doc();
            }
        }
        List<PaperHeader> titles = n == 0 ? List.of() : headers.load(java.util.Arrays.copyOf(docs, n));
        List<Hit> out = new ArrayList<>(hits.size());
        int checked = 0;
        for (int i = 0; i < check.length; i++) {
            Hit h = hits.get(i);
            if (!check[i]) {
                out.add(h);
                continue;
            }
            String title = NameKeys.spaced(titles.get(checked++).title());
            if (title.startsWith(spaced)) {
                out.add(new Hit(h.doc(), title, h.score()));
            }
        }
        return out;
    }

    private List<Hit> suggest(CompletionQuery query, int fetch) throws IOException {
        return hits(searcher.suggest(query, fetch, false));
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
            boolean prefix = lastTyping && i == tokens.size() - 1;
            b.add(prefix ? prefixWord(tokens.get(i)) : anyWord(tokens.get(i), false), BooleanClause.Occur.MUST);
        }
        return b.build();
    }

    /** A word of the title, or an author's name or the year: [[attention vaswani, [[vaswani 2017 */
    private static Query anyWord(String token, boolean prefix) {
        return new BooleanQuery.Builder()
                .add(word(TITLE_WORDS, token, prefix), BooleanClause.Occur.SHOULD)
                .add(word(AUTHOR_WORDS, token, prefix), BooleanClause.Occur.SHOULD)
                .build();
    }

    private static Query word(String field, String token, boolean prefix) {
        Term t = new Term(field, token);
        return prefix ? new PrefixQuery(t, new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(PREFIX_TERMS))
                : new TermQuery(t);
    }

    /**
     * The word being typed, as the terms it stands for, remembered for this snapshot. Choosing a
     * prefix's most frequent terms walks every term that starts with it: after a title's first words
     * ({@code [[Stable L}) that was two thirds of a keystroke, 8 ms for one letter at 1M papers, and
     * the same few letters start a word again and again as titles are typed.
     */
    private Query prefixWord(String token) throws IOException {
        Query q = prefixWords.get(token);
        if (q == null) {
            q = searcher.rewrite(anyWord(token, true));
            prefixWords.put(token, q);
        }
        return q;
    }

    /**
     * Works out and keeps what {@code letter}, typed as the start of a title word, stands for: the
     * warm-up asks this of every first letter, which otherwise costs the first title typed with a
     * word of that letter a walk of all its terms.
     */
    public void prepareWordPrefix(String letter) throws IOException {
        if (searcher != null && !letter.isEmpty()) {
            prefixWord(letter.toLowerCase(Locale.ROOT));
        }
    }

    /** Whether what {@code token} stands for as a title word being typed is at hand. */
    public boolean remembersWordPrefix(String token) {
        return prefixWords.containsKey(token);
    }

    private static final int PREFIX_WORDS_KEPT = 256;
    private final Map<String, Query> prefixWords = RecentMap.of(PREFIX_WORDS_KEPT);

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

    /**
     * The typo-tolerant hits for {@code text}, remembered for this snapshot: they depend only on its
     * first {@link #FUZZY_CHARS} characters, so while a long name is typed past them every keystroke
     * asks the same question, and a fuzzy walk costs the most of any tier (the Levenshtein automaton
     * against every segment's completion FST). Asked for the most a tier can use, whatever is chosen.
     */
    private List<Hit> fuzzyHits(String field, String text, int max) throws IOException {
        String head = text.length() > FUZZY_CHARS ? text.substring(0, FUZZY_CHARS) : text;
        String key = field + "\u0000" + max + "\u0000" + head;
        List<Hit> hits = fuzzyAnswers.get(key);
        if (hits == null) {
            hits = suggest(fuzzy(field, head), 2 * max);
            fuzzyAnswers.put(key, hits);
        }
        return hits;
    }

    private final Map<String, List<Hit>> fuzzyAnswers = RecentMap.of(256);

    /**
     * One typo (a transposition counts as one), after two exact letters, over the first ten
     * characters: building the Levenshtein automaton is most of a fuzzy lookup's cost, and these
     * bounds make it 25 times cheaper while still catching {@code petalfcae} and {@code Griffn v2}.
     * Matching a prefix of what was typed only widens the candidates; ranking sorts them out.
     */
    private CompletionQuery fuzzy(String field, String head) {
        return new FuzzyCompletionQuery(analyzer, new Term(field, head), null, 1, true, 2, 3, false,
                Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
    }

    /**
     * Adds one tier's hits not chosen yet, best first within the tier: the name typed in full,
     * then higher score (popularity, or BM25 for title words), then the shorter name.
     */
    private static void take(Map<Integer, Candidate> chosen, List<Hit> hits, Tier tier, String spaced, int max) {
        if (chosen.size() >= max) {
            return;
        }
        String joined = spaced.replace(" ", "");
        Map<Integer, Candidate> tierBest = new LinkedHashMap<>();
        for (Hit h : hits) {
            if (!chosen.containsKey(h.doc())) {
                tierBest.putIfAbsent(h.doc(), new Candidate(h.doc(), h.key(), h.score(), tier));
            }
        }
        List<Candidate> ranked = new ArrayList<>(tierBest.values());
        ranked.sort(Comparator
                .comparing((Candidate c) -> !c.key().equals(spaced) && !c.key().equals(joined))
                .thenComparing(c -> -c.score())
                .thenComparingInt(c -> c.key().length())
                .thenComparing(Candidate::key));
        for (Candidate c : ranked) {
            if (chosen.size() >= max) {
                break;
            }
            chosen.put(c.doc(), c);
        }
    }

    private record Candidate(int doc, String key, float score, Tier tier) {
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
