package dev.papernotes.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LiveIndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;

/**
 * The writer's settings while a first build (an empty index) runs. Segments are flushed and never
 * merged while papers are written: merging as it goes rewrote papers (postings, stored fields,
 * completion FSTs, Bloom filters) on one merge thread competing with the writers, and a million
 * papers still ended in 21-28 segments. At the end the segments are merged once into one, dropping
 * deleted documents. Every completion tier walks each segment's FSTs for its own top hits and every
 * exact lookup seeks each segment's terms: at a million papers one segment answers a completion
 * in 12 % / 22 % less time at p50 / p95 than eight and keeps 15 MB less of the index resident
 * (bench/results/segments-1m.md). The price is one merge thread instead of two for that merge; two
 * equal merges at once were measured no faster, and higher at their peak (segments-1m.md).
 * Incremental updates keep the usual merge policy.
 *
 * <p>The flushed segments' completion fields are written without their FSTs, and their exact-lookup
 * fields without Bloom filters ({@link PapernotesCodec#deferToMerge}): the merge builds them once,
 * for the segment that stays. So every flushed segment goes through that merge, even a lone one.
 * That merge writes its postings groups (completion, Bloom-filtered, plain) each on a thread of
 * its own ({@link BackgroundMergePostingsFormat}): nothing else runs then, and one core was idle.
 */
final class BulkBuild implements Closeable {
    /** Segments a first build ends with. */
    static final int SEGMENTS = 1;

    /** Tests turn the bulk path off, to compare it with a first build that merges as it goes. */
    static volatile boolean enabled = true;
    /** Tests flush a segment every this many documents (0: by RAM only), so a small corpus makes many. */
    static volatile int flushEveryDocsForTests;

    /** Tests turn deferring the completion FSTs and Bloom filters off, to compare. */
    static volatile boolean deferToMerge = true;

    /** Tests turn merging the postings groups on threads of their own off, to compare. */
    static volatile boolean mergeInParallel = true;

    /** Puts every test switch above back as a build runs by default. */
    static void restoreDefaultsForTests() {
        enabled = true;
        flushEveryDocsForTests = 0;
        deferToMerge = true;
        mergeInParallel = true;
    }

    private final IndexWriter writer;
    private final MergePolicy merges;
    private final int maxBufferedDocs;
    /** The writer's codec when it is ours (it defers and merges in parallel), else null. */
    private final PapernotesCodec codec;

    private BulkBuild(IndexWriter writer) {
        this.writer = writer;
        LiveIndexWriterConfig config = writer.getConfig();
        this.merges = config.getMergePolicy();
        this.maxBufferedDocs = config.getMaxBufferedDocs();
        this.codec = config.getCodec() instanceof PapernotesCodec c ? c : null;
        config.setMergePolicy(NoMergePolicy.INSTANCE);
        if (codec != null && deferToMerge) {
            codec.deferToMerge(true);
        }
        if (flushEveryDocsForTests > 0) {
            config.setMaxBufferedDocs(flushEveryDocsForTests);
        }
    }

    /** Switches {@code writer} to bulk settings until {@link #finish()} or {@link #close()}. */
    static BulkBuild start(IndexWriter writer) {
        return new BulkBuild(writer);
    }

    /** Every paper is written: merges the flushed segments into one and gives the writer its merge policy back. */
    void finish() throws IOException {
        stopDeferring();
        if (codec != null && mergeInParallel) {
            codec.mergeInParallel(true);
        }
        writer.getConfig().setMergePolicy(new MergeAllFlushed(merges));
        try {
            writer.forceMerge(SEGMENTS, true);
        } finally {
            restoreMergePolicy();
        }
    }

    private void stopDeferring() {
        if (codec != null) {
            codec.deferToMerge(false);
        }
    }

    private void stopMergingInParallel() {
        if (codec != null) {
            codec.mergeInParallel(false);
        }
    }

    private void restoreMergePolicy() {
        stopDeferring();
        stopMergingInParallel();
        if (!writer.isOpen()) {
            return; // a merge that failed closed it: the failure is what the caller must see
        }
        writer.getConfig().setMergePolicy(merges);
        writer.getConfig().setMaxBufferedDocs(maxBufferedDocs);
    }

    /** Gives the writer its merge policy back (also when the build failed). */
    @Override
    public void close() {
        restoreMergePolicy();
    }

    /**
     * Merges every segment there was when the forced merge began into one, a lone one too (the
     * usual policy leaves a lone segment as it is); the segment it makes is left alone.
     */
    private static final class MergeAllFlushed extends FilterMergePolicy {
        MergeAllFlushed(MergePolicy in) {
            super(in);
        }

        @Override
        public MergeSpecification findForcedMerges(SegmentInfos infos, int maxSegmentCount,
                Map<SegmentCommitInfo, Boolean> segmentsToMerge, MergeContext context) {
            List<SegmentCommitInfo> flushed = new ArrayList<>();
            for (SegmentCommitInfo info : infos) {
                if (Boolean.TRUE.equals(segmentsToMerge.get(info)) && !context.getMergingSegments().contains(info)) {
                    flushed.add(info);
                }
            }
            if (flushed.isEmpty()) {
                return null;
            }
            MergeSpecification spec = new MergeSpecification();
            spec.add(new OneMerge(flushed));
            return spec;
        }

        @Override
        public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context) {
            return null;
        }
    }
}
