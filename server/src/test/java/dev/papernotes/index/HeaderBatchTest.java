package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** Headers read together, one doc values iterator per segment, against one read per header. */
class HeaderBatchTest {
    @Test
    void aBatchReadsWhatOneByOneReadsAcrossSegmentsAndRepeats() throws IOException {
        Random random = new Random(20261202);
        try (Directory dir = new ByteBuffersDirectory();
                // Merges in this thread: background merges left one segment in some runs, not several.
                IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMaxBufferedDocs(9)
                        .setMergeScheduler(new SerialMergeScheduler()))) {
            for (int round = 0; round < 12; round++) {
                for (int i = 0; i < 40; i++) {
                    int id = random.nextInt(300);
                    w.updateDocument(new Term("id", "p" + id), paper(id, random));
                }
                if (random.nextInt(3) == 0) {
                    w.forceMerge(2);
                }
            }
            w.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertTrue(reader.leaves().size() > 1, "several segments: " + reader.leaves().size());
                List<Integer> live = new ArrayList<>();
                for (var leaf : reader.leaves()) {
                    for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                        if (leaf.reader().getLiveDocs() == null || leaf.reader().getLiveDocs().get(d)) {
                            live.add(leaf.docBase + d);
                        }
                    }
                }
                for (int trial = 0; trial < 200; trial++) {
                    int[] docs = new int[1 + random.nextInt(60)];
                    for (int i = 0; i < docs.length; i++) {
                        // repeats on purpose: a completion list can hold a paper twice over two tiers
                        docs[i] = live.get(random.nextInt(random.nextBoolean() ? live.size() : Math.min(5, live.size())));
                    }
                    Arrays.sort(docs);
                    PaperHeader[] batch = StoredPapers.headersWithLine(reader, docs);
                    for (int i = 0; i < docs.length; i++) {
                        assertEquals(StoredPapers.headerWithLine(reader, docs[i]), batch[i], "doc " + docs[i]);
                    }
                }
                assertThrows(IllegalArgumentException.class,
                        () -> StoredPapers.headersWithLine(reader, new int[] {live.get(3), live.get(1)}));
            }
        }
    }

    @Test
    void aDocumentWithoutAHeaderIsAnErrorAsWhenReadAlone() throws IOException {
        try (Directory dir = new ByteBuffersDirectory();
                IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
            w.addDocument(paper(1, new Random(1)));
            Document file = new Document();
            file.add(new StringField("id", "file", Field.Store.NO));
            w.addDocument(file);
            w.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertThrows(IOException.class, () -> StoredPapers.header(reader, 1));
                IOException e = assertThrows(IOException.class, () -> StoredPapers.headersWithLine(reader, new int[] {0, 1}));
                assertEquals("paper document 1 has no header", e.getMessage());
            }
        }
    }

    private static Document paper(int id, Random random) {
        PaperHeader h = new PaperHeader("p" + id, "Title " + id + " v" + random.nextInt(1000), List.of("M" + id),
                "key" + id, Path.of("/corpus/page-" + (id % 7) + ".txt"), 1 + random.nextInt(500), "Family",
                random.nextBoolean(), "2024", "", 1 + random.nextInt(3), "");
        Document d = new Document();
        d.add(new StringField("id", "p" + id, Field.Store.NO));
        d.add(new BinaryDocValuesField(IndexSchema.HEADER, h.encode()));
        return d;
    }
}
