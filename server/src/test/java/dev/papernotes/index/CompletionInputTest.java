package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.suggest.document.SuggestField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Our completion input is indexed exactly as Lucene's {@link SuggestField} is, without its automaton. */
class CompletionInputTest {
    private static final String[] PIECES = {"a", "Kalo", "mi", " ", "-", "ü", "é", "日本", "\uD83D\uDE00", "\uD800",
        "7", ".", "ß", "İ", "x y", "\t"};

    @Test
    void theSameTermsPositionsPayloadsAndNormsAsSuggestField() throws IOException {
        Random random = new Random(20261201);
        List<List<String[]>> docs = new ArrayList<>();
        for (int d = 0; d < 400; d++) {
            List<String[]> fields = new ArrayList<>();
            int n = random.nextInt(5);
            for (int i = 0; i < n; i++) {
                StringBuilder sb = new StringBuilder();
                int len = 1 + random.nextInt(6);
                for (int k = 0; k < len; k++) {
                    sb.append(PIECES[random.nextInt(PIECES.length)]);
                }
                String field = random.nextBoolean() ? IndexSchema.SUGGEST_NAME : IndexSchema.SUGGEST_TITLE;
                fields.add(new String[] {field, sb.toString(), Integer.toString(random.nextInt(3) == 0
                        ? random.nextInt(Integer.MAX_VALUE - 1) : random.nextInt(100))});
            }
            docs.add(fields);
        }
        try (ByteBuffersDirectory lucene = index(docs, false); ByteBuffersDirectory ours = index(docs, true);
                DirectoryReader a = DirectoryReader.open(lucene); DirectoryReader b = DirectoryReader.open(ours)) {
            assertEquals(1, a.leaves().size());
            assertEquals(1, b.leaves().size());
            int terms = 0;
            for (String field : List.of(IndexSchema.SUGGEST_NAME, IndexSchema.SUGGEST_TITLE)) {
                terms += assertSamePostings(a.leaves().get(0).reader(), b.leaves().get(0).reader(), field);
            }
            assertTrue(terms > 500, "too few inputs drawn: " + terms);
        }
    }

    @Test
    void reservedCharactersAreRejectedAsSuggestFieldRejectsThem() {
        for (String reserved : new String[] {"a\u001fb", "a\u0000b"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new CompletionInput(IndexSchema.SUGGEST_NAME, reserved, 1));
        }
    }

    private static ByteBuffersDirectory index(List<List<String[]>> docs, boolean ours) throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(IndexSchema.writerAnalyzer()))) {
            for (List<String[]> fields : docs) {
                Document doc = new Document();
                for (String[] f : fields) {
                    int weight = Integer.parseInt(f[2]);
                    doc.add(ours ? new CompletionInput(f[0], f[1], weight) : new SuggestField(f[0], f[1], weight));
                }
                w.addDocument(doc);
            }
            w.forceMerge(1);
        }
        return dir;
    }

    /** Asserts equal postings of {@code field}; returns the number of terms. */
    private static int assertSamePostings(LeafReader a, LeafReader b, String field) throws IOException {
        Terms ta = a.terms(field);
        Terms tb = b.terms(field);
        assertNotNull(ta);
        assertNotNull(tb);
        assertEquals(ta.getSumTotalTermFreq(), tb.getSumTotalTermFreq());
        TermsEnum ea = ta.iterator();
        TermsEnum eb = tb.iterator();
        int count = 0;
        for (BytesRef term = ea.next(); term != null; term = ea.next()) {
            assertEquals(term, eb.next());
            assertEquals(ea.docFreq(), eb.docFreq(), term.utf8ToString());
            PostingsEnum pa = ea.postings(null, PostingsEnum.ALL);
            PostingsEnum pb = eb.postings(null, PostingsEnum.ALL);
            for (int doc = pa.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pa.nextDoc()) {
                assertEquals(doc, pb.nextDoc());
                assertEquals(pa.freq(), pb.freq());
                for (int i = 0; i < pa.freq(); i++) {
                    assertEquals(pa.nextPosition(), pb.nextPosition());
                    assertEquals(pa.getPayload(), pb.getPayload(), term.utf8ToString());
                }
            }
            assertEquals(DocIdSetIterator.NO_MORE_DOCS, pb.nextDoc());
            count++;
        }
        assertEquals(null, eb.next());
        NumericDocValues na = a.getNormValues(field);
        NumericDocValues nb = b.getNormValues(field);
        for (int doc = na.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = na.nextDoc()) {
            assertEquals(doc, nb.nextDoc());
            assertEquals(na.longValue(), nb.longValue());
        }
        assertEquals(DocIdSetIterator.NO_MORE_DOCS, nb.nextDoc());
        return count;
    }
}
