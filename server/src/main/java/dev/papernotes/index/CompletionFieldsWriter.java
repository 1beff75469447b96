package dev.papernotes.index;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.codecs.FieldsConsumer;
import org.apache.lucene.codecs.NormsProducer;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.IOUtils;

/**
 * Writes the completion dictionary ({@code .lkp}) and its index ({@code .cmp}) in the layout
 * Lucene's {@code CompletionFieldsConsumer} writes, which Lucene's own reader opens; it differs in
 * where each field's FST is compiled: into a temporary file ({@link CompletionFstWriter}), not on
 * the heap. The final merge of a first build compiles the completion FSTs of a million papers at
 * once, and their bytes on the heap were the build's peak (about 50 MB live at 1M papers).
 */
final class CompletionFieldsWriter extends FieldsConsumer {
    /** Lucene's {@code CompletionPostingsFormat} constants (package-private there). */
    static final int VERSION = 1;
    static final String DICT_EXTENSION = "lkp";
    static final String INDEX_EXTENSION = "cmp";

    private final String codecName;
    private final String delegateName;
    private final SegmentWriteState state;
    private final FieldsConsumer delegate;
    private final IndexOutput dictOut;
    private final Map<String, FieldMeta> written = new LinkedHashMap<>();
    private boolean closed;

    private record FieldMeta(long filePointer, long minWeight, long maxWeight, byte type) {
    }

    CompletionFieldsWriter(String codecName, PostingsFormat delegateFormat, SegmentWriteState state)
            throws IOException {
        this.codecName = codecName;
        this.delegateName = delegateFormat.getName();
        this.state = state;
        String dictFile = IndexFileNames.segmentFileName(state.segmentInfo.name, state.segmentSuffix, DICT_EXTENSION);
        FieldsConsumer d = null;
        IndexOutput out = null;
        boolean ok = false;
        try {
            d = delegateFormat.fieldsConsumer(state);
            out = state.directory.createOutput(dictFile, state.context);
            CodecUtil.writeIndexHeader(out, codecName, VERSION, state.segmentInfo.getId(), state.segmentSuffix);
            ok = true;
        } finally {
            if (!ok) {
                IOUtils.closeWhileHandlingException(out, d);
            }
        }
        this.delegate = d;
        this.dictOut = out;
    }

    @Override
    public void write(Fields fields, NormsProducer norms) throws IOException {
        delegate.write(fields, norms);
        for (String field : fields) {
            Terms terms = fields.terms(field);
            if (terms == null) {
                continue; // a field the iterator names but that holds nothing
            }
            TermWriter writer = new TermWriter(new CompletionFstWriter(state.directory, state.segmentInfo.name,
                    state.context));
            try {
                TermsEnum te = terms.iterator();
                BytesRef term;
                while ((term = te.next()) != null) {
                    writer.write(term, te);
                }
                long pointer = dictOut.getFilePointer();
                if (writer.fst.store(dictOut)) {
                    written.put(field, new FieldMeta(pointer, writer.docCount == 0 ? 0 : writer.minWeight,
                            writer.maxWeight, writer.type));
                }
            } finally {
                writer.fst.close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        String indexFile = IndexFileNames.segmentFileName(state.segmentInfo.name, state.segmentSuffix, INDEX_EXTENSION);
        try (IndexOutput indexOut = state.directory.createOutput(indexFile, state.context)) {
            delegate.close();
            CodecUtil.writeIndexHeader(indexOut, codecName, VERSION, state.segmentInfo.getId(), state.segmentSuffix);
            indexOut.writeString(delegateName);
            indexOut.writeVInt(written.size());
            for (Map.Entry<String, FieldMeta> e : written.entrySet()) {
                FieldInfo info = state.fieldInfos.fieldInfo(e.getKey());
                indexOut.writeVInt(info.number);
                FieldMeta m = e.getValue();
                indexOut.writeVLong(m.filePointer());
                indexOut.writeVLong(m.minWeight());
                indexOut.writeVLong(m.maxWeight());
                indexOut.writeByte(m.type());
            }
            CodecUtil.writeFooter(indexOut);
            CodecUtil.writeFooter(dictOut);
            IOUtils.close(dictOut);
        } catch (Throwable t) {
            IOUtils.closeWhileHandlingException(dictOut, delegate);
            throw t;
        }
    }

    /** Every posting (surface form, weight, document) of one field's terms, into its FST. */
    private static final class TermWriter {
        final CompletionFstWriter fst;
        private final BytesRefBuilder scratch = new BytesRefBuilder();
        private PostingsEnum postings;
        int docCount;
        long maxWeight;
        long minWeight = Long.MAX_VALUE;
        byte type;
        private boolean first = true;

        TermWriter(CompletionFstWriter fst) {
            this.fst = fst;
        }

        void write(BytesRef term, TermsEnum te) throws IOException {
            postings = te.postings(postings, PostingsEnum.PAYLOADS);
            fst.startTerm(term);
            int docFreq = 0;
            while (postings.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                int doc = postings.docID();
                for (int i = 0; i < postings.freq(); i++) {
                    postings.nextPosition();
                    BytesRef payload = postings.getPayload();
                    ByteArrayDataInput in = new ByteArrayDataInput(payload.bytes, payload.offset, payload.length);
                    int len = in.readVInt();
                    scratch.growNoCopy(len);
                    scratch.setLength(len);
                    in.readBytes(scratch.bytes(), 0, len);
                    long weight = in.readVInt() - 1;
                    maxWeight = Math.max(maxWeight, weight);
                    minWeight = Math.min(minWeight, weight);
                    byte t = in.readByte();
                    if (first) {
                        type = t;
                        first = false;
                    } else if (type != t) {
                        throw new IllegalArgumentException("single field name has mixed types");
                    }
                    fst.addEntry(doc, scratch.get(), weight);
                }
                docFreq++;
                docCount = Math.max(docCount, docFreq + 1);
            }
            fst.finishTerm();
        }
    }
}
