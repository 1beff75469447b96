package dev.papernotes.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.search.suggest.document.CompletionAnalyzer;

/** Field names and analysis of the paper index; bump {@link #VERSION} whenever any of it changes. */
public final class IndexSchema {
    /** Written into every commit; an index of another version is rebuilt from the corpus. */
    public static final String VERSION = "12";

    // Commit user data keys.
    static final String DATA_SCHEMA = "papernotes.schema";
    static final String DATA_MENTIONS = "papernotes.mentions";
    /** Set on a commit whose papers changed after its mention dictionary was written (rebuilt next). */
    static final String DATA_MENTIONS_BEHIND = "papernotes.mentions.behind";
    static final String DATA_ROOTS = "papernotes.roots";

    // Document kinds.
    static final String TYPE = "type";
    static final String TYPE_PAPER = "paper";
    static final String TYPE_FILE = "file";
    /** Where a library entry is in its file now: {@code file NUL handle} → line (see {@link PaperDocuments}). */
    static final String TYPE_ENTRY = "entry";

    // Paper fields.
    static final String ID = "id";
    static final String TITLE = "title";
    static final String ABSTRACT = "abstract";
    /** Instead of {@link #ABSTRACT}: which occurrence's {@link #ABSTRACT_AT} holds the abstract. */
    static final String ABSTRACT_FROM = "abstract_from";
    /** Per occurrence, aligned with {@link #OCCURRENCE}: where its abstract is in its file, or empty. */
    static final String ABSTRACT_AT = "abstract_at";
    static final String METHOD = "method";
    static final String CITEKEY = "citekey";
    static final String CITEKEY_BASE = "citekey_base";
    static final String OCCURRENCE = "occ";
    /** Corpus files a paper occurs in: finds what a changed file touches. */
    static final String FILE = "file";
    /** {@code NameKeys.compact} of names, title, short title and citekey: wiki-link resolution. */
    static final String KEY = "key";
    /** Names and full title exactly as written: bare mentions in prose. */
    static final String MENTION = "mention";
    /** Acronym-like words of title and abstract, exactly as written ({@link CasedTerms}). */
    static final String CASED_WORDS = "cased_words";
    /** Short forms the abstract defines in parentheses, "imitation learning (IL)" ({@link CasedTerms}). */
    static final String DEFINED = "defined";
    static final String TITLE_TEXT = "title_text";
    /** Runs of two and three title words, analyzed as {@link #TITLE_TEXT}: how many titles share a phrase, in one lookup. */
    static final String TITLE_PHRASES = "title_phrases";
    static final String ABSTRACT_TEXT = "abstract_text";
    static final String NAME_TEXT = "name_text";
    /** Title words, lower-cased, not stemmed: completion by a word inside a title. */
    static final String TITLE_WORDS = "title_words";
    static final String POPULARITY = "popularity";
    /** {@link PaperHeader} as doc values: lists read it without touching stored abstracts. */
    static final String HEADER = "header";
    /** First occurrence as {@code path NUL line}: sorts papers in corpus order. */
    static final String ORDER = "order";
    /** What each occurrence's source said where it differs from the paper (JSON), one per occurrence. */
    static final String SOURCE = "source";
    /** The merged library metadata: authors, year, venue, identifiers, keys (JSON). */
    static final String META = "meta";
    /** Identity keys, hashed (see {@link IdentityKeys#terms}): title, title and first author, DOI, arXiv id. */
    static final String IDENT = "ident";
    /** The library keys of the paper, lower case: generated citekeys keep clear of them. */
    static final String LIBRARY_KEY = "libkey";
    /** The one corpus file a paper occurs in, when it occurs in one only. */
    static final String SOLE_FILE = "sole_file";
    /** Authors' family names and the year, as words: completion and search by author. */
    static final String AUTHOR_WORDS = "author_words";
    /** Marks documents written by the running update: their sources are all current. */
    static final String STAMP = "stamp";

    // Entry fields (one document per library source: its line, kept apart so that entries moving
    // in a rewritten file do not mean rewriting their papers).
    static final String ENTRY_REF = "entry_ref";
    static final String ENTRY_FILE = "entry_file";
    static final String ENTRY_KEY = "entry_key";
    static final String ENTRY_LINE = "entry_line";
    /** Where the entry starts in its file now, for an entry whose abstract is kept as a span. */
    static final String ENTRY_START = "entry_start";
    static final String ENTRY_HASH = "entry_hash";
    static final String ENTRY_PAPER = "entry_paper";

    // Fingerprint: the problems found when the file was last read, for `check`.
    static final String WARNING = "warning";

    // Suggest fields (completion FSTs), inputs normalized by NameKeys.spaced / compact.
    static final String SUGGEST_NAME = "sg_name";
    static final String SUGGEST_TITLE = "sg_title";
    static final String SUGGEST_CITEKEY = "sg_cite";
    /** First authors with the year ({@code vaswani2017}, {@code vaswani17}): {@code @vaswani17}. */
    static final String SUGGEST_AUTHOR = "sg_author";

    // File fingerprint fields.
    static final String PATH = "path";
    static final String SIZE = "size";
    static final String MTIME = "mtime";
    static final String HASH = "hash";

    private IndexSchema() {
    }

    /** Analyzer for full-text fields: search and more-like-this. */
    static Analyzer textAnalyzer() {
        return new EnglishAnalyzer();
    }

    /** Completion inputs are normalized before they get here; the analyzer must not change them. */
    static CompletionAnalyzer completionAnalyzer() {
        return new CompletionAnalyzer(new KeywordAnalyzer(), true, true);
    }

    /** Title words as typed: lower case, no stemming, no stopwords removed. */
    static Analyzer wordsAnalyzer() {
        return new StandardAnalyzer(CharArraySet.EMPTY_SET);
    }

    /**
     * Abstracts are most of the text indexed: no stemming there (it was a seventh of the indexing
     * time); English stopwords still go, so more-like-this and search see content words.
     */
    static Analyzer abstractAnalyzer() {
        return new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    }

    /** Title words for phrases: stemmed, stop words kept, so "chain of thought" stays three words. */
    static Analyzer phraseWordsAnalyzer() {
        return new EnglishAnalyzer(CharArraySet.EMPTY_SET);
    }

    /** Title phrases: {@link #phraseWordsAnalyzer()}'s terms, two and three at a time ("vision transform"). */
    static Analyzer phrasesAnalyzer() {
        Analyzer text = phraseWordsAnalyzer();
        return new org.apache.lucene.analysis.AnalyzerWrapper(text.getReuseStrategy()) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return text;
            }

            @Override
            protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
                org.apache.lucene.analysis.shingle.ShingleFilter shingles =
                        new org.apache.lucene.analysis.shingle.ShingleFilter(components.getTokenStream(), 2, 3);
                shingles.setOutputUnigrams(false);
                return new TokenStreamComponents(components.getSource(), shingles);
            }
        };
    }

    /** Every field's analyzer: what the writer indexes with, and what queries must use per field. */
    static Analyzer writerAnalyzer() {
        CompletionAnalyzer completion = completionAnalyzer();
        return new PerFieldAnalyzerWrapper(textAnalyzer(), Map.of(
                SUGGEST_NAME, completion,
                SUGGEST_TITLE, completion,
                SUGGEST_CITEKEY, completion,
                SUGGEST_AUTHOR, completion,
                TITLE_WORDS, wordsAnalyzer(),
                AUTHOR_WORDS, wordsAnalyzer(),
                ABSTRACT_TEXT, abstractAnalyzer(),
                TITLE_PHRASES, phrasesAnalyzer()));
    }

    /** The codec every segment is written with (an index of an earlier {@link #VERSION} is rebuilt). */
    static Codec codec() {
        return new PapernotesCodec();
    }
}
