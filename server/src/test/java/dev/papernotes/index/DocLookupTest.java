package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

/** Live documents holding an exact term, as a list and as bits. */
class DocLookupTest {
    @Test
    void allFindsWhatFindFindsTheEmptyTermToo() throws IOException {
        Random random = new Random(2);
        try (Directory dir = new ByteBuffersDirectory();
                IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMaxBufferedDocs(7))) {
            String[] values = {"", "kim2021", "kim2021-2", "lovelace"};
            for (int i = 0; i < 200; i++) {
                Document d = new Document();
                d.add(new StringField("id", "p" + i, Field.Store.NO));
                d.add(new StringField("base", values[random.nextInt(values.length)], Field.Store.NO));
                w.addDocument(d);
            }
            for (int i = 0; i < 200; i += 9) {
                w.deleteDocuments(new Term("id", "p" + i)); // deleted documents are not found
            }
            w.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                for (String v : values) {
                    List<Integer> listed = DocLookup.find(reader, "base", v);
                    FixedBitSet bits = DocLookup.all(reader, "base", v);
                    List<Integer> set = new ArrayList<>();
                    for (int d = bits.nextSetBit(0); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                            d = d + 1 < bits.length() ? bits.nextSetBit(d + 1) : org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS) {
                        set.add(d);
                    }
                    assertEquals(listed, set, "'" + v + "'");
                    assertEquals(true, listed.size() > 20, "'" + v + "' is on many documents");
                }
                assertEquals(0, DocLookup.all(reader, "base", "absent").cardinality());
            }
        }
    }

    /**
     * Lookups keep their enums per thread, segment and field: they must answer as a term query does
     * while segments come and go (flushes, deletions, merges, readers reopened and closed), fields
     * alternate and two threads look up at once.
     */
    @Test
    void answersAsATermQueryWhileSegmentsComeAndGo() throws Exception {
        Random random = new Random(20261202);
        String[] fields = {"id", "key", "cite"};
        try (Directory dir = new ByteBuffersDirectory();
                IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMaxBufferedDocs(5))) {
            DirectoryReader reader = DirectoryReader.open(w);
            java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                for (int round = 0; round < 40; round++) {
                    for (int i = 0, n = random.nextInt(30); i < n; i++) {
                        int id = random.nextInt(300);
                        Document d = new Document();
                        d.add(new StringField("id", "p" + id, Field.Store.NO));
                        d.add(new StringField("key", "k" + random.nextInt(25), Field.Store.NO));
                        if (random.nextBoolean()) {
                            d.add(new StringField("cite", "c" + random.nextInt(40), Field.Store.NO));
                        }
                        w.updateDocument(new Term("id", "p" + id), d);
                    }
                    if (random.nextInt(4) == 0) {
                        w.deleteDocuments(new Term("key", "k" + random.nextInt(25)));
                    }
                    if (random.nextInt(6) == 0) {
                        w.forceMerge(1 + random.nextInt(2));
                    }
                    DirectoryReader newer = DirectoryReader.openIfChanged(reader, w);
                    if (newer != null) {
                        reader.close();
                        reader = newer;
                    }
                    DirectoryReader r = reader;
                    org.apache.lucene.search.IndexSearcher searcher = new org.apache.lucene.search.IndexSearcher(r);
                    searcher.setQueryCache(null);
                    for (int q = 0; q < 150; q++) {
                        String field = fields[random.nextInt(fields.length)];
                        String value = field.substring(0, 1) + random.nextInt(field.equals("id") ? 320 : 45);
                        int limit = random.nextBoolean() ? Integer.MAX_VALUE : 1 + random.nextInt(3);
                        List<Integer> expected = new ArrayList<>();
                        for (var sd : searcher.search(new org.apache.lucene.search.TermQuery(new Term(field, value)),
                                Math.max(1, r.maxDoc()), org.apache.lucene.search.Sort.INDEXORDER).scoreDocs) {
                            if (expected.size() < limit) {
                                expected.add(sd.doc);
                            }
                        }
                        String what = "round " + round + ": " + field + ":" + value + " limit " + limit;
                        assertEquals(expected, DocLookup.find(r, field, value, limit), what);
                        if (q % 10 == 0) {
                            assertEquals(expected, other.submit(() -> DocLookup.find(r, field, value, limit)).get(),
                                    "another thread, " + what);
                        }
                    }
                }
            } finally {
                other.shutdownNow();
                reader.close();
            }
        }
    }
}
