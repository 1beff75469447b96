package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.suggest.document.Completion912PostingsFormat;
import org.apache.lucene.search.suggest.document.CompletionAnalyzer;
import org.apache.lucene.search.suggest.document.PrefixCompletionQuery;
import org.apache.lucene.search.suggest.document.SuggestField;
import org.apache.lucene.search.suggest.document.SuggestIndexSearcher;
import org.apache.lucene.search.suggest.document.TopSuggestDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.junit.jupiter.api.Test;

/**
 * Our completion writer compiles each FST into a temporary file instead of the heap; what it writes
 * must be what Lucene's writes. The same random suggestions (shared prefixes, equal weights, one
 * surface form on several documents) are indexed with Lucene's format and with ours, flushed in
 * several segments and merged into one: the FST bytes are identical, Lucene's reader answers every
 * prefix alike, and no temporary file is left.
 */
class CompletionFieldsWriterTest {
    private static final String[] SYLLABLES = {"ka", "zen", "mo", "po", "vin", "gor", "tel", "lu", "ri", "sa"};

    private static Codec codecWith(PostingsFormat completion) {
        return new Lucene912Codec() {
            @Override
            public PostingsFormat getPostingsFormatForField(String field) {
                return field.startsWith("sg") ? completion : super.getPostingsFormatForField(field);
            }
        };
    }

    /** Only the forced merge at the end merges, and nothing goes into compound files. */
    private static org.apache.lucene.index.MergePolicy merges() {
        org.apache.lucene.index.LogDocMergePolicy p = new org.apache.lucene.index.LogDocMergePolicy();
        p.setMergeFactor(1000);
        p.setNoCFSRatio(0.0);
        return p;
    }

    private static void index(Directory dir, PostingsFormat completion, List<String[]> entries) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new CompletionAnalyzer(IndexSchema.wordsAnalyzer()))
                .setCodec(codecWith(completion))
                .setMergePolicy(merges())
                .setUseCompoundFile(false)
                .setMaxBufferedDocs(400);
        try (IndexWriter w = new IndexWriter(dir, config)) {
            for (String[] e : entries) {
                Document d = new Document();
                d.add(new SuggestField("sg_name", e[0], Integer.parseInt(e[2])));
                d.add(new SuggestField("sg_title", e[1], Integer.parseInt(e[2])));
                w.addDocument(d);
            }
            w.commit();
            w.forceMerge(1);
        }
    }

    private static List<String[]> entries(Random random, int n) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder name = new StringBuilder();
            for (int s = 1 + random.nextInt(4); s > 0; s--) {
                name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            String title = name + " for " + SYLLABLES[random.nextInt(SYLLABLES.length)] + " tasks";
            // Repeated names and weights: the dedup bytes and ties must come out alike.
            out.add(new String[] {random.nextInt(10) == 0 && !out.isEmpty() ? out.get(random.nextInt(out.size()))[0]
                    : name.toString(), title, Integer.toString(random.nextInt(5) == 0 ? 7 : random.nextInt(1000))});
        }
        return out;
    }

    /** The one merged segment's .lkp without its header (which names the codec) and footer. */
    private static byte[] dictionary(Directory dir, String codecName) throws IOException {
        String lkp = Arrays.stream(dir.listAll()).filter(f -> f.endsWith(".lkp")).findFirst().orElseThrow();
        try (IndexInput in = dir.openInput(lkp, IOContext.READONCE)) {
            int header = CodecUtil.indexHeaderLength(codecName, suffixOf(lkp));
            byte[] body = new byte[(int) (in.length() - header - CodecUtil.footerLength())];
            in.seek(header);
            in.readBytes(body, 0, body.length);
            return body;
        }
    }

    /** The segment suffix in a file name like {@code _5_Lucene912_0.lkp}: what follows the segment's name. */
    private static String suffixOf(String file) {
        String stem = file.substring(0, file.length() - ".lkp".length());
        int first = stem.indexOf('_', 1);
        return first < 0 ? "" : stem.substring(first + 1);
    }

    private static List<String> suggest(DirectoryReader reader, String field, String prefix) throws IOException {
        SuggestIndexSearcher searcher = new SuggestIndexSearcher(reader);
        TopSuggestDocs top = searcher.suggest(new PrefixCompletionQuery(new CompletionAnalyzer(
                IndexSchema.wordsAnalyzer()), new Term(field, prefix)), 20, false);
        List<String> out = new ArrayList<>();
        for (TopSuggestDocs.SuggestScoreDoc d : top.scoreLookupDocs()) {
            out.add(d.doc + " " + d.key + " " + d.score);
        }
        return out;
    }

    /** The same entries indexed with Lucene's completion format and with ours. */
    private record Indexed(Directory lucene, Directory ours) implements java.io.Closeable {
        static Indexed of(List<String[]> entries) throws IOException {
            Indexed both = new Indexed(new ByteBuffersDirectory(), new SuggestSafeDirectory(new ByteBuffersDirectory()));
            index(both.lucene, new Completion912PostingsFormat(), entries);
            index(both.ours, new OffHeapCompletionPostingsFormat(), entries);
            return both;
        }

        byte[] theirFst() throws IOException {
            return dictionary(lucene, new Completion912PostingsFormat().getName());
        }

        byte[] ourFst() throws IOException {
            return dictionary(ours, new OffHeapCompletionPostingsFormat().getName());
        }

        @Override
        public void close() throws IOException {
            org.apache.lucene.util.IOUtils.close(lucene, ours);
        }
    }

    @Test
    void writesWhatLucenesCompletionFormatWrites() throws IOException {
        Random random = new Random(20261130L);
        try (Indexed both = Indexed.of(entries(random, 3000))) {
            assertArrayEquals(both.theirFst(), both.ourFst());
            assertFalse(Arrays.stream(both.ours.listAll()).anyMatch(f -> f.endsWith(".tmp")),
                    Arrays.toString(both.ours.listAll()));
            try (DirectoryReader a = DirectoryReader.open(both.lucene); DirectoryReader b = DirectoryReader.open(both.ours)) {
                assertEquals(1, b.leaves().size());
                int answered = 0;
                for (int i = 0; i < 200; i++) {
                    String prefix = SYLLABLES[random.nextInt(SYLLABLES.length)].substring(0, 1 + random.nextInt(2));
                    for (String field : List.of("sg_name", "sg_title")) {
                        List<String> expected = suggest(a, field, prefix);
                        assertEquals(expected, suggest(b, field, prefix), field + " " + prefix);
                        answered += expected.isEmpty() ? 0 : 1;
                    }
                }
                assertTrue(answered > 300, "prefixes with suggestions: " + answered);
            }
        }
    }

    /**
     * A full suffix table costs the final merge of a first build its memory; bounded, it shares fewer
     * suffixes: the FST's bytes differ from Lucene's, its answers must not.
     */
    @Test
    void aFullSuffixTableMakesALargerFstThatAnswersAlike() throws IOException {
        Random random = new Random(20261201L);
        double limit = CompletionFstWriter.suffixRamMb;
        CompletionFstWriter.suffixRamMb = 0.002;
        try (Indexed both = Indexed.of(entries(random, 3000))) {
            int full = both.theirFst().length;
            int bounded = both.ourFst().length;
            assertTrue(bounded > full, "bounded " + bounded + " bytes, full table " + full);
            try (DirectoryReader a = DirectoryReader.open(both.lucene); DirectoryReader b = DirectoryReader.open(both.ours)) {
                for (String first : SYLLABLES) {
                    for (String prefix : List.of(first.substring(0, 1), first, first + SYLLABLES[random.nextInt(
                            SYLLABLES.length)])) {
                        for (String field : List.of("sg_name", "sg_title")) {
                            assertEquals(suggest(a, field, prefix), suggest(b, field, prefix), field + " " + prefix);
                        }
                    }
                }
            }
        } finally {
            CompletionFstWriter.suffixRamMb = limit;
        }
    }
}
