package dev.papernotes.index;

import java.io.Closeable;
import java.io.IOException;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LiveIndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeScheduler;
import org.apache.lucene.index.NoMergePolicy;

/**
 * The writer's settings while a first build (an empty index) runs. Segments are flushed and never
 * merged while papers are written: merging as it goes rewrote papers (postings, stored fields,
 * completion FSTs, Bloom filters) on one merge thread competing with the writers, and a million
 * papers still ended in 21-28 segments. At the end the segments are merged once, on both cores,
 * down to at most {@link #SEGMENTS} (what every lookup walks), dropping deleted documents.
 * Incremental updates keep the usual merge policy.
 */
final class BulkBuild implements Closeable {
    /** Segments a first build ends with at most. */
    static final int SEGMENTS = 8;

    /** Tests turn the bulk path off, to compare it with a first build that merges as it goes. */
    static volatile boolean enabled = true;
    /** Tests flush a segment every this many documents (0: by RAM only), so a small corpus makes many. */
    static volatile int flushEveryDocsForTests;

    private final IndexWriter writer;
    private final MergePolicy merges;
    private final int maxBufferedDocs;

    private BulkBuild(IndexWriter writer) {
        this.writer = writer;
        LiveIndexWriterConfig config = writer.getConfig();
        this.merges = config.getMergePolicy();
        this.maxBufferedDocs = config.getMaxBufferedDocs();
        config.setMergePolicy(NoMergePolicy.INSTANCE);
        if (flushEveryDocsForTests > 0) {
            config.setMaxBufferedDocs(flushEveryDocsForTests);
        }
    }

    /** Switches {@code writer} to bulk settings until {@link #finish()} or {@link #close()}. */
    static BulkBuild start(IndexWriter writer) {
        return new BulkBuild(writer);
    }

    /**
     * Every paper is written: merges the flushed segments once, down to {@link #SEGMENTS}, two at
     * a time on a two-core machine, and gives the writer its merge policy back.
     */
    void finish() throws IOException {
        restoreMergePolicy();
        MergeScheduler scheduler = writer.getConfig().getMergeScheduler();
        // Two at most: each merge builds completion FSTs on the launchers' small heap.
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        int maxMerges = -1;
        int maxThreads = -1;
        if (scheduler instanceof ConcurrentMergeScheduler cms) {
            maxMerges = cms.getMaxMergeCount();
            maxThreads = cms.getMaxThreadCount();
            // ConcurrentMergeScheduler gives a two-core machine one merge thread: the merges of this
            // one pass are all there is left to do, so they get both cores.
            cms.setMaxMergesAndThreads(Math.max(maxMerges, threads + 2), Math.max(maxThreads, threads));
        }
        try {
            writer.forceMerge(SEGMENTS, true);
        } finally {
            if (scheduler instanceof ConcurrentMergeScheduler cms) {
                boolean auto = maxMerges == ConcurrentMergeScheduler.AUTO_DETECT_MERGES_AND_THREADS
                        || maxThreads == ConcurrentMergeScheduler.AUTO_DETECT_MERGES_AND_THREADS;
                cms.setMaxMergesAndThreads(auto ? ConcurrentMergeScheduler.AUTO_DETECT_MERGES_AND_THREADS : maxMerges,
                        auto ? ConcurrentMergeScheduler.AUTO_DETECT_MERGES_AND_THREADS : maxThreads);
            }
        }
    }

    private void restoreMergePolicy() {
        writer.getConfig().setMergePolicy(merges);
        writer.getConfig().setMaxBufferedDocs(maxBufferedDocs);
    }

    /** Gives the writer its merge policy back (also when the build failed). */
    @Override
    public void close() {
        restoreMergePolicy();
    }
}
