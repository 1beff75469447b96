package dev.papernotes.index;

import static dev.papernotes.index.IndexSchema.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * How the rest of the corpus uses a paper's name, decided once per commit: the corpus-level part
 * of "field terms". A string that many other papers use — in their abstracts as a word, in lower
 * case, as an acronym they define themselves, or as a phrase in their titles — names something
 * general, not the one paper that happens to call its method that: {@code Network}, {@code Key},
 * {@code RGB}, {@code MOT} ("multi-object tracking (MOT)" in several abstracts), "vision
 * transformer". Such a name is never a bare mention (it still resolves in {@code [[ ]]}). A name
 * that other papers write in lower case at all is an ordinary word ({@code NEAT}, "neat"): a bare
 * mention of it needs evidence in the note; so does a phrase of such words that is not a paper's
 * whole title ("Anomaly Score" of "Anomaly Score: Evaluating ...").
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
    private final Analyzer phraseWords = IndexSchema.phraseWordsAnalyzer();
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
        if (CasedTerms.acronymLike(name) && terms(DEFINED).docFreq(name) > 0) {
            List<Integer> definers = terms(DEFINED).docs(name, 64);
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
        int i = org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves);
        org.apache.lucene.index.LeafReaderContext leaf = leaves.get(i);
        int target = doc - leaf.docBase;
        if (headers == null) {
            headers = new org.apache.lucene.index.BinaryDocValues[leaves.size()];
        }
        org.apache.lucene.index.BinaryDocValues values = headers[i];
        if (values == null || values.docID() > target) {
            values = org.apache.lucene.index.DocValues.getBinary(leaf.reader(), HEADER); // doc values only move forward
            headers[i] = values;
        }
        if (values.docID() == target || values.advanceExact(target)) {
            return PaperHeader.titleOf(values.binaryValue());
        }
        return null;
    }

    private org.apache.lucene.index.BinaryDocValues[] headers;

    private int usageFlags(String name, long owners, int[] ownerDocs) throws IOException {
        int own = (int) Math.min(Integer.MAX_VALUE - threshold, owners);
        if (name.indexOf(' ') >= 0) {
            if (name.chars().filter(c -> c == ' ').count() >= MAX_WORDS) {
                return 0;
            }
            int flags = phraseFlags(name, own);
            if (flags == 0 && wordsOfProse(name, own) && !titleOfOwner(name, own, ownerDocs)) {
                flags = ORDINARY; // "Anomaly Score", "Hierarchical Vision Transformer": a description
            }
            return flags;
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

    /**
     * Every word of a multi-word name (stop words aside, two at least) is one other papers write in
     * their abstracts: a phrase anyone may write, not a coined name, even when no other title uses it.
     */
    private boolean wordsOfProse(String name, int own) throws IOException {
        int words = 0;
        for (String p : splitWords(name.toLowerCase(Locale.ROOT))) {
            if (org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(p)) {
                continue;
            }
            if (count(ABSTRACT_TEXT, p, threshold + own) - own < threshold) {
                return false;
            }
            words++;
        }
        return words >= 2;
    }

    /** The name is the whole title of one of its papers ("Segment Anything"); unknown owners: assume so. */
    private boolean titleOfOwner(String name, int own, int[] ownerDocs) throws IOException {
        if (ownerDocs == null) {
            return true;
        }
        for (int i = 0; i < Math.min(own, ownerDocs.length); i++) {
            String title = title(ownerDocs[i]);
            if (title == null || title.strip().replaceAll("[.?!]+$", "").equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Papers that define the short form in parentheses and do not carry it as a name (counted up to a few). */
    private int otherDefiners(String name, int own, int[] ownerDocs) throws IOException {
        if (terms(DEFINED).docFreq(name) < DEFINERS) {
            return 0; // nearly every name: no need to read who defines it
        }
        List<Integer> definers = terms(DEFINED).docs(name, DEFINERS + Math.min(own, OWNERS_READ));
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

    /**
     * Multi-word names: a phrase many other titles use ("Vision Transformer") is a term. Counted
     * with the title phrases of the index (runs of two and three terms); a four-word name counts
     * as its rarer three-word half.
     */
    private int phraseFlags(String name, int own) throws IOException {
        List<String> terms = analyze(name);
        int n = terms.size();
        if (n < 2 || n > MAX_WORDS) {
            return 0;
        }
        int titles = n <= 3 ? phraseTitles(terms)
                : Math.min(phraseTitles(terms.subList(0, 3)), phraseTitles(terms.subList(1, 4)));
        return titles - own >= threshold ? GENERIC : 0;
    }

    private int phraseTitles(List<String> terms) throws IOException {
        return terms(TITLE_PHRASES).docFreq(String.join(" ", terms));
    }

    private List<String> analyze(String text) throws IOException {
        return AnalyzedTerms.of(phraseWords, TITLE_PHRASES, text);
    }

    /**
     * Documents holding the term. Deleted documents count until their segment merges: a few
     * papers more or less do not move a threshold, and a document frequency costs one seek.
     */
    private int count(String field, String value, int limit) throws IOException {
        return terms(field).docFreq(value);
    }

    private LeafTerms terms(String field) throws IOException {
        LeafTerms t = leafTerms.get(field);
        if (t == null) {
            t = new LeafTerms(reader, field);
            leafTerms.put(field, t);
        }
        return t;
    }

    private final java.util.Map<String, LeafTerms> leafTerms = new java.util.HashMap<>();

    /** One terms enum per segment of one field, reused for every name of a commit. */
    private static final class LeafTerms {
        private final List<org.apache.lucene.index.LeafReaderContext> leaves;
        private final org.apache.lucene.index.TermsEnum[] enums;
        private org.apache.lucene.index.PostingsEnum postings;

        LeafTerms(IndexReader reader, String field) throws IOException {
            leaves = reader.leaves();
            enums = new org.apache.lucene.index.TermsEnum[leaves.size()];
            for (int i = 0; i < enums.length; i++) {
                org.apache.lucene.index.Terms t = leaves.get(i).reader().terms(field);
                enums[i] = t == null ? null : t.iterator();
            }
        }

        int docFreq(String value) throws IOException {
            org.apache.lucene.util.BytesRef term = new org.apache.lucene.util.BytesRef(value);
            int n = 0;
            for (org.apache.lucene.index.TermsEnum te : enums) {
                if (te != null && te.seekExact(term)) {
                    n += te.docFreq();
                }
            }
            return n;
        }

        /** Global ids of the live documents holding the term, at most {@code limit}. */
        List<Integer> docs(String value, int limit) throws IOException {
            org.apache.lucene.util.BytesRef term = new org.apache.lucene.util.BytesRef(value);
            List<Integer> out = new ArrayList<>(2);
            for (int i = 0; i < enums.length && out.size() < limit; i++) {
                org.apache.lucene.index.TermsEnum te = enums[i];
                if (te == null || !te.seekExact(term)) {
                    continue;
                }
                org.apache.lucene.util.Bits live = leaves.get(i).reader().getLiveDocs();
                postings = te.postings(postings, org.apache.lucene.index.PostingsEnum.NONE);
                for (int d = postings.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS
                        && out.size() < limit; d = postings.nextDoc()) {
                    if (live == null || live.get(d)) {
                        out.add(leaves.get(i).docBase + d);
                    }
                }
            }
            return out;
        }
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
