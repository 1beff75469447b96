package dev.papernotes.index;

import static dev.papernotes.index.IndexSchema.*;

import dev.papernotes.corpus.Occurrence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The library entries that the files being read again held before: what each said (a hash) and
 * which paper it was in. An entry read again that hashes the same is <i>kept</i>: its paper stays as
 * it is. Hashes and longs only, so the entries of a million-line file cost tens of megabytes.
 */
final class OldEntries {
    private final LongIntTable index = new LongIntTable(1024);
    private long[] key = new long[1024];
    private long[] hash = new long[1024];
    private long[] paper = new long[1024];
    private int[] line = new int[1024];
    private long[] start = new long[1024];
    private final BitSet kept = new BitSet();
    /** Entries whose handle was met again (unchanged or not): the others are gone from their file. */
    private final BitSet seen = new BitSet();
    private int count;
    private final Set<String> files = new HashSet<>();

    /** Loads the entries of {@code file} from {@code reader}. */
    void load(IndexReader reader, String file) throws IOException {
        BytesRef term = new BytesRef(file);
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(ENTRY_FILE);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            if (!te.seekExact(term)) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            NumericDocValues keys = DocValues.getNumeric(leaf.reader(), ENTRY_KEY);
            NumericDocValues hashes = DocValues.getNumeric(leaf.reader(), ENTRY_HASH);
            NumericDocValues papers = DocValues.getNumeric(leaf.reader(), ENTRY_PAPER);
            NumericDocValues lines = DocValues.getNumeric(leaf.reader(), ENTRY_LINE);
            NumericDocValues starts = DocValues.getNumeric(leaf.reader(), ENTRY_START);
            PostingsEnum pe = te.postings(null, PostingsEnum.NONE);
            for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                if (live != null && !live.get(d)) {
                    continue;
                }
                if (!keys.advanceExact(d) || !hashes.advanceExact(d) || !papers.advanceExact(d)
                        || !lines.advanceExact(d)) {
                    continue;
                }
                long s = starts.advanceExact(d) ? starts.longValue() : -1;
                add(keys.longValue(), hashes.longValue(), papers.longValue(), (int) lines.longValue(), s);
                files.add(file);
            }
        }
    }

    private void add(long k, long h, long p, int l, long s) {
        if (count == hash.length) {
            key = Arrays.copyOf(key, count * 2);
            hash = Arrays.copyOf(hash, count * 2);
            paper = Arrays.copyOf(paper, count * 2);
            line = Arrays.copyOf(line, count * 2);
            start = Arrays.copyOf(start, count * 2);
        }
        key[count] = k;
        hash[count] = h;
        paper[count] = p;
        line[count] = l;
        start[count] = s;
        index.put(k, ++count);
    }

    /** Whether {@code file} held library entries (else it was a page, or new). */
    boolean hadEntries(String file) {
        return files.contains(file);
    }

    /** The index of the entry at this file and handle, or -1. */
    int find(Occurrence o) {
        return index.get(PaperDocuments.entryKey(o)) - 1;
    }

    long hash(int i) {
        return hash[i];
    }

    int line(int i) {
        return line[i];
    }

    /** Where the entry started in its file, or -1 when its abstract is not kept as a span. */
    long start(int i) {
        return start[i];
    }

    /** The entry's handle was met again in its file. */
    void see(int i) {
        seen.set(i);
    }

    /** The terms of the entries whose handles are gone from their files. */
    List<String> unseenRefs() {
        List<String> out = new ArrayList<>();
        for (int i = seen.nextClearBit(0); i < count; i = seen.nextClearBit(i + 1)) {
            out.add(PaperDocuments.entryRef(key[i]));
        }
        return out;
    }

    String paperId(int i) {
        return HexFormat.of().toHexDigits(paper[i]);
    }

    /** The entry was read again unchanged, or its paper was written anew from the new reading. */
    void keep(int i) {
        kept.set(i);
    }

    /** A source of a touched file that was read again unchanged. */
    boolean isKept(Occurrence o) {
        int i = o.handle().isEmpty() ? -1 : find(o);
        return i >= 0 && kept.get(i);
    }

    /** The papers of the entries that were not read again unchanged: they need merging anew. */
    List<String> papersOfUnkept() {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < count; i++) {
            if (!kept.get(i)) {
                out.add(paperId(i));
            }
        }
        return new ArrayList<>(out);
    }
}
