package dev.papernotes.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.codecs.FieldsConsumer;
import org.apache.lucene.codecs.FieldsProducer;
import org.apache.lucene.codecs.NormsProducer;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.MergeState;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

/**
 * Another postings format's files, merged on a thread of their own. Lucene merges a segment's
 * postings one format group after another on the merge thread; the final merge of a first build
 * ({@link BulkBuild}) was a third of the build's wall time, on one core while the other idled.
 * Each group of that merge gets this wrapper ({@link PapernotesCodec#mergeInParallel}), so the
 * completion FSTs, the Bloom-filtered fields and the plain postings are written at once; the
 * writer waits for all of them when it closes the groups, as it would have.
 *
 * <p>It writes exactly what {@code delegate} writes, under the delegate's name (the segment records
 * that name per field, and reading goes to the delegate). What the groups share is read-only
 * (source segments, read through enums of their own) but for the merged norms, which Lucene's
 * merge instance caches per field in a plain map: the groups ask for them one at a time.
 */
final class BackgroundMergePostingsFormat extends PostingsFormat {
    /** Groups merged on a thread of their own since the JVM started (tests see that they were). */
    private static final AtomicLong GROUPS_MERGED = new AtomicLong();

    private final PostingsFormat delegate;

    BackgroundMergePostingsFormat(PostingsFormat delegate) {
        super(delegate.getName());
        this.delegate = delegate;
    }

    static long groupsMerged() {
        return GROUPS_MERGED.get();
    }

    @Override
    public FieldsConsumer fieldsConsumer(SegmentWriteState state) throws IOException {
        return new Consumer(delegate.fieldsConsumer(state), state.segmentSuffix);
    }

    @Override
    public FieldsProducer fieldsProducer(SegmentReadState state) throws IOException {
        return delegate.fieldsProducer(state);
    }

    private static final class Consumer extends FieldsConsumer {
        private final FieldsConsumer in;
        private final String group;
        private CompletableFuture<Void> merging;

        Consumer(FieldsConsumer in, String group) {
            this.in = in;
            this.group = group;
        }

        @Override
        public void write(Fields fields, NormsProducer norms) throws IOException {
            in.write(fields, norms);
        }

        @Override
        public void merge(MergeState mergeState, NormsProducer norms) {
            NormsProducer shared = norms == null ? null : new OneAtATime(norms);
            merging = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    in.merge(mergeState, shared);
                    merging.complete(null);
                } catch (Throwable e) {
                    merging.completeExceptionally(e);
                }
            }, "papernotes-merge-" + group);
            t.setDaemon(true);
            t.start();
            GROUPS_MERGED.incrementAndGet();
        }

        @Override
        public void close() throws IOException {
            try {
                awaitMerge();
            } finally {
                in.close();
            }
        }

        private void awaitMerge() throws IOException {
            if (merging == null) {
                return;
            }
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        merging.get();
                        return;
                    } catch (InterruptedException e) {
                        interrupted = true; // the merge writes into files this close must not pull away
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof IOException io) {
                            throw io;
                        }
                        if (cause instanceof RuntimeException r) {
                            throw r;
                        }
                        if (cause instanceof Error err) {
                            throw err;
                        }
                        throw new UncheckedIOException(new IOException(cause));
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * The merged segment's norms, asked for by one group at a time: every group wraps the one
     * producer the merge gives them all, so the lock is that producer. (Each group's own lock let
     * two groups fill its merge instance's input map at once: a test run with assertions caught it.)
     */
    static final class OneAtATime extends NormsProducer {
        private final NormsProducer in;

        OneAtATime(NormsProducer in) {
            this.in = in;
        }

        @Override
        public NumericDocValues getNorms(FieldInfo field) throws IOException {
            synchronized (in) {
                return in.getNorms(field);
            }
        }

        @Override
        public void checkIntegrity() throws IOException {
            synchronized (in) {
                in.checkIntegrity();
            }
        }

        @Override
        public void close() {
            // the merge that opened them closes them
        }
    }
}
