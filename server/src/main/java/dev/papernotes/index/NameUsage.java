package dev.papernotes.index;

import static dev.papernotes.index.IndexSchema.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;

/**
 * How the rest of the corpus uses a paper's name, decided once per commit: the corpus-level part
 * of "field terms". A string that many other papers use — in their abstracts as a word, in lower
 * case, as an acronym they define themselves, or as a phrase in their titles — names something
 * general, not the one paper that happens to call its method that: {@code Network}, {@code Key},
 * {@code RGB}, {@code MOT} ("multi-object tracking (MOT)" in several abstracts), "vision
 * transformer". Such a name is never a bare mention (it still resolves in {@code [[ ]]}). A name
 * that other papers write in lower case at all is an ordinary word ({@code NEAT}, "neat"): a bare
 * mention of it needs evidence in the note.
 *
 * <p>Its answers are written into the mention dictionary: bump {@code MentionDictionary.VERSION}
 * when the rules here change, so existing indexes write theirs again.
 *
 * <p>Each question is a term lookup that stops counting at the threshold, so a commit costs a few
 * lookups per name whatever the corpus size, and memory stays bounded.
 */
final class NameUsage {
    /** Many other papers use the name for something general: never a bare mention. */
    static final int GENERIC = 1;
    /** Other papers write it in lower case, as a word: a bare mention needs evidence in the note. */
    static final int ORDINARY = 2;
    /**
     * No paper carrying the name has it in its title or defines it in parentheses: it came from a
     * sentence of an abstract, and may be a work the abstract cites. A bare mention needs evidence.
     */
    static final int UNOWNED = 4;
    /** Papers per name whose titles are read for {@link #UNOWNED}. */
    static final int OWNERS_READ = 8;

    /** Names longer than this (words) are titles or phrases nobody uses generically. */
    private static final int MAX_WORDS = 4;
    private static final int MAX_CHARS = 40;
    /** Other papers defining the same short form: two make it a term of the field. */
    private static final int DEFINERS = 2;

    private final IndexReader reader;
    private final IndexSearcher searcher;
    private final Analyzer titleAnalyzer = IndexSchema.textAnalyzer();
    private final int threshold;

    NameUsage(IndexReader reader) throws IOException {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        int papers = searcher.count(new TermQuery(new Term(TYPE, TYPE_PAPER)));
        this.threshold = threshold(papers);
    }

    /**
     * How many other papers must use a name before it counts as general: a few in a small
     * corpus, a thousandth of a large one (a name cited by a thousandth of a million papers is a
     * term of the field, even if one paper once introduced it).
     */
    static int threshold(int papers) {
        return Math.max(4, (int) Math.ceil(papers * 0.001));
    }

    int threshold() {
        return threshold;
    }

    /**
     * {@link #GENERIC} and/or {@link #ORDINARY} for a name carried by {@code owners} papers.
     */
    int flags(String name, long owners) throws IOException {
        return flags(name, owners, null);
    }

    /**
     * As {@link #flags(String, long)}, with the first of the owners' global doc ids (up to
     * {@link #OWNERS_READ}; null: not known) for {@link #UNOWNED}.
     */
    int flags(String name, long owners, int[] ownerDocs) throws IOException {
        if (name.length() > MAX_CHARS || name.isBlank()) {
            return 0;
        }
        int flags = usageFlags(name, owners, ownerDocs);
        if (ownerDocs != null && (flags & GENERIC) == 0 && !owned(name, (int) Math.min(owners, ownerDocs.length), ownerDocs)) {
            flags |= UNOWNED;
        }
        return flags;
    }

    /** Whether one of the owners has the name in its title or defines it in its abstract. */
    private boolean owned(String name, int n, int[] ownerDocs) throws IOException {
        for (int i = 0; i < n; i++) {
            String title = title(ownerDocs[i]);
            if (title == null || title.contains(name)) {
                return true; // no title to read: assume the best
            }
            int colon = title.indexOf(':');
            if (colon > 0 && name.startsWith(title.substring(0, colon).strip() + " ")) {
                return true; // "Zephyrine 2" of "Zephyrine: Fast Sampling"
            }
        }
        if (CasedTerms.acronymLike(name)) {
            List<Integer> definers = DocLookup.find(reader, DEFINED, name, 64);
            for (int i = 0; i < n; i++) {
                if (definers.contains(ownerDocs[i])) {
                    return true;
                }
            }
        }
        return false;
    }

    private String title(int doc) throws IOException {
        List<org.apache.lucene.index.LeafReaderContext> leaves = reader.leaves();
        org.apache.lucene.index.LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        org.apache.lucene.index.BinaryDocValues values = org.apache.lucene.index.DocValues.getBinary(leaf.reader(), HEADER);
        if (!values.advanceExact(doc - leaf.docBase)) {
            return null;
        }
        return PaperHeader.decode(values.binaryValue()).title();
    }

    private int usageFlags(String name, long owners, int[] ownerDocs) throws IOException {
        int own = (int) Math.min(Integer.MAX_VALUE - threshold, owners);
        if (name.indexOf(' ') >= 0) {
            return phraseFlags(name, own);
        }
        if (CasedTerms.acronymLike(name)) {
            // RGB, PaLM, Mini-Monkey: written this way by others, or defined by others.
            int used = count(CASED_WORDS, name, threshold + own);
            int flags = used - own >= threshold || otherDefiners(name, own, ownerDocs) >= DEFINERS ? GENERIC : 0;
            String lower = name.toLowerCase(Locale.ROOT);
            if (allCaps(name) && count(ABSTRACT_TEXT, lower, used + 1) > used) {
                flags |= ORDINARY; // "solo", "neat" also occur as words; "PaLM" is written to be a name
            }
            return flags;
        }
        // Network, Key, Chameleon, mixup, Real-world: in an analyzed (lower-cased) abstract, a
        // capitalized word is nearly always the ordinary word.
        List<String> parts = splitWords(name.toLowerCase(Locale.ROOT));
        if (parts.isEmpty()) {
            return 0;
        }
        int least = Integer.MAX_VALUE;
        for (String p : parts) {
            least = Math.min(least, count(ABSTRACT_TEXT, p, threshold + own));
        }
        int others = least - own;
        if (parts.size() > 1) {
            // each part a common word: "Real-world", "Self-supervised"
            return others >= threshold ? GENERIC | ORDINARY : 0;
        }
        return others >= threshold ? GENERIC | ORDINARY : others >= 1 ? ORDINARY : 0;
    }

    /** Papers that define the short form in parentheses and do not carry it as a name (counted up to a few). */
    private int otherDefiners(String name, int own, int[] ownerDocs) throws IOException {
        List<Integer> definers = DocLookup.find(reader, DEFINED, name, DEFINERS + Math.min(own, OWNERS_READ));
        if (ownerDocs == null) {
            return definers.size() - own;
        }
        int others = 0;
        for (int d : definers) {
            boolean owner = false;
            for (int i = 0; i < Math.min(own, ownerDocs.length); i++) {
                owner |= ownerDocs[i] == d;
            }
            if (!owner) {
                others++;
            }
        }
        return others;
    }

    /** Multi-word names: a phrase many other titles use ("Vision Transformer") is a term. */
    private int phraseFlags(String name, int own) throws IOException {
        if (name.split(" ").length > MAX_WORDS) {
            return 0;
        }
        List<String> terms = analyze(name);
        if (terms.size() < 2) {
            return 0;
        }
        for (String t : terms) {
            if (reader.docFreq(new Term(TITLE_TEXT, t)) < threshold + own) {
                return 0; // a rare word: the phrase cannot be common
            }
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (String t : terms) {
            phrase.add(new Term(TITLE_TEXT, t));
        }
        return searcher.count(phrase.build()) - own >= threshold ? GENERIC : 0;
    }

    private List<String> analyze(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = titleAnalyzer.tokenStream(TITLE_TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    /** Live documents holding the term, counted up to {@code limit}. */
    private int count(String field, String value, int limit) throws IOException {
        return DocLookup.find(reader, field, value, Math.max(1, limit)).size();
    }

    /** Letters and digits only, no letter in lower case: {@code SOLO}, {@code NEAT}. */
    private static boolean allCaps(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c) || Character.isLowerCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** Letter-or-digit runs: how the abstract analyzer splits a hyphenated name. */
    private static List<String> splitWords(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (!Character.isLetterOrDigit(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            out.add(s.substring(start, i));
        }
        return out;
    }
}
