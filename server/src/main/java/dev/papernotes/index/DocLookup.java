package dev.papernotes.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
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
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            if (!te.seekExact(term)) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
            for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                if ((live == null || live.get(d)) && !more.test(leaf.docBase + d)) {
                    return;
                }
            }
        }
    }

    static boolean exists(IndexReader reader, String field, String value) throws IOException {
        return !find(reader, field, value, 1).isEmpty();
    }
}
