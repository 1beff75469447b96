package dev.papernotes.index;

import static dev.papernotes.index.IndexSchema.*;

import dev.papernotes.corpus.Author;
import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.Occurrence;
import dev.papernotes.corpus.PaperMetadata;
import dev.papernotes.names.NameKeys;
import dev.papernotes.names.Spaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.search.suggest.document.SuggestField;
import org.apache.lucene.util.BytesRef;

/** Turns a {@link Paper} into its Lucene document and back. */
final class PaperDocuments {
    private static final int MAX_SUGGEST_CHARS = 64;
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
        doc.add(new StoredField(ABSTRACT, p.abstractText()));
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
            doc.add(new StoredField(SOURCE, source == null ? ""
                    : MetadataCodec.encodeSource(source, p.title(), p.abstractText(), meta)));
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
            doc.add(new SuggestField(SUGGEST_NAME, input, weight));
        }
        // The short title is a prefix of the title: one input serves both.
        String titleInput = clip(NameKeys.spaced(p.title()));
        if (!titleInput.isBlank()) {
            doc.add(new SuggestField(SUGGEST_TITLE, titleInput, weight));
        }
        Set<String> citeInputs = new LinkedHashSet<>();
        citeInputs.add(p.citekey().toLowerCase(java.util.Locale.ROOT));
        for (String k : libraryKeys) {
            citeInputs.add(k.toLowerCase(java.util.Locale.ROOT));
        }
        for (String input : citeInputs) {
            if (!input.isEmpty()) {
                doc.add(new SuggestField(SUGGEST_CITEKEY, input, weight));
            }
        }
        for (String input : authorYearInputs(meta)) {
            doc.add(new SuggestField(SUGGEST_AUTHOR, input, weight));
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
    static Document entryDocument(Occurrence o, long contentHash, String paperId) {
        Document d = new Document();
        d.add(new StringField(TYPE, TYPE_ENTRY, Field.Store.NO));
        d.add(new StringField(ENTRY_REF, entryRef(o), Field.Store.NO));
        d.add(new StringField(ENTRY_FILE, o.file().toString(), Field.Store.NO));
        d.add(new NumericDocValuesField(ENTRY_KEY, entryKey(o)));
        d.add(new NumericDocValuesField(ENTRY_LINE, o.line()));
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

    static String orderKey(Occurrence o) {
        return o.file() + "\u0000" + String.format("%010d", o.line());
    }

    /** The paper as stored; library occurrences carry the line they had when it was written. */
    static Paper toPaper(Document doc) {
        List<String> methods = new ArrayList<>();
        for (String m : doc.getValues(METHOD)) {
            methods.add(m);
        }
        List<Occurrence> occurrences = new ArrayList<>();
        for (String o : doc.getValues(OCCURRENCE)) {
            occurrences.add(parseOccurrence(o));
        }
        return new Paper(doc.get(ID), doc.get(TITLE), doc.get(ABSTRACT), List.copyOf(methods), doc.get(CITEKEY),
                List.copyOf(occurrences), MetadataCodec.decode(doc.get(META)));
    }

    /** What each occurrence of a stored paper said, in the order of its occurrences. */
    static List<CorpusEntry> sources(Document doc, Paper p) {
        String[] stored = doc.getValues(SOURCE);
        List<CorpusEntry> out = new ArrayList<>(p.occurrences().size());
        for (int i = 0; i < p.occurrences().size(); i++) {
            out.add(MetadataCodec.decodeSource(i < stored.length ? stored[i] : "", p.occurrences().get(i), p.title(),
                    p.abstractText(), p.metadata()));
        }
        return out;
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

    private static String clip(String s) {
        if (s.length() <= MAX_SUGGEST_CHARS) {
            return s;
        }
        int cut = s.lastIndexOf(' ', MAX_SUGGEST_CHARS);
        return s.substring(0, cut > 0 ? cut : MAX_SUGGEST_CHARS);
    }
}
