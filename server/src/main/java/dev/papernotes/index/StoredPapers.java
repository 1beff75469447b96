package dev.papernotes.index;

import static dev.papernotes.index.IndexSchema.*;

import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.Occurrence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;

/**
 * Papers and headers read back from an index, with library occurrences at the line their entry has
 * now: entries move when a library file is rewritten, and their papers are not rewritten for that
 * (see {@link IndexSchema#TYPE_ENTRY}).
 */
final class StoredPapers {
    private StoredPapers() {
    }

    /** A stored paper and what each of its sources said. */
    record Loaded(Paper paper, List<CorpusEntry> sources, String citekeyBase, long stamp) {
    }

    /** The stored paper of {@code d}, its abstract read from its corpus file when kept as a span there. */
    static Paper paper(IndexReader reader, Document d, AbstractFiles files) throws IOException {
        EntryPlaces places = new EntryPlaces(reader);
        return withLines(places, PaperDocuments.toPaper(d, files, places::start));
    }

    static Loaded load(IndexReader reader, int doc) throws IOException {
        Document d = reader.storedFields().document(doc);
        EntryPlaces places = new EntryPlaces(reader);
        Paper p = withLines(places, PaperDocuments.toPaper(d, AbstractFiles.EACH_READ, places::start));
        String base = d.get(CITEKEY_BASE);
        return new Loaded(p, PaperDocuments.sources(d, p, places::start), base == null ? "" : base,
                stamp(reader, doc));
    }

    /** Where a library entry is now: its line, and its start in the file (-1 when not kept). */
    private record Place(int line, long start) {
        static final Place NOWHERE = new Place(0, -1);
    }

    /** Where a paper's library entries are now: each entry document looked up once per paper read. */
    private static final class EntryPlaces {
        private final IndexReader reader;
        private final java.util.Map<String, Place> seen = new java.util.HashMap<>(4);

        EntryPlaces(IndexReader reader) {
            this.reader = reader;
        }

        /** {@link Place#NOWHERE} when the entry document is not there. */
        Place of(Occurrence o) throws IOException {
            String ref = PaperDocuments.entryRef(o);
            Place place = seen.get(ref);
            if (place == null) {
                List<Integer> docs = DocLookup.find(reader, ENTRY_REF, ref, 1);
                place = docs.isEmpty() ? Place.NOWHERE
                        : new Place((int) numeric(reader, docs.get(0), ENTRY_LINE, 0),
                                numeric(reader, docs.get(0), ENTRY_START, -1));
                seen.put(ref, place);
            }
            return place;
        }

        long start(Occurrence o) throws IOException {
            return of(o).start();
        }
    }

    private static Paper withLines(EntryPlaces places, Paper p) throws IOException {
        List<Occurrence> occurrences = null;
        for (int i = 0; i < p.occurrences().size(); i++) {
            Occurrence o = p.occurrences().get(i);
            if (o.handle().isEmpty()) {
                continue;
            }
            int line = places.of(o).line();
            if (line > 0 && line != o.line()) {
                if (occurrences == null) {
                    occurrences = new ArrayList<>(p.occurrences());
                }
                occurrences.set(i, o.withLine(line));
            }
        }
        if (occurrences == null) {
            return p;
        }
        return new Paper(p.id(), p.title(), p.abstractText(), p.methods(), p.citekey(), List.copyOf(occurrences),
                p.metadata());
    }

    /** The line a library entry is on now, or 0 when its entry document is not there. */
    static int entryLine(IndexReader reader, Occurrence o) throws IOException {
        return new EntryPlaces(reader).of(o).line();
    }

    static PaperHeader header(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues values = DocValues.getBinary(leaf.reader(), HEADER);
        if (!values.advanceExact(doc - leaf.docBase)) {
            throw new IOException("paper document " + doc + " has no header");
        }
        return PaperHeader.decode(values.binaryValue());
    }

    /** The header with the first occurrence's current line. */
    static PaperHeader headerWithLine(IndexReader reader, int doc) throws IOException {
        return withLine(reader, header(reader, doc));
    }

    /**
     * The headers of {@code ascending} (global doc ids in order, repeats allowed), each with its first
     * occurrence's current line. One doc values iterator per segment walks forward through them: a
     * new iterator per header (a clone of the file, its buffer, the address reader) cost three times
     * as much as reading the header itself (1M papers: 19-23 against 6 us a header).
     */
    static PaperHeader[] headersWithLine(IndexReader reader, int[] ascending) throws IOException {
        PaperHeader[] out = new PaperHeader[ascending.length];
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = null;
        BinaryDocValues values = null;
        for (int i = 0; i < ascending.length; i++) {
            int doc = ascending[i];
            if (i > 0 && doc == ascending[i - 1]) {
                out[i] = out[i - 1];
                continue;
            }
            if (i > 0 && doc < ascending[i - 1]) {
                throw new IllegalArgumentException("doc ids out of order: " + ascending[i - 1] + ", " + doc);
            }
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = DocValues.getBinary(leaf.reader(), HEADER);
            }
            if (!values.advanceExact(doc - leaf.docBase)) {
                throw new IOException("paper document " + doc + " has no header");
            }
            out[i] = withLine(reader, PaperHeader.decode(values.binaryValue()));
        }
        return out;
    }

    private static PaperHeader withLine(IndexReader reader, PaperHeader h) throws IOException {
        if (h.firstHandle().isEmpty()) {
            return h;
        }
        int line = entryLine(reader, new Occurrence(h.firstFile(), h.firstLine(), "", h.firstHandle()));
        return line > 0 ? h.withFirstLine(line) : h;
    }

    static long stamp(IndexReader reader, int doc) throws IOException {
        return numeric(reader, doc, STAMP);
    }

    static long numeric(IndexReader reader, int doc, String field) throws IOException {
        return numeric(reader, doc, field, 0);
    }

    /** The doc value of {@code field} for {@code doc}, or {@code missing} when it has none. */
    private static long numeric(IndexReader reader, int doc, String field, long missing) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues values = DocValues.getNumeric(leaf.reader(), field);
        return values.advanceExact(doc - leaf.docBase) ? values.longValue() : missing;
    }
}
