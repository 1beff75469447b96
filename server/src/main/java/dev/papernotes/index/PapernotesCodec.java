package dev.papernotes.index;

import java.util.Set;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.lucene90.DeflateWithPresetDictCompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene912.Lucene912PostingsFormat;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;

/**
 * The index's codec, found by name when an index is opened (registered in
 * {@code META-INF/services}): Lucene's, with off-heap completion FSTs, Bloom filters on the fields
 * looked up by exact term, and stored fields that take less room than Lucene's fast mode without
 * being slower to read back one paper.
 */
public final class PapernotesCodec extends FilterCodec {
    static final String NAME = "Papernotes912";

    /**
     * Deflate over 60 KB blocks (with a preset dictionary per block): 100k papers' stored fields
     * 115 → 84 MB against Lucene's fast mode, one random paper read back in 42 µs against 49.
     * Lucene's high-compression mode (480 KB blocks) takes 65 MB but 190 µs a paper, which hover
     * pays (measured: bench/results/index-size.md).
     */
    private static final int BLOCK_BYTES = 60 * 1024;
    private static final int MAX_DOCS_PER_BLOCK = 1024;
    private static final int BLOCK_SHIFT = 10;

    /** Fields looked up by exact term, in every segment, many times per request. */
    private static final Set<String> EXACT_LOOKUP = Set.of(IndexSchema.ID, IndexSchema.CITEKEY, IndexSchema.KEY,
            IndexSchema.MENTION, IndexSchema.CASED_WORDS, IndexSchema.DEFINED, IndexSchema.IDENT,
            IndexSchema.ENTRY_REF, IndexSchema.LIBRARY_KEY);

    /**
     * Exact-lookup fields the writer deletes and updates documents by. Lucene looks a delete term up
     * in every segment flushed before it, so these keep their Bloom filters in a first build too: a
     * library of a million entries updates its entry documents by {@link IndexSchema#ENTRY_REF}.
     */
    private static final Set<String> DELETED_BY = Set.of(IndexSchema.ID, IndexSchema.ENTRY_REF);

    private final StoredFieldsFormat stored = new Lucene90CompressingStoredFieldsFormat("PapernotesStoredFields",
            new DeflateWithPresetDictCompressionMode(), BLOCK_BYTES, MAX_DOCS_PER_BLOCK, BLOCK_SHIFT);
    private final PostingsFormat completion = new OffHeapCompletionPostingsFormat();
    // A term lives in one segment of many: a Bloom filter answers "not here" for the rest without
    // loading a terms block (measured at 1M papers, 18 segments: see bench/).
    private final PostingsFormat exact = new BloomFilteringPostingsFormat(new Lucene912PostingsFormat());
    private final PostingsFormat plain = new Lucene912PostingsFormat();
    /**
     * While set, what only a merged segment needs is left out: completion fields are written as
     * plain postings without their FSTs, exact-lookup fields other than {@link #DELETED_BY} without
     * their Bloom filters. A first build's flushed segments are all merged into one at its end
     * ({@link BulkBuild}), which builds both once instead of once per flushed segment and again in
     * the merge. A segment records the format each field was written with, so one written meanwhile
     * still reads.
     */
    private volatile boolean deferToMerge;
    /** While set, each postings group of a merge has a thread of its own ({@link BackgroundMergePostingsFormat}). */
    private volatile boolean mergeInParallel;
    private final PostingsFormat completionInParallel = new BackgroundMergePostingsFormat(completion);
    private final PostingsFormat exactInParallel = new BackgroundMergePostingsFormat(exact);
    private final PostingsFormat plainInParallel = new BackgroundMergePostingsFormat(plain);
    private final PostingsFormat postings = new PerFieldPostingsFormat() {
        @Override
        public PostingsFormat getPostingsFormatForField(String field) {
            boolean parallel = mergeInParallel;
            if (field.startsWith("sg_")) {
                return deferToMerge ? plain : parallel ? completionInParallel : completion;
            }
            if (DELETED_BY.contains(field) || EXACT_LOOKUP.contains(field) && !deferToMerge) {
                return parallel ? exactInParallel : exact;
            }
            return parallel ? plainInParallel : plain;
        }
    };

    /** Public for the service loader. */
    public PapernotesCodec() {
        super(NAME, new Lucene912Codec());
    }

    /** See {@link #deferToMerge}: only a writer that merges every segment it flushed meanwhile may set it. */
    void deferToMerge(boolean defer) {
        deferToMerge = defer;
    }

    /**
     * See {@link #mergeInParallel}: for a first build's final merge, when nothing else needs the
     * cores; an incremental update's merges run beside requests and keep to their one thread.
     */
    void mergeInParallel(boolean parallel) {
        mergeInParallel = parallel;
    }

    /** Whether {@code field} is looked up by exact term and so gets a Bloom filter once merged. */
    static boolean exactLookup(String field) {
        return EXACT_LOOKUP.contains(field);
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return stored;
    }

    @Override
    public PostingsFormat postingsFormat() {
        return postings;
    }
}
