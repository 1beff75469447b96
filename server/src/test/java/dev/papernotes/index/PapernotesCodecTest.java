package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene912.Lucene912PostingsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codec is found by its name when an index is opened (a shaded jar that lost the service file
 * could not open any index), every segment is written with it, and papers come back from its
 * stored fields as they were written, across many compressed blocks.
 */
class PapernotesCodecTest {
    @TempDir
    Path tmp;

    @Test
    void theCodecIsFoundByTheNameItWritesIntoSegments() {
        assertInstanceOf(PapernotesCodec.class, Codec.forName(PapernotesCodec.NAME));
    }

    @Test
    void papersComeBackFromTheStoredFieldsAsWritten() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Random random = new Random(912);
        String[] words = {"sparse", "attention", "tokens", "über", "naïve", "检索", "video", "𝔽-score", "retrieval",
            "heads", "long", "context", "—", "models", "🙂"};
        Map<String, String> written = new TreeMap<>();
        for (int page = 0; page < 6; page++) {
            StringBuilder text = new StringBuilder("Mar " + (page + 1) + "\n\n");
            for (int i = 0; i < 40; i++) {
                String name = "Codex" + page + "x" + i;
                StringBuilder abs = new StringBuilder("We introduce " + name + ".");
                // Abstracts of 0.2–6 KB: 240 of them fill several 60 KB blocks.
                for (int w = 30 + random.nextInt(900); w > 0; w--) {
                    abs.append(' ').append(words[random.nextInt(words.length)]);
                }
                abs.append('.');
                String title = name + ": a study of " + words[random.nextInt(words.length)];
                text.append(title).append("\n\n").append(abs).append("\n\n");
                written.put(title, abs.toString());
            }
            Files.writeString(corpus.resolve(String.format("page-%02d.txt", page)), text);
        }
        Path index = tmp.resolve("index");
        try (IndexStore store = IndexStore.open(index, List.of(corpus), 16)) {
            assertTrue(store.update(w -> { }, UpdateProgress.NONE, false).committed());
        }
        try (IndexStore store = IndexStore.open(index, List.of(corpus), 16); PaperIndex idx = store.acquire()) {
            Map<String, String> read = new TreeMap<>();
            idx.forEach(p -> read.put(p.title(), p.abstractText()));
            assertEquals(written, read);
        }
        assertEverySegmentWrittenWithTheCodec(index);
    }

    /**
     * An index of the previous schema (version 9: Lucene's own codec with the same postings per
     * field) is what every user has on upgrading: it opens, is rebuilt from the corpus, and then
     * holds only segments of this codec.
     */
    @Test
    void anIndexOfThePreviousSchemaIsRebuiltWithThisCodec() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("page.txt"), "Mar 1\n\nPrepacking: packing prompts for fast prefill\n\n"
                + "We introduce Prepacking, which packs prompts of different lengths.\n\n");
        Path index = tmp.resolve("index");
        PostingsFormat bloom = new BloomFilteringPostingsFormat(new Lucene912PostingsFormat());
        Codec previous = new Lucene912Codec() {
            @Override
            public PostingsFormat getPostingsFormatForField(String field) {
                return field.equals(IndexSchema.ID) ? bloom : super.getPostingsFormatForField(field);
            }
        };
        try (Directory dir = FSDirectory.open(index);
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setCodec(previous))) {
            Document d = new Document();
            d.add(new StringField(IndexSchema.ID, "old-paper", Field.Store.YES));
            d.add(new StoredField(IndexSchema.ABSTRACT, "An abstract stored the old way."));
            w.addDocument(d);
            w.setLiveCommitData(Map.of(IndexSchema.DATA_SCHEMA, "9").entrySet());
            w.commit();
        }
        try (IndexStore store = IndexStore.open(index, List.of(corpus), 16)) {
            assertTrue(store.openNote() != null && store.openNote().contains("has schema 9"), store.openNote());
            assertTrue(store.update(w -> { }, UpdateProgress.NONE, false).committed());
            try (PaperIndex idx = store.acquire()) {
                Map<String, String> read = new TreeMap<>();
                idx.forEach(p -> read.put(p.title(), p.abstractText()));
                assertEquals(Map.of("Prepacking: packing prompts for fast prefill",
                        "We introduce Prepacking, which packs prompts of different lengths."), read);
            }
        }
        assertEverySegmentWrittenWithTheCodec(index);
    }

    private static void assertEverySegmentWrittenWithTheCodec(Path index) throws IOException {
        try (Directory dir = FSDirectory.open(index)) {
            SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
            assertTrue(infos.size() > 0);
            for (SegmentCommitInfo si : infos) {
                assertEquals(PapernotesCodec.NAME, si.info.getCodec().getName(), si.info.name);
            }
        }
    }
}
