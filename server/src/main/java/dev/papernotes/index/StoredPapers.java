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

    static Paper paper(IndexReader reader, int doc) throws IOException {
        return paper(reader, reader.storedFields().document(doc), AbstractFiles.EACH_READ);
    }

    /** The stored paper of {@code d}, its abstract read from its corpus file when kept as a span there. */
    static Paper paper(IndexReader reader, Document d, AbstractFiles files) throws IOException {
        return withLines(reader, PaperDocuments.toPaper(d, files, o -> entryStart(reader, o)));
    }

    static Loaded load(IndexReader reader, int doc) throws IOException {
        Document d = reader.storedFields().document(doc);
        Paper p = paper(reader, d, AbstractFiles.EACH_READ);
        String base = d.get(CITEKEY_BASE);
        return new Loaded(p, PaperDocuments.sources(d, p, o -> entryStart(reader, o)), base == null ? "" : base,
                stamp(reader, doc));
    }

    static Paper withLines(IndexReader reader, Paper p) throws IOException {
        List<Occurrence> occurrences = null;
        for (int i = 0; i < p.occurrences().size(); i++) {
            Occurrence o = p.occurrences().get(i);
            if (o.handle().isEmpty()) {
                continue;
            }
            int line = entryLine(reader, o);
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
        List<Integer> docs = DocLookup.find(reader, ENTRY_REF, PaperDocuments.entryRef(o), 1);
        if (docs.isEmpty()) {
            return 0;
        }
        long v = numeric(reader, docs.get(0), ENTRY_LINE);
        return (int) v;
    }

    /** Where a library entry starts in its file now, or -1 when its abstract is not kept as a span. */
    static long entryStart(IndexReader reader, Occurrence o) throws IOException {
        List<Integer> docs = DocLookup.find(reader, ENTRY_REF, PaperDocuments.entryRef(o), 1);
        if (docs.isEmpty()) {
            return -1;
        }
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs.get(0), leaves));
        NumericDocValues values = DocValues.getNumeric(leaf.reader(), ENTRY_START);
        return values.advanceExact(docs.get(0) - leaf.docBase) ? values.longValue() : -1;
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
        PaperHeader h = header(reader, doc);
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
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues values = DocValues.getNumeric(leaf.reader(), field);
        return values.advanceExact(doc - leaf.docBase) ? values.longValue() : 0;
    }
}
