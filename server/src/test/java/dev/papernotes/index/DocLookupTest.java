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
}
