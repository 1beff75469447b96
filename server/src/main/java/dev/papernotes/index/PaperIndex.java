package dev.papernotes.index;

import static dev.papernotes.index.IndexSchema.*;

import dev.papernotes.names.NameKeys;
import dev.papernotes.names.Spaces;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * One committed state of the paper index, shared by every request that started while it was
 * current. Reference counted: the store swaps in a newer one after a commit, and the old one closes
 * when its last request finishes.
 */
public final class PaperIndex implements AutoCloseable {

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private volatile MentionDictionary mentions;
    /** A dictionary replaced after it failed its check: closed with this snapshot, not while read. */
    private volatile MentionDictionary replacedMentions;
    private final Suggester suggester;
    private final Analyzer analyzer = IndexSchema.writerAnalyzer();
    private final AtomicInteger refs = new AtomicInteger(1);
    private final int paperCount;
    private static final java.util.concurrent.atomic.AtomicLong GENERATIONS = new java.util.concurrent.atomic.AtomicLong();
    private final long generation = GENERATIONS.incrementAndGet();
    /** Exact lookups a note's analysis repeats at every edit (see {@link LookupCache}). */
    private final LookupCache lookups = new LookupCache();
    /** {@link #soleOwner}'s answers, as bytes: a completion list asks for fifty labels. */
    private final TextAnswers owners = new TextAnswers();
    /**
     * Stored papers read by id: a note's hovers, definitions and ambiguity diagnostics ask for the
     * same few dozen papers again and again, and each read looks the id up in the terms and
     * decompresses a stored block. An abstract kept as a span of a corpus file is still read from
     * the file each time (what the page says now, see {@link AbstractFiles}). A stored paper is a
     * KB or two: a small bound keeps the heap small.
     */
    private final LookupCache storedById = new LookupCache(STORED_KEPT);
    static final int STORED_KEPT = 1024;

    PaperIndex(DirectoryReader reader, MentionDictionary mentions) throws IOException {
        this.reader = reader;
        this.searcher = reader == null ? null : new IndexSearcher(reader);
        this.mentions = mentions;
        this.suggester = new Suggester(reader, this::headers);
        this.paperCount = reader == null ? 0 : searcher.count(new TermQuery(new Term(TYPE, TYPE_PAPER)));
        this.titleTerms = new TitleTerms(reader, paperCount);
    }

    private final TitleTerms titleTerms;

    /** Distinctive title words, for the evidence a short name needs in a note. */
    public TitleTerms titleTerms() {
        return titleTerms;
    }

    /** An index with no papers, for the time before the first commit exists. */
    public static PaperIndex empty() throws IOException {
        return new PaperIndex(null, null);
    }

    /** Distinct for every snapshot opened in this process: tags what was computed against it. */
    public long generation() {
        return generation;
    }

    public int paperCount() {
        return paperCount;
    }

    public boolean isEmpty() {
        return paperCount == 0;
    }

    public MentionDictionary mentions() {
        return mentions;
    }

    /** Swaps in a rebuilt dictionary (the mapped one failed its checksum). Once per snapshot. */
    void replaceMentions(MentionDictionary rebuilt) {
        replacedMentions = mentions;
        mentions = rebuilt;
    }

    public Suggester suggester() {
        return suggester;
    }

    public Paper get(String id) throws IOException {
        return byId(id, AbstractFiles.EACH_READ);
    }

    /**
     * The paper with an empty abstract: for answers that say where a paper is or what it is called
     * (an abstract may have to be read from its corpus file).
     */
    public Paper getWithoutAbstract(String id) throws IOException {
        return byId(id, AbstractFiles.NONE);
    }

    private Paper byId(String id, AbstractFiles files) throws IOException {
        if (reader == null) {
            return null;
        }
        Document stored = storedById.get(id, () -> {
            List<Integer> docs = DocLookup.find(reader, ID, id);
            return docs.isEmpty() ? null : reader.storedFields().document(docs.get(0));
        });
        return stored == null ? null : StoredPapers.paper(reader, stored, files);
    }

    /**
     * The papers a wiki-link target names: a method name, full title, the title's part before
     * {@code :} or a citekey, with case and punctuation spacing forgiven.
     */
    public List<Paper> resolve(String target) throws IOException {
        String key = NameKeys.compact(target);
        if (key.isEmpty()) {
            return List.of();
        }
        Map<String, Paper> out = new LinkedHashMap<>();
        for (Paper p : papers(KEY, key)) {
            out.put(p.id(), p);
        }
        for (Paper p : papers(CITEKEY, target.strip().toLowerCase(Locale.ROOT))) {
            out.put(p.id(), p);
        }
        return new ArrayList<>(out.values());
    }

    /**
     * The ids of the papers {@link #resolve} would return, without loading them: for checking
     * whether a name leads to one paper alone.
     */
    public List<String> resolveIds(String target) throws IOException {
        return resolveIds(target, Integer.MAX_VALUE).ids();
    }

    /**
     * The ids of at most {@code limit} papers a link target resolves to, and how many there are:
     * a name thousands of papers share costs ints, not thousands of decoded headers.
     */
    public Ids resolveIds(String target, int limit) throws IOException {
        return lookups.get("w\u0000" + limit + "\u0000" + target, () -> findIds(target, limit));
    }

    private Ids findIds(String target, int limit) throws IOException {
        String key = NameKeys.compact(target);
        if (reader == null || key.isEmpty()) {
            return Ids.NONE;
        }
        java.util.LinkedHashSet<Integer> docs = new java.util.LinkedHashSet<>(DocLookup.find(reader, KEY, key));
        String citekey = target.strip().toLowerCase(Locale.ROOT);
        if (couldBeCitekey(citekey)) {
            docs.addAll(DocLookup.find(reader, CITEKEY, citekey));
        }
        return ids(docs, limit);
    }

    /** Some of the papers a lookup found (in index order), and how many it found in all. */
    public record Ids(List<String> ids, int total) {
        static final Ids NONE = new Ids(List.of(), 0);
    }

    private Ids ids(java.util.Collection<Integer> docs, int limit) throws IOException {
        List<String> ids = new ArrayList<>(Math.min(docs.size(), limit));
        for (int doc : docs) {
            if (ids.size() >= limit) {
                break;
            }
            ids.add(header(doc).id());
        }
        return new Ids(List.copyOf(ids), docs.size());
    }

    /**
     * Whether {@code target} resolves to the paper {@code id} and to no other: the question a
     * completion item asks before it writes a name into a link. Stops at the second paper.
     */
    public boolean resolvesUniquely(String target, String id) throws IOException {
        String key = NameKeys.compact(target);
        if (reader == null || key.isEmpty()) {
            return false;
        }
        return soleOwner(target, key).equals(id);
    }

    /**
     * For each target, the id of the one paper it resolves to, or "" when it resolves to none or to
     * several: {@link #resolvesUniquely} for a whole completion list. The targets are looked up in the
     * order of their keys, so that the thread's terms enum moves forward through the dictionary: fifty
     * labels that share their first letters sit in a few blocks, which asked in rank order were read
     * and decompressed again for nearly every label.
     */
    public Map<String, String> soleOwners(Collection<String> targets) throws IOException {
        Map<String, String> out = new HashMap<>();
        List<String[]> keyed = new ArrayList<>(targets.size());
        for (String target : targets) {
            String key = NameKeys.compact(target);
            if (reader == null || key.isEmpty()) {
                out.put(target, "");
            } else {
                keyed.add(new String[] {key, target});
            }
        }
        keyed.sort((a, b) -> a[0].compareTo(b[0]));
        for (String[] k : keyed) {
            if (!out.containsKey(k[1])) {
                out.put(k[1], soleOwner(k[1], k[0]));
            }
        }
        return out;
    }

    /** Remembered: completion asks this for every item, and typing on asks again for most of them. */
    private String soleOwner(String target, String key) throws IOException {
        String known = owners.get(target);
        if (known != null) {
            return known;
        }
        java.util.Set<Integer> docs = new java.util.HashSet<>(DocLookup.find(reader, KEY, key, 2));
        String citekey = target.strip().toLowerCase(Locale.ROOT);
        if (docs.size() < 2 && couldBeCitekey(citekey)) {
            docs.addAll(DocLookup.find(reader, CITEKEY, citekey, 2));
        }
        String owner = docs.size() == 1 ? header(docs.iterator().next()).id() : "";
        owners.put(target, owner);
        return owner;
    }

    /** Citekeys are letters and digits with an optional {@code -N} suffix: anything else needs no lookup. */
    static boolean couldBeCitekey(String lower) {
        int end = lower.length();
        int dash = lower.lastIndexOf('-');
        if (dash > 0 && dash < end - 1 && lower.substring(dash + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            end = dash;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; ) {
            int cp = lower.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** The ids of the papers carrying this exact name or title, without loading them. */
    public List<String> idsByMention(String exact) throws IOException {
        return idsByMention(exact, Integer.MAX_VALUE).ids();
    }

    /**
     * At most {@code limit} of the papers carrying this exact name or title, and how many do.
     * Whitespace runs count as one space, as they were indexed.
     */
    public Ids idsByMention(String exact, int limit) throws IOException {
        if (reader == null) {
            return Ids.NONE;
        }
        return lookups.get("m\u0000" + limit + "\u0000" + exact,
                () -> ids(DocLookup.find(reader, MENTION, Spaces.collapse(exact)), limit));
    }

    /** The id of the paper with this citekey, or null. */
    public String idByCitekey(String citekey) throws IOException {
        if (reader == null) {
            return null;
        }
        return lookups.get("c\u0000" + citekey, () -> {
            List<Integer> docs = DocLookup.find(reader, CITEKEY, citekey, 1);
            return docs.isEmpty() ? null : header(docs.get(0)).id();
        });
    }

    public Paper byCitekey(String citekey) throws IOException {
        List<Paper> found = papers(CITEKEY, citekey);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The papers with an occurrence in {@code file} (a real, absolute path). */
    public List<Paper> inFile(java.nio.file.Path file) throws IOException {
        return papers(FILE, file.toString());
    }

    /** The papers carrying this exact name or title; whitespace runs count as one space. */
    public List<Paper> byMention(String exact) throws IOException {
        return papers(MENTION, Spaces.collapse(exact));
    }

    /**
     * The problems found in each corpus file when it was last read, as {@code file:line: warning:}
     * would print them: what {@code check} and an opened library file report.
     */
    public List<dev.papernotes.corpus.CorpusWarning> corpusWarnings() throws IOException {
        List<dev.papernotes.corpus.CorpusWarning> out = new ArrayList<>();
        if (reader == null) {
            return out;
        }
        TopDocs files = searcher.search(new TermQuery(new Term(TYPE, TYPE_FILE)), Integer.MAX_VALUE);
        StoredFields stored = reader.storedFields();
        for (ScoreDoc sd : files.scoreDocs) {
            Document d = stored.document(sd.doc, Set.of(PATH, WARNING));
            java.nio.file.Path file = java.nio.file.Path.of(d.get(PATH));
            for (String w : d.getValues(WARNING)) {
                int tab = w.indexOf('\t');
                int line = tab > 0 ? Integer.parseInt(w.substring(0, tab)) : 0;
                out.add(new dev.papernotes.corpus.CorpusWarning(file, line, w.substring(tab + 1)));
            }
        }
        out.sort(java.util.Comparator.comparing((dev.papernotes.corpus.CorpusWarning w) -> w.file().toString())
                .thenComparingInt(dev.papernotes.corpus.CorpusWarning::line));
        return out;
    }

    /** Full-text search over names, titles and abstracts, best first. */
    public List<Paper> search(String text, int limit) throws IOException {
        if (reader == null || limit <= 0) {
            return List.of();
        }
        Query query = searchQuery(text);
        if (query == null) {
            return List.of();
        }
        TopDocs top = searcher.search(query, limit);
        List<Paper> out = new ArrayList<>();
        StoredFields stored = reader.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            out.add(StoredPapers.paper(reader, stored.document(sd.doc), AbstractFiles.EACH_READ));
        }
        return out;
    }

    /**
     * Each word against names, titles and abstracts, each field analyzed its own way; a title
     * holding the words as a phrase scores higher.
     */
    /** As {@link #search}, the headers only: for lists. */
    public List<PaperHeader> searchHeaders(String text, int limit) throws IOException {
        if (reader == null || limit <= 0) {
            return List.of();
        }
        Query query = searchQuery(text);
        if (query == null) {
            return List.of();
        }
        return headers(searcher.search(query, limit).scoreDocs);
    }

    /**
     * Papers whose abstract holds every word of {@code text} (stopwords aside), best BM25 first;
     * headers only. A conjunction: Lucene skips to the few documents that have them all, where a
     * looser match would score most of a large corpus. (Abstracts are indexed without positions,
     * so there is no phrase to prefer.)
     */
    public List<PaperHeader> searchAbstracts(String text, int limit) throws IOException {
        if (reader == null || limit <= 0) {
            return List.of();
        }
        List<String> terms = analyze(ABSTRACT_TEXT, text);
        if (terms.isEmpty()) {
            return List.of();
        }
        // Remembered by its words: while the last word of a sparse completion is typed, its finished
        // words are asked again at every keystroke (AbstractCompletion).
        return lookups.get("a\u0000" + limit + "\u0000" + String.join(" ", terms), () -> {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (String t : terms) {
                b.add(new TermQuery(new Term(ABSTRACT_TEXT, t)), BooleanClause.Occur.MUST);
            }
            return List.copyOf(headers(searcher.search(b.build(), limit).scoreDocs));
        });
    }

    private Query searchQuery(String text) throws IOException {
        List<String> nameTerms = analyze(NAME_TEXT, text);
        List<String> titleTerms = analyze(TITLE_TEXT, text);
        List<String> abstractTerms = analyze(ABSTRACT_TEXT, text);
        List<String> authorTerms = analyze(AUTHOR_WORDS, text);
        int words = Math.max(titleTerms.size(), abstractTerms.size());
        if (words == 0 && nameTerms.isEmpty() && authorTerms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new BoostQuery(allOf(NAME_TEXT, nameTerms), 4f), BooleanClause.Occur.SHOULD);
        b.add(new BoostQuery(allOf(AUTHOR_WORDS, authorTerms), 3f), BooleanClause.Occur.SHOULD);
        if (!authorTerms.isEmpty() && authorTerms.size() > 1) {
            // "vaswani attention": every word in the title or among the authors
            BooleanQuery.Builder mixed = new BooleanQuery.Builder();
            for (String w : authorTerms) {
                mixed.add(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(TITLE_WORDS, w)), BooleanClause.Occur.SHOULD)
                        .add(new TermQuery(new Term(AUTHOR_WORDS, w)), BooleanClause.Occur.SHOULD)
                        .build(), BooleanClause.Occur.MUST);
            }
            b.add(new BoostQuery(mixed.build(), 3f), BooleanClause.Occur.SHOULD);
        }
        b.add(new BoostQuery(allOf(TITLE_TEXT, titleTerms), 3f), BooleanClause.Occur.SHOULD);
        b.add(allOf(ABSTRACT_TEXT, abstractTerms), BooleanClause.Occur.SHOULD);
        if (titleTerms.size() > 1) {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(2);
            for (String t : titleTerms) {
                phrase.add(new Term(TITLE_TEXT, t));
            }
            b.add(new BoostQuery(phrase.build(), 4f), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /** Most of the terms in one field (all of one or two, 60 % of more). */
    private static Query allOf(String field, List<String> terms) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms) {
            b.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD);
        }
        b.setMinimumNumberShouldMatch(terms.size() <= 2 ? terms.size() : (int) Math.ceil(terms.size() * 0.6));
        return b.build();
    }

    /**
     * Papers that read like {@code paper}: the few most distinctive terms of its title and
     * abstract (rare enough to matter, common enough to connect), best matches first. Remembered
     * per snapshot: an editor hovers the same paper again and again.
     */
    public List<PaperHeader> related(Paper paper, int limit) throws IOException {
        if (reader == null || limit <= 0) {
            return List.of();
        }
        Related cached = relatedCache.get(paper.id());
        if (cached != null && cached.askedFor() >= limit) {
            return cached.papers().subList(0, Math.min(limit, cached.papers().size()));
        }
        Query like = likeQuery(paper);
        if (like == null) {
            relatedCache.put(paper.id(), new Related(List.of(), Integer.MAX_VALUE)); // nothing distinctive to go by
            return List.of();
        }
        BooleanQuery q = new BooleanQuery.Builder()
                .add(like, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(ID, paper.id())), BooleanClause.Occur.MUST_NOT)
                .build();
        List<PaperHeader> out = headers(searcher.search(q, limit).scoreDocs);
        relatedCache.put(paper.id(), new Related(List.copyOf(out), limit));
        return out;
    }

    /** Candidate terms whose document frequency is looked up: each lookup visits every segment. */
    private static final int LIKE_CANDIDATES = 24;
    private static final int LIKE_TERMS = 8;
    /**
     * A term in more papers than this connects nothing distinctive, whatever the corpus size; it
     * also bounds the postings a related-papers query scores (a twentieth of a million papers would
     * be 50,000 a term).
     */
    private static final int LIKE_MAX_DF = 5000;

    /**
     * More-like-this, lean: the paper's most frequent longer words are the candidates, and only
     * those get a document-frequency lookup (Lucene's MoreLikeThis looks up every distinct word,
     * most of the cost of a hover). The few with the best tf-idf, neither unique nor common, make
     * the query, which reuses the term states found by those lookups.
     */
    private Query likeQuery(Paper paper) throws IOException {
        Map<String, Integer> tf = new java.util.HashMap<>();
        try (TokenStream ts = analyzer.tokenStream(ABSTRACT_TEXT, paper.title() + "\n" + paper.abstractText())) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (t.length() >= 4 && !Character.isDigit(t.charAt(0))) {
                    tf.merge(t, 1, Integer::sum);
                }
            }
            ts.end();
        }
        List<Map.Entry<String, Integer>> candidates = new ArrayList<>(tf.entrySet());
        candidates.sort((a, b) -> a.getValue().equals(b.getValue())
                ? Integer.compare(b.getKey().length(), a.getKey().length())
                : Integer.compare(b.getValue(), a.getValue()));
        candidates = candidates.subList(0, Math.min(LIKE_CANDIDATES, candidates.size()));
        int docs = Math.max(1, reader.numDocs());
        int maxDf = Math.max(2, Math.min(docs / 20, LIKE_MAX_DF));
        Map<String, org.apache.lucene.index.TermStates> states = termStates(candidates);
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        for (Map.Entry<String, Integer> c : candidates) {
            int df = states.get(c.getKey()).docFreq();
            if (df < 2 || df > maxDf) {
                continue; // only in this paper, or in everything
            }
            scored.add(Map.entry(c.getKey(), c.getValue() * Math.log((double) docs / df)));
        }
        if (scored.isEmpty()) {
            return null;
        }
        scored.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        double top = scored.get(0).getValue();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Map.Entry<String, Double> s : scored.subList(0, Math.min(LIKE_TERMS, scored.size()))) {
            Term t = new Term(ABSTRACT_TEXT, s.getKey());
            b.add(new BoostQuery(new TermQuery(t, states.get(s.getKey())), (float) (s.getValue() / top)),
                    BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /**
     * The abstract terms' states in every segment, with one terms enumeration per segment walked
     * in term order (a lookup per term and segment would build a new enumeration each time).
     */
    private Map<String, org.apache.lucene.index.TermStates> termStates(List<Map.Entry<String, Integer>> candidates)
            throws IOException {
        List<String> sorted = new ArrayList<>();
        for (Map.Entry<String, Integer> c : candidates) {
            sorted.add(c.getKey());
        }
        sorted.sort(null);
        Map<String, org.apache.lucene.index.TermStates> out = new java.util.HashMap<>();
        org.apache.lucene.index.IndexReaderContext top = reader.getContext();
        for (String t : sorted) {
            out.put(t, new org.apache.lucene.index.TermStates(top));
        }
        for (org.apache.lucene.index.LeafReaderContext leaf : reader.leaves()) {
            org.apache.lucene.index.Terms terms = leaf.reader().terms(ABSTRACT_TEXT);
            if (terms == null) {
                continue;
            }
            org.apache.lucene.index.TermsEnum te = terms.iterator();
            for (String t : sorted) {
                if (te.seekExact(new org.apache.lucene.util.BytesRef(t))) {
                    out.get(t).register(te.termState(), leaf.ord, te.docFreq(), te.totalTermFreq());
                }
            }
        }
        return out;
    }

    /** The papers found related when {@code askedFor} were asked for: fewer means there are no more. */
    private record Related(List<PaperHeader> papers, int askedFor) {
    }

    private final Map<String, Related> relatedCache = RecentMap.of(1024);

    /** Every paper in corpus order, a page at a time so a million papers stream. */
    public void forEach(Consumer<Paper> sink) throws IOException {
        forEach(sink, true);
    }

    /**
     * As {@link #forEach(Consumer)}; without abstracts every abstract is empty and none is read from
     * the corpus: for listings that do not show them.
     */
    public void forEach(Consumer<Paper> sink, boolean withAbstracts) throws IOException {
        if (reader == null) {
            return;
        }
        Sort sort = new Sort(new SortField(ORDER, SortField.Type.STRING));
        Query all = new TermQuery(new Term(TYPE, TYPE_PAPER));
        StoredFields stored = reader.storedFields();
        FieldDoc after = null;
        // Corpus order is file order: abstracts kept as spans are read with their file left open.
        try (AbstractFiles files = withAbstracts ? AbstractFiles.sequential() : AbstractFiles.NONE) {
            while (true) {
                TopDocs page = after == null ? searcher.search(all, 4096, sort)
                        : searcher.searchAfter(after, all, 4096, sort);
                if (page.scoreDocs.length == 0) {
                    return;
                }
                for (ScoreDoc sd : page.scoreDocs) {
                    sink.accept(StoredPapers.paper(reader, stored.document(sd.doc), files));
                }
                after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
            }
        }
    }

    /** Headers read lately: completion lists of successive keystrokes are mostly the same papers. */
    private final HeaderCache headers = new HeaderCache();

    /**
     * The header of a global doc id, from doc values: no stored-field block is decompressed. A
     * library paper's first line is looked up where its entry is now.
     */
    PaperHeader header(int doc) throws IOException {
        PaperHeader h = headers.get(doc);
        if (h == null) {
            h = readHeader(doc);
            headers.put(doc, h);
        }
        return h;
    }

    private PaperHeader readHeader(int doc) throws IOException {
        return StoredPapers.headerWithLine(reader, doc);
    }

    /** The headers of a search's hits, in rank order. */
    private List<PaperHeader> headers(ScoreDoc[] hits) throws IOException {
        int[] docs = new int[hits.length];
        for (int i = 0; i < hits.length; i++) {
            docs[i] = hits[i].doc;
        }
        return headers(docs);
    }

    /**
     * The headers of {@code docs}, in that order: those not read lately are read together, in doc
     * order (a completion list is fifty papers, most of them new when a name is first typed).
     */
    List<PaperHeader> headers(int[] docs) throws IOException {
        PaperHeader[] out = new PaperHeader[docs.length];
        int[] missing = new int[docs.length];
        int m = 0;
        for (int i = 0; i < docs.length; i++) {
            out[i] = headers.get(docs[i]);
            if (out[i] == null) {
                missing[m++] = docs[i];
            }
        }
        if (m > 0) {
            int[] ascending = java.util.Arrays.copyOf(missing, m);
            java.util.Arrays.sort(ascending);
            PaperHeader[] read = StoredPapers.headersWithLine(reader, ascending);
            for (int i = 0; i < m; i++) {
                headers.put(ascending[i], read[i]);
            }
            for (int i = 0; i < docs.length; i++) {
                if (out[i] == null) {
                    out[i] = read[java.util.Arrays.binarySearch(ascending, docs[i])];
                }
            }
        }
        return new ArrayList<>(java.util.Arrays.asList(out));
    }

    /** Headers of several papers by id, in the order given (missing ones skipped). */
    public PaperHeader headerById(String id) throws IOException {
        if (reader == null) {
            return null;
        }
        // A note's analysis asks for the same candidates' headers at every edit.
        return lookups.get("h\u0000" + id, () -> {
            List<Integer> docs = DocLookup.find(reader, ID, id);
            return docs.isEmpty() ? null : header(docs.get(0));
        });
    }

    private List<Paper> papers(String field, String value) throws IOException {
        return papers(field, value, AbstractFiles.EACH_READ);
    }

    private List<Paper> papers(String field, String value, AbstractFiles files) throws IOException {
        if (reader == null) {
            return List.of();
        }
        List<Paper> out = new ArrayList<>(1);
        StoredFields stored = reader.storedFields();
        for (int doc : DocLookup.find(reader, field, value)) {
            out.add(StoredPapers.paper(reader, stored.document(doc), files));
        }
        return out;
    }

    private List<String> analyze(String field, String text) throws IOException {
        return AnalyzedTerms.of(analyzer, field, text);
    }

    DirectoryReader reader() {
        return reader;
    }

    /** Takes a reference; pair with {@link #close()}. Returns false once fully released. */
    boolean tryIncRef() {
        while (true) {
            int n = refs.get();
            if (n <= 0) {
                return false;
            }
            if (refs.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (refs.decrementAndGet() == 0) {
            try {
                if (mentions != null) {
                    mentions.close();
                }
                if (replacedMentions != null) {
                    replacedMentions.close();
                }
            } finally {
                if (reader != null) {
                    reader.close();
                }
            }
        }
    }
}
