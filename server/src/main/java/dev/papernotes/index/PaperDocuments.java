package dev.papernotes.index;

import static dev.papernotes.index.IndexSchema.*;

import dev.papernotes.corpus.AbstractSpan;
import dev.papernotes.corpus.Author;
import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.EntrySink;
import dev.papernotes.corpus.Occurrence;
import dev.papernotes.corpus.PaperMetadata;
import dev.papernotes.names.NameKeys;
import dev.papernotes.names.Spaces;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/** Turns a {@link Paper} into its Lucene document and back. */
final class PaperDocuments {
    /**
     * A title is completed from the FST by its first this many characters of spaced form; beyond
     * them what is typed is checked against the title itself ({@link Suggester}). Most of a title's
     * bytes in the completion FST are its own unshared tail, and a session's completions read the
     * paths of the titles they list: a shorter input makes the FST (117 MB at 1M papers with 64
     * characters) and what typing keeps of it resident smaller.
     */
    static final int TITLE_INPUT_CHARS = 32;
    /** Title words: frequencies and norms for ranking, no positions (nobody phrase-searches them). */
    private static final FieldType TITLE_WORDS_TYPE = new FieldType();

    /** Abstracts: frequencies for ranking and more-like-this; no positions (their cost, no use). */
    private static final FieldType ABSTRACT_TYPE = new FieldType();

    /** Title phrases: which titles have them, nothing more. */
    private static final FieldType PHRASES_TYPE = new FieldType();

    static {
        PHRASES_TYPE.setIndexOptions(IndexOptions.DOCS);
        PHRASES_TYPE.setTokenized(true);
        PHRASES_TYPE.setOmitNorms(true);
        PHRASES_TYPE.freeze();
        TITLE_WORDS_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        TITLE_WORDS_TYPE.setTokenized(true);
        TITLE_WORDS_TYPE.freeze();
        ABSTRACT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        ABSTRACT_TYPE.setTokenized(true);
        ABSTRACT_TYPE.freeze();
    }

    private PaperDocuments() {
    }

    /** A paper known only by its title and abstract, as before libraries (tests, old callers). */
    static Document toDocument(Paper p, String citekeyBase) {
        List<CorpusEntry> sources = new ArrayList<>();
        for (Occurrence o : p.occurrences()) {
            sources.add(new CorpusEntry(p.title(), p.abstractText(), o, p.metadata()));
        }
        List<String> keys = p.metadata().key().isEmpty() ? List.of() : List.of(p.metadata().key());
        return toDocument(p, sources, keys, citekeyBase, 0);
    }

    /**
     * The paper's document.
     *
     * @param sources     what each occurrence said, aligned with {@code p.occurrences()}
     * @param libraryKeys every library key of the paper (its citekey first), to be found by each
     * @param citekeyBase the base of a generated citekey; empty for a paper with a library key
     * @param stamp       the update run that writes it
     */
    static Document toDocument(Paper p, List<CorpusEntry> sources, List<String> libraryKeys, String citekeyBase,
            long stamp) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, TYPE_PAPER, Field.Store.NO));
        doc.add(new StringField(ID, p.id(), Field.Store.YES));
        doc.add(new StoredField(TITLE, p.title()));
        // An abstract a source can point at in its file is read from there: no second copy.
        int abstractFrom = -1;
        boolean anySpan = false;
        for (int i = 0; i < sources.size() && i < p.occurrences().size(); i++) {
            CorpusEntry s = sources.get(i);
            if (s != null && s.abstractSpan() != null) {
                anySpan = true;
                if (abstractFrom < 0 && s.abstractText().equals(p.abstractText())) {
                    abstractFrom = i;
                }
            }
        }
        if (abstractFrom >= 0) {
            doc.add(new StoredField(ABSTRACT_FROM, abstractFrom));
        } else {
            doc.add(new StoredField(ABSTRACT, p.abstractText()));
        }
        doc.add(new StringField(CITEKEY, p.citekey(), Field.Store.YES));
        for (String k : libraryKeys) {
            if (!k.equals(p.citekey())) {
                doc.add(new StringField(CITEKEY, k, Field.Store.NO));
            }
            doc.add(new StringField(LIBRARY_KEY, k.toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
        }
        doc.add(new StringField(CITEKEY_BASE, citekeyBase, Field.Store.YES));
        doc.add(new NumericDocValuesField(STAMP, stamp));
        doc.add(new TextField(TITLE_TEXT, p.title(), Field.Store.NO));
        doc.add(new Field(TITLE_PHRASES, p.title(), PHRASES_TYPE));
        doc.add(new Field(TITLE_WORDS, p.title(), TITLE_WORDS_TYPE));
        if (!p.abstractText().isEmpty()) {
            doc.add(new Field(ABSTRACT_TEXT, p.abstractText(), ABSTRACT_TYPE));
        }
        PaperMetadata meta = p.metadata();
        if (!meta.isEmpty()) {
            doc.add(new StoredField(META, MetadataCodec.encode(meta)));
        }
        String authorWords = authorWords(meta);
        if (!authorWords.isEmpty()) {
            doc.add(new Field(AUTHOR_WORDS, authorWords, TITLE_WORDS_TYPE));
        }
        int weight = p.occurrences().size();
        doc.add(new NumericDocValuesField(POPULARITY, weight));

        Occurrence first = p.occurrences().get(0);
        doc.add(new SortedDocValuesField(ORDER, new BytesRef(orderKey(first))));
        String firstFamily = meta.authors().isEmpty() ? "" : meta.authors().get(0).family();
        doc.add(new BinaryDocValuesField(HEADER, new PaperHeader(p.id(), p.title(), p.methods(), p.citekey(),
                first.file(), first.line(), firstFamily, meta.authors().size() > 1 || meta.moreAuthors(), meta.year(),
                meta.venue(), p.occurrences().size(), first.handle()).encode()));
        Set<String> files = new LinkedHashSet<>();
        Set<String> idents = new LinkedHashSet<>();
        CorpusEntry keyed = null;
        for (int i = 0; i < p.occurrences().size(); i++) {
            Occurrence o = p.occurrences().get(i);
            doc.add(new StoredField(OCCURRENCE, encodeOccurrence(o)));
            CorpusEntry source = i < sources.size() ? sources.get(i) : null;
            AbstractSpan span = source == null ? null : source.abstractSpan();
            if (anySpan) {
                doc.add(new StoredField(ABSTRACT_AT, span == null ? "" : span.encode()));
            }
            // A source with a span says its abstract there.
            doc.add(new StoredField(SOURCE, source == null ? ""
                    : MetadataCodec.encodeSource(source, p.title(), span != null ? source.abstractText()
                            : p.abstractText(), meta)));
            files.add(o.file().toString());
            CorpusEntry s = source != null ? source : new CorpusEntry(p.title(), p.abstractText(), o, meta);
            // A page paper's occurrences say the same: its keys are worked out once.
            if (keyed == null || !keyed.title().equals(s.title()) || !keyed.metadata().equals(s.metadata())) {
                idents.addAll(IdentityKeys.of(s).terms());
                keyed = s;
            }
        }
        for (String f : files) {
            doc.add(new StringField(FILE, f, Field.Store.NO));
        }
        if (files.size() == 1) {
            doc.add(new StringField(SOLE_FILE, files.iterator().next(), Field.Store.NO));
        }
        for (String t : idents) {
            doc.add(new StringField(IDENT, t, Field.Store.NO));
        }

        Set<String> keys = new LinkedHashSet<>();
        Set<String> mentions = new LinkedHashSet<>();
        Set<String> nameInputs = new LinkedHashSet<>();
        StringBuilder nameText = new StringBuilder(p.citekey());
        for (String m : p.methods()) {
            doc.add(new StoredField(METHOD, m));
            addKey(keys, NameKeys.compact(m));
            mentions.add(Spaces.collapse(m));
            addInput(nameInputs, NameKeys.spaced(m));
            addInput(nameInputs, NameKeys.compact(m));
            nameText.append(' ').append(m);
        }
        addKey(keys, NameKeys.compact(p.title()));
        addKey(keys, NameKeys.compact(p.shortTitle()));
        addKey(keys, p.citekey());
        for (String k : libraryKeys) {
            addKey(keys, NameKeys.compact(k));
        }
        mentions.add(Spaces.collapse(p.title()));
        for (String k : keys) {
            doc.add(new StringField(KEY, k, Field.Store.NO));
        }
        for (String m : mentions) {
            if (!m.isEmpty()) {
                doc.add(new StringField(MENTION, m, Field.Store.NO));
            }
        }
        doc.add(new TextField(NAME_TEXT, nameText.toString(), Field.Store.NO));
        CasedTerms cased = CasedTerms.of(p.title(), p.abstractText());
        for (String t : cased.used) {
            doc.add(new StringField(CASED_WORDS, t, Field.Store.NO));
        }
        for (String t : cased.defined) {
            doc.add(new StringField(DEFINED, t, Field.Store.NO));
        }

        for (String input : nameInputs) {
            doc.add(new CompletionInput(SUGGEST_NAME, input, weight));
        }
        // The short title is a prefix of the title: one input serves both.
        String titleInput = titleInput(NameKeys.spaced(p.title()));
        if (!titleInput.isBlank()) {
            doc.add(new CompletionInput(SUGGEST_TITLE, titleInput, weight));
        }
        Set<String> citeInputs = new LinkedHashSet<>();
        citeInputs.add(p.citekey().toLowerCase(java.util.Locale.ROOT));
        for (String k : libraryKeys) {
            citeInputs.add(k.toLowerCase(java.util.Locale.ROOT));
        }
        for (String input : citeInputs) {
            if (!input.isEmpty()) {
                doc.add(new CompletionInput(SUGGEST_CITEKEY, input, weight));
            }
        }
        for (String input : authorYearInputs(meta)) {
            doc.add(new CompletionInput(SUGGEST_AUTHOR, input, weight));
        }
        return doc;
    }

    /** At most this many authors are searchable by name: a thousand-author paper is found by its first ones. */
    private static final int SEARCHABLE_AUTHORS = 20;
    /**
     * {@code @vaswani17} completes by the first author: completion inputs cost heap when segments
     * are flushed and merged, and other authors are found through the author words.
     */
    private static final int SUGGESTED_AUTHORS = 1;

    private static String authorWords(PaperMetadata meta) {
        StringBuilder sb = new StringBuilder();
        List<Author> authors = meta.authors();
        for (int i = 0; i < Math.min(SEARCHABLE_AUTHORS, authors.size()); i++) {
            sb.append(authors.get(i).family()).append(' ');
        }
        if (!meta.year().isEmpty()) {
            sb.append(meta.year());
        }
        return sb.toString().strip();
    }

    /** {@code vaswani}, {@code vaswani2017}, {@code vaswani17}, for the first few authors. */
    private static Set<String> authorYearInputs(PaperMetadata meta) {
        Set<String> out = new LinkedHashSet<>();
        List<Author> authors = meta.authors();
        for (int i = 0; i < Math.min(SUGGESTED_AUTHORS, authors.size()); i++) {
            String family = NameKeys.compact(authors.get(i).family());
            String key = authors.get(i).key();
            for (String name : new String[] {key, family}) {
                if (name.isEmpty()) {
                    continue;
                }
                out.add(name);
                if (meta.year().length() == 4) {
                    out.add(name + meta.year());
                    out.add(name + meta.year().substring(2));
                }
            }
        }
        return out;
    }

    /** The document that says where a library entry is now (see {@link IndexSchema#TYPE_ENTRY}). */
    static Document entryDocument(Occurrence o, long contentHash, String paperId, AbstractSpan abstractSpan) {
        Document d = new Document();
        d.add(new StringField(TYPE, TYPE_ENTRY, Field.Store.NO));
        d.add(new StringField(ENTRY_REF, entryRef(o), Field.Store.NO));
        d.add(new StringField(ENTRY_FILE, o.file().toString(), Field.Store.NO));
        d.add(new NumericDocValuesField(ENTRY_KEY, entryKey(o)));
        d.add(new NumericDocValuesField(ENTRY_LINE, o.line()));
        if (abstractSpan != null) {
            d.add(new NumericDocValuesField(ENTRY_START, abstractSpan.offset()));
        }
        d.add(new NumericDocValuesField(ENTRY_HASH, contentHash));
        d.add(new NumericDocValuesField(ENTRY_PAPER, Long.parseUnsignedLong(paperId, 16)));
        return d;
    }

    /** The entry's file and handle, hashed. */
    static long entryKey(Occurrence o) {
        return LongIntTable.hash(o.file() + "\u0000" + o.handle());
    }

    /** The entry's term: its key in hex, short (every entry of a library has one). */
    static String entryRef(Occurrence o) {
        return entryRef(entryKey(o));
    }

    static String entryRef(long key) {
        return java.util.HexFormat.of().toHexDigits(key);
    }

    /** {@code line TAB date TAB handle TAB file}. */
    static String encodeOccurrence(Occurrence o) {
        return o.line() + "\t" + o.date() + "\t" + o.handle() + "\t" + o.file();
    }

    /** {@code path NUL line}, the line zero-padded to ten digits (no String.format: it was 1 % of a first build). */
    static String orderKey(Occurrence o) {
        if (o.line() < 0) {
            return o.file() + "\u0000" + String.format("%010d", o.line());
        }
        String line = Integer.toString(o.line());
        return o.file() + "\u0000" + "0".repeat(Math.max(0, 10 - line.length())) + line;
    }

    /** Where a library entry starts in its file now, or -1 when not known. */
    interface EntryStarts {
        long startOf(Occurrence o) throws IOException;
    }

    /** The span as it is now: an unchanged entry that moved in its file took its span along. */
    static AbstractSpan current(AbstractSpan span, Occurrence o, EntryStarts starts) throws IOException {
        if (span == null || o.handle().isEmpty()) {
            return span;
        }
        long start = starts.startOf(o);
        return start < 0 || start == span.offset() ? span
                : new AbstractSpan(span.format(), start, span.length(), span.fingerprint());
    }

    /**
     * The paper as stored, its abstract read through {@code files} when kept as a span; library
     * occurrences carry the line they had when it was written.
     */
    static Paper toPaper(Document doc, AbstractFiles files, EntryStarts starts) throws IOException {
        List<String> methods = new ArrayList<>();
        for (String m : doc.getValues(METHOD)) {
            methods.add(m);
        }
        List<Occurrence> occurrences = new ArrayList<>();
        for (String o : doc.getValues(OCCURRENCE)) {
            occurrences.add(parseOccurrence(o));
        }
        String abstractText = files.wanted() ? doc.get(ABSTRACT) : "";
        if (abstractText == null) {
            int i = abstractFrom(doc);
            AbstractSpan span = i < occurrences.size() ? spanAt(doc.getValues(ABSTRACT_AT), i) : null;
            String read = span == null ? null
                    : files.read(occurrences.get(i).file(), current(span, occurrences.get(i), starts));
            abstractText = read == null ? "" : read;
        }
        return new Paper(doc.get(ID), doc.get(TITLE), abstractText, List.copyOf(methods), doc.get(CITEKEY),
                List.copyOf(occurrences), MetadataCodec.decode(doc.get(META)));
    }

    /**
     * The fingerprint of the stored abstract ({@link EntrySink#fingerprint}), without reading a
     * corpus file: whether a source read again says the same.
     */
    static long abstractFingerprint(Document doc) {
        String text = doc.get(ABSTRACT);
        if (text != null) {
            return EntrySink.fingerprint(text, 0);
        }
        AbstractSpan span = spanAt(doc.getValues(ABSTRACT_AT), abstractFrom(doc));
        return span == null ? EntrySink.fingerprint("", 0) : span.fingerprint();
    }

    /** What each occurrence of a stored paper said, in the order of its occurrences. */
    static List<CorpusEntry> sources(Document doc, Paper p, EntryStarts starts) throws IOException {
        String[] stored = doc.getValues(SOURCE);
        String[] spans = doc.getValues(ABSTRACT_AT);
        int abstractFrom = abstractFrom(doc);
        List<CorpusEntry> out = new ArrayList<>(p.occurrences().size());
        for (int i = 0; i < p.occurrences().size(); i++) {
            Occurrence o = p.occurrences().get(i);
            AbstractSpan span = current(spanAt(spans, i), o, starts);
            String abstractText = p.abstractText();
            if (span != null && i != abstractFrom) {
                String read = AbstractFiles.EACH_READ.read(o.file(), span);
                abstractText = read == null ? "" : read;
            }
            CorpusEntry e = MetadataCodec.decodeSource(i < stored.length ? stored[i] : "", o, p.title(),
                    abstractText, p.metadata());
            // Kept where it is, so that the paper written again points at its file too.
            out.add(span == null || !e.abstractText().equals(abstractText) ? e
                    : new CorpusEntry(e.title(), e.abstractText(), o, e.metadata(), span));
        }
        return out;
    }

    /** Which occurrence's span holds the paper's abstract; -1 when the abstract is stored as text. */
    private static int abstractFrom(Document doc) {
        IndexableField from = doc.getField(ABSTRACT_FROM);
        return from == null ? -1 : from.numericValue().intValue();
    }

    /** The span stored for occurrence {@code i}, or null. */
    private static AbstractSpan spanAt(String[] spans, int i) {
        return i >= 0 && i < spans.length ? AbstractSpan.decode(spans[i]) : null;
    }

    static Occurrence parseOccurrence(String stored) {
        int a = stored.indexOf('\t');
        int b = stored.indexOf('\t', a + 1);
        int c = stored.indexOf('\t', b + 1);
        return new Occurrence(Path.of(stored.substring(c + 1)), Integer.parseInt(stored.substring(0, a)),
                stored.substring(a + 1, b), stored.substring(b + 1, c));
    }

    private static void addKey(Set<String> keys, String key) {
        if (!key.isEmpty()) {
            keys.add(key);
        }
    }

    private static void addInput(Set<String> inputs, String input) {
        if (!input.isBlank()) {
            inputs.add(input);
        }
    }

    /**
     * The completion input of a spaced title, and the query for spaced typed text: its first {@link
     * #TITLE_INPUT_CHARS} characters (not splitting a surrogate pair), so that whatever is typed of
     * a title, clipped the same way, is a prefix of the title's input.
     */
    static String titleInput(String spaced) {
        if (spaced.length() <= TITLE_INPUT_CHARS) {
            return spaced;
        }
        int cut = Character.isHighSurrogate(spaced.charAt(TITLE_INPUT_CHARS - 1)) ? TITLE_INPUT_CHARS - 1
                : TITLE_INPUT_CHARS;
        return spaced.substring(0, cut).stripTrailing();
    }
}
