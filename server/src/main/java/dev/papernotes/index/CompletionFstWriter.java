package dev.papernotes.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.PriorityQueue;
import org.apache.lucene.analysis.miscellaneous.ConcatenateGraphFilter;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.IntsRefBuilder;
import org.apache.lucene.util.fst.ByteSequenceOutputs;
import org.apache.lucene.util.fst.FST;
import org.apache.lucene.util.fst.FSTCompiler;
import org.apache.lucene.util.fst.PairOutputs;
import org.apache.lucene.util.fst.PositiveIntOutputs;
import org.apache.lucene.util.fst.Util;

/**
 * One field's completion FST, built as Lucene's {@code NRTSuggesterBuilder} builds it (the same
 * inputs, outputs, dedup bytes and trailing meta-data, so Lucene's {@code NRTSuggester} reads it)
 * but compiled into a temporary file: the bytes are copied behind the FST's meta-data when it is
 * stored, and never held on the heap.
 */
final class CompletionFstWriter implements Closeable {
    /** Separates the surface form from the document in an output (Lucene's {@code PAYLOAD_SEP}). */
    private static final int PAYLOAD_SEP = ConcatenateGraphFilter.SEP_LABEL;
    /** Ends the analyzed input, before the dedup bytes (Lucene's {@code END_BYTE}). */
    private static final int END_BYTE = 0x0;

    /**
     * The compiler's table of suffixes it can share (Lucene's default is 32 MB). A first build
     * compiles a million papers' FSTs in its one final merge, where that table was most of the
     * build's anonymous peak; at 8 MB the FSTs are a little larger (9.13 → 9.21 MB at 100k papers,
     * 76.9 → 79.4 MB at 1M). Tests set it lower, to see the table fill.
     */
    static volatile double suffixRamMb = 8;

    private final Directory dir;
    private final IndexOutput bytes;
    private final PairOutputs<Long, BytesRef> outputs =
            new PairOutputs<>(PositiveIntOutputs.getSingleton(), ByteSequenceOutputs.getSingleton());
    private final FSTCompiler<PairOutputs.Pair<Long, BytesRef>> compiler;
    private final IntsRefBuilder scratchInts = new IntsRefBuilder();
    private final BytesRefBuilder analyzed = new BytesRefBuilder();
    private final PriorityQueue<Entry> entries = new PriorityQueue<>();
    private int maxAnalyzedPathsPerOutput;
    private boolean deleted;

    CompletionFstWriter(Directory dir, String segment, IOContext context) throws IOException {
        this.dir = dir;
        this.bytes = dir.createTempOutput(segment, "lkpfst", context);
        this.compiler = new FSTCompiler.Builder<>(FST.INPUT_TYPE.BYTE1, outputs).dataOutput(bytes)
                .suffixRAMLimitMB(suffixRamMb).build();
    }

    void startTerm(BytesRef input) {
        analyzed.copyBytes(input);
        analyzed.append((byte) END_BYTE);
    }

    void addEntry(int doc, BytesRef surface, long weight) throws IOException {
        entries.add(new Entry(payload(surface, doc), encode(weight)));
    }

    /** Adds the term's entries, each under its own dedup byte (as Lucene numbers them). */
    void finishTerm() throws IOException {
        int arcs = 0;
        int dedupBytes = 1;
        analyzed.grow(analyzed.length() + 1);
        analyzed.setLength(analyzed.length() + 1);
        for (Entry e : entries) {
            if (arcs == maxArcsForDedupByte(dedupBytes)) {
                analyzed.setByteAt(analyzed.length() - 1, (byte) arcs);
                analyzed.grow(analyzed.length() + 1);
                analyzed.setLength(analyzed.length() + 1);
                arcs = 0;
                dedupBytes++;
            }
            analyzed.setByteAt(analyzed.length() - 1, (byte) arcs++);
            Util.toIntsRef(analyzed.get(), scratchInts);
            compiler.add(scratchInts.get(), outputs.newPair(e.weight(), e.payload()));
        }
        maxAnalyzedPathsPerOutput = Math.max(maxAnalyzedPathsPerOutput, entries.size());
        entries.clear();
    }

    /** Writes the FST to {@code out}: its meta-data, its bytes, then the suggester's; false when empty. */
    boolean store(DataOutput out) throws IOException {
        FST.FSTMetadata<PairOutputs.Pair<Long, BytesRef>> meta = compiler.compile();
        bytes.close();
        if (meta == null) {
            return false;
        }
        meta.save(out);
        try (IndexInput in = dir.openInput(bytes.getName(), IOContext.READONCE)) {
            out.copyBytes(in, meta.getNumBytes());
        }
        out.writeVInt(maxAnalyzedPathsPerOutput);
        out.writeVInt(END_BYTE);
        out.writeVInt(PAYLOAD_SEP);
        return true;
    }

    @Override
    public void close() throws IOException {
        IOUtils.closeWhileHandlingException(bytes);
        if (!deleted) {
            deleted = true;
            dir.deleteFile(bytes.getName());
        }
    }

    /** Lucene's {@code NRTSuggester.PayLoadProcessor.make}: the surface form, the separator, the document. */
    private static BytesRef payload(BytesRef surface, int doc) throws IOException {
        byte[] buf = new byte[surface.length + 6];
        ByteArrayDataOutput out = new ByteArrayDataOutput(buf);
        out.writeBytes(surface.bytes, surface.offset, surface.length);
        out.writeByte((byte) PAYLOAD_SEP);
        out.writeVInt(doc);
        return new BytesRef(buf, 0, out.getPosition());
    }

    /** Lucene's {@code NRTSuggester.encode}: the FST keeps the smallest output, so a weight is inverted. */
    private static long encode(long weight) {
        if (weight < 0 || weight > Integer.MAX_VALUE) {
            throw new UnsupportedOperationException("cannot encode value: " + weight);
        }
        return Integer.MAX_VALUE - weight;
    }

    /** Arcs under the n-th dedup byte: 2n + 1, times n past five, at most 255 (as Lucene). */
    private static int maxArcsForDedupByte(int n) {
        long max = 2 * (long) n + 1;
        if (max >= 255) {
            return 255;
        }
        if (n > 5) {
            max *= n;
        }
        return (int) Math.min(max, 255);
    }

    private record Entry(BytesRef payload, long weight) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            return Long.compare(weight, o.weight);
        }
    }
}
