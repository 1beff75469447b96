package dev.papernotes.index;

import static dev.papernotes.index.IndexSchema.*;

import dev.papernotes.corpus.Occurrence;
import dev.papernotes.names.NameKeys;
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

    static Document toDocument(Paper p, String citekeyBase) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, TYPE_PAPER, Field.Store.NO));
        doc.add(new StringField(ID, p.id(), Field.Store.YES));
        doc.add(new StoredField(TITLE, p.title()));
        doc.add(new StoredField(ABSTRACT, p.abstractText()));
        doc.add(new StringField(CITEKEY, p.citekey(), Field.Store.YES));
        doc.add(new StringField(CITEKEY_BASE, citekeyBase, Field.Store.YES));
        doc.add(new TextField(TITLE_TEXT, p.title(), Field.Store.NO));
        doc.add(new Field(TITLE_PHRASES, p.title(), PHRASES_TYPE));
        doc.add(new Field(TITLE_WORDS, p.title(), TITLE_WORDS_TYPE));
        if (!p.abstractText().isEmpty()) {
            doc.add(new Field(ABSTRACT_TEXT, p.abstractText(), ABSTRACT_TYPE));
        }
        int weight = p.occurrences().size();
        doc.add(new NumericDocValuesField(POPULARITY, weight));

        Occurrence first = p.occurrences().get(0);
        doc.add(new SortedDocValuesField(ORDER, new BytesRef(orderKey(first))));
        doc.add(new BinaryDocValuesField(HEADER, new PaperHeader(p.id(), p.title(), p.methods(), p.citekey(),
                first.file(), first.line()).encode()));
        Set<String> files = new LinkedHashSet<>();
        for (Occurrence o : p.occurrences()) {
            doc.add(new StoredField(OCCURRENCE, o.line() + "\t" + o.date() + "\t" + o.file()));
            files.add(o.file().toString());
        }
        for (String f : files) {
            doc.add(new StringField(FILE, f, Field.Store.NO));
        }

        Set<String> keys = new LinkedHashSet<>();
        Set<String> mentions = new LinkedHashSet<>();
        Set<String> nameInputs = new LinkedHashSet<>();
        StringBuilder nameText = new StringBuilder(p.citekey());
        for (String m : p.methods()) {
            doc.add(new StoredField(METHOD, m));
            addKey(keys, NameKeys.compact(m));
            mentions.add(collapseSpaces(m));
            addInput(nameInputs, NameKeys.spaced(m));
            addInput(nameInputs, NameKeys.compact(m));
            nameText.append(' ').append(m);
        }
        addKey(keys, NameKeys.compact(p.title()));
        addKey(keys, NameKeys.compact(p.shortTitle()));
        addKey(keys, p.citekey());
        mentions.add(collapseSpaces(p.title()));
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
        doc.add(new SuggestField(SUGGEST_CITEKEY, p.citekey(), weight));
        return doc;
    }

    static String orderKey(Occurrence o) {
        return o.file() + "\u0000" + String.format("%010d", o.line());
    }

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
                List.copyOf(occurrences));
    }

    static Occurrence parseOccurrence(String stored) {
        int a = stored.indexOf('\t');
        int b = stored.indexOf('\t', a + 1);
        return new Occurrence(Path.of(stored.substring(b + 1)), Integer.parseInt(stored.substring(0, a)),
                stored.substring(a + 1, b));
    }

    /** Whitespace runs become one space: a title wrapped over two lines of a note still matches. */
    static String collapseSpaces(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
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
