package dev.papernotes.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/** Live documents holding an exact term: the primitive behind id, key and mention lookups. */
final class DocLookup {
    private DocLookup() {
    }

    static List<Integer> find(IndexReader reader, String field, String value) throws IOException {
        return find(reader, field, value, Integer.MAX_VALUE);
    }

    /** At most {@code limit} live documents holding the term. */
    static List<Integer> find(IndexReader reader, String field, String value, int limit) throws IOException {
        List<Integer> out = new ArrayList<>(2);
        visit(reader, field, value, doc -> {
            out.add(doc);
            return out.size() < limit;
        });
        return out;
    }

    /** Every live document holding the term, as bits over the reader's documents. */
    static FixedBitSet all(IndexReader reader, String field, String value) throws IOException {
        FixedBitSet out = new FixedBitSet(Math.max(1, reader.maxDoc()));
        visit(reader, field, value, doc -> {
            out.set(doc);
            return true;
        });
        return out;
    }

    /** Hands each live document holding the term to {@code more} until it says no more. */
    private static void visit(IndexReader reader, String field, String value, IntPredicate more) throws IOException {
        BytesRef term = new BytesRef(value);
        Reuse reuse = REUSE.get();
        reuse.forgetClosedSegments();
        for (LeafReaderContext leaf : reader.leaves()) {
            Reuse.Enums e = reuse.enums(leaf.reader(), field);
            if (e == null || !e.terms.seekExact(term)) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            PostingsEnum pe = e.postings = e.terms.postings(e.postings, PostingsEnum.NONE);
            for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                if ((live == null || live.get(d)) && !more.test(leaf.docBase + d)) {
                    return;
                }
            }
        }
    }

    /**
     * A thread's terms and postings enums per segment and field, used again for its next lookups
     * there: completion asks whether each of fifty labels names one paper alone at every keystroke,
     * and new enums for each were a third of what typing allocated at 1M papers. Only {@link #visit}
     * touches them, and nothing it calls looks a term up in turn.
     */
    private static final ThreadLocal<Reuse> REUSE = ThreadLocal.withInitial(Reuse::new);

    /** Segment cores whose closing is listened for; each closing counts in {@link #CLOSED}. */
    private static final Set<Object> WATCHED = ConcurrentHashMap.newKeySet();
    private static final AtomicLong CLOSED = new AtomicLong();

    private static final class Reuse {
        /** Enough for a few snapshots' segments and the exact-lookup fields; then it starts again. */
        private static final int KEPT = 32;
        private final Map<Slot, Enums> bySlot = new HashMap<>();
        private long closedSeen = CLOSED.get();

        /**
         * Lets go of every enum once any segment closed since: an enum holds its segment's Bloom
         * filters and blocks, which must not outlive it on a thread that lives as long as the server.
         */
        void forgetClosedSegments() {
            long closed = CLOSED.get();
            if (closed != closedSeen) {
                bySlot.clear();
                closedSeen = closed;
            }
        }

        private record Slot(Object core, String field) {
        }

        static final class Enums {
            final TermsEnum terms;
            PostingsEnum postings;

            Enums(TermsEnum terms) {
                this.terms = terms;
            }
        }

        /** The field's enums in this segment, or null when the segment has no such field. */
        Enums enums(LeafReader leaf, String field) throws IOException {
            IndexReader.CacheHelper core = leaf.getCoreCacheHelper();
            Slot slot = core == null ? null : new Slot(core.getKey(), field);
            Enums e = slot == null ? null : bySlot.get(slot);
            if (e == null) {
                Terms t = leaf.terms(field);
                if (t == null) {
                    return null;
                }
                e = new Enums(t.iterator());
                if (slot != null && watch(core)) {
                    if (bySlot.size() >= KEPT) {
                        bySlot.clear();
                    }
                    bySlot.put(slot, e);
                }
            }
            return e;
        }

        /** Whether the core's closing is listened for (it is not when it closed already). */
        private static boolean watch(IndexReader.CacheHelper core) {
            Object key = core.getKey();
            if (WATCHED.add(key)) {
                try {
                    core.addClosedListener(closed -> {
                        WATCHED.remove(closed);
                        CLOSED.incrementAndGet();
                    });
                } catch (AlreadyClosedException e) {
                    WATCHED.remove(key);
                    return false;
                }
            }
            return true;
        }
    }

    static boolean exists(IndexReader reader, String field, String value) throws IOException {
        return !find(reader, field, value, 1).isEmpty();
    }
}
