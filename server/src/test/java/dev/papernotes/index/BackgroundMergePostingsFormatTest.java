package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.corpus.Occurrence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.suggest.document.PrefixCompletionQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The final merge of a first build writes its postings groups on threads of their own: the
 * segment it makes must be the one a merge on one thread makes, field by field, term by term,
 * posting by posting (positions and payloads: the completion entries are payloads), with the same
 * norms and the same format per field, and its completion FSTs must answer the same.
 */
class BackgroundMergePostingsFormatTest {
    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        BulkBuild.restoreDefaultsForTests();
    }

    @Test
    void theGroupsMergedAtOnceWriteWhatOneThreadWrites() throws IOException {
        Path flushed = tmp.resolve("flushed");
        writeFlushedSegments(flushed, 600, 50);
        Path oneThread = copy(flushed, tmp.resolve("one-thread"));
        Path atOnce = copy(flushed, tmp.resolve("at-once"));

        BulkBuild.mergeInParallel = false;
        long before = BackgroundMergePostingsFormat.groupsMerged();
        finishBulkMerge(oneThread);
        assertEquals(before, BackgroundMergePostingsFormat.groupsMerged(), "one thread: no group merged apart");

        BulkBuild.mergeInParallel = true;
        finishBulkMerge(atOnce);
        assertEquals(before + 3, BackgroundMergePostingsFormat.groupsMerged(),
                "completion, Bloom-filtered and plain postings each merged on a thread of its own");

        List<String> expected = describe(oneThread);
        List<String> actual = describe(atOnce);
        assertTrue(expected.size() > 10_000, "a segment big enough to compare: " + expected.size() + " lines");
        assertEquals(expected.size(), actual.size(), "lines");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "line " + i);
        }
        assertEquals(completions(oneThread), completions(atOnce));
        Map<String, byte[]> expectedFiles = segmentFiles(oneThread);
        Map<String, byte[]> actualFiles = segmentFiles(atOnce);
        assertEquals(expectedFiles.keySet(), actualFiles.keySet(), "the segment's files");
        for (String name : expectedFiles.keySet()) {
            assertTrue(Arrays.equals(expectedFiles.get(name), actualFiles.get(name)), name + " byte for byte");
        }
    }

    /**
     * The merged segment's files but its info (which holds the time), each without its header and
     * footer and with the segment's random id blanked wherever else it is written.
     */
    /** Headers inside a file (a postings writer's in the terms metadata) hold the segment's id too. */
    private static byte[] withoutId(byte[] body, byte[] id) {
        for (int i = 0; i + id.length <= body.length; i++) {
            if (Arrays.equals(body, i, i + id.length, id, 0, id.length)) {
                Arrays.fill(body, i, i + id.length, (byte) 0);
            }
        }
        return body;
    }

    /**
     * A Bloom filter file's filters in field order: Lucene writes them in the order of a hash map
     * keyed by field objects, which differs between any two merges, threads or not.
     */
    private static byte[] bloomsByField(IndexInput in) throws IOException {
        String delegate = in.readString();
        int count = in.readInt();
        Map<Integer, byte[]> filters = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int field = in.readInt();
            long start = in.getFilePointer();
            org.apache.lucene.codecs.bloom.FuzzySet.deserialize(in);
            byte[] filter = new byte[(int) (in.getFilePointer() - start)];
            in.seek(start);
            in.readBytes(filter, 0, filter.length);
            filters.put(field, filter);
        }
        org.apache.lucene.store.ByteBuffersDataOutput out = new org.apache.lucene.store.ByteBuffersDataOutput();
        out.writeString(delegate);
        for (Map.Entry<Integer, byte[]> e : filters.entrySet()) {
            out.writeInt(e.getKey());
            out.writeBytes(e.getValue(), e.getValue().length);
        }
        return out.toArrayCopy();
    }

    private static Map<String, byte[]> segmentFiles(Path path) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Directory dir = open(path); DirectoryReader r = DirectoryReader.open(dir)) {
            SegmentReader segment = (SegmentReader) r.leaves().get(0).reader();
            for (String name : segment.getSegmentInfo().files()) {
                if (name.endsWith(".si")) {
                    continue;
                }
                try (IndexInput in = dir.openInput(name, IOContext.READONCE)) {
                    assertEquals(CodecUtil.CODEC_MAGIC, CodecUtil.readBEInt(in), name);
                    in.readString();
                    CodecUtil.readBEInt(in);
                    in.seek(in.getFilePointer() + StringHelper.ID_LENGTH);
                    in.seek(in.getFilePointer() + 1 + in.readByte());
                    if (name.endsWith(".blm")) {
                        out.put(name, bloomsByField(in));
                        continue;
                    }
                    byte[] body = new byte[(int) (in.length() - CodecUtil.footerLength() - in.getFilePointer() + 1)];
                    in.seek(in.getFilePointer() - 1);
                    in.readBytes(body, 0, body.length);
                    out.put(name, withoutId(body, segment.getSegmentInfo().info.getId()));
                }
            }
        }
        assertTrue(out.keySet().stream().anyMatch(n -> n.endsWith(".lkp")), "completion FSTs among " + out.keySet());
        assertTrue(out.keySet().stream().anyMatch(n -> n.endsWith(".blm")), "Bloom filters among " + out.keySet());
        return out;
    }

    /**
     * Each group wraps the merge's one norms producer, whose merge instance fills plain maps as
     * fields are asked for: two groups must never be inside it at once.
     */
    @Test
    void groupsAskForTheSharedNormsOneAtATime() throws Exception {
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        org.apache.lucene.codecs.NormsProducer shared = new org.apache.lucene.codecs.NormsProducer() {
            @Override
            public NumericDocValues getNorms(FieldInfo field) {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                for (long t = System.nanoTime(); System.nanoTime() - t < 20_000; ) {
                    Thread.onSpinWait(); // long enough for another thread to come in, were it let
                }
                inside.decrementAndGet();
                return null;
            }

            @Override
            public void checkIntegrity() {
            }

            @Override
            public void close() {
            }
        };
        List<Thread> groups = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            var norms = new BackgroundMergePostingsFormat.OneAtATime(shared);
            groups.add(new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    try {
                        norms.getNorms(null);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }));
        }
        groups.forEach(Thread::start);
        for (Thread t : groups) {
            t.join();
        }
        assertEquals(1, most.get(), "groups inside the norms producer at once");
    }

    @Test
    void aGroupThatFailsFailsTheMergeAndTheBuildKeepsNoHalfSegment() throws IOException {
        Path flushed = tmp.resolve("flushed");
        writeFlushedSegments(flushed, 200, 50);
        // The completion FSTs' temporary file cannot be written, on the completion group's own thread:
        // the failure comes out of the merge, not lost with that thread.
        try (Directory dir = new FailingTempFiles(open(flushed), "lkpfst");
                IndexWriter writer = IndexStore.openWriter(dir, 16, IndexWriterConfig.OpenMode.APPEND)) {
            BulkBuild bulk = BulkBuild.start(writer);
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, bulk::finish);
            assertTrue(messages(e).contains("disk full while creating a temporary lkpfst file"), messages(e));
            writer.rollback();
        }
        try (Directory dir = open(flushed); DirectoryReader r = DirectoryReader.open(dir)) {
            assertEquals(200, r.numDocs(), "the last commit, as it was");
            assertTrue(r.leaves().size() > 1, "still the flushed segments");
        }
    }

    /** The index's directory as the server opens it (completion dictionaries need its wrapper). */
    private static Directory open(Path path) throws IOException {
        return new SuggestSafeDirectory(FSDirectory.open(path));
    }

    /** {@code papers} papers in segments of {@code perSegment}, flushed as a first build flushes them, unmerged. */
    private static void writeFlushedSegments(Path path, int papers, int perSegment) throws IOException {
        Random random = new Random(42);
        String[] syllables = {"ka", "lo", "mi", "ne", "ra", "to", "vi", "zu", "Q", "X"};
        String[] words = {"sparse", "attention", "long", "context", "video", "tokens", "small", "models",
            "retrieval", "heads", "graph", "diffusion", "reasoning", "agents", "memory"};
        BulkBuild.flushEveryDocsForTests = perSegment;
        try (Directory dir = open(path);
                IndexWriter writer = IndexStore.openWriter(dir, 16, IndexWriterConfig.OpenMode.CREATE)) {
            BulkBuild bulk = BulkBuild.start(writer);
            for (int i = 0; i < papers; i++) {
                StringBuilder name = new StringBuilder();
                for (int s = 2 + random.nextInt(3); s > 0; s--) {
                    name.append(syllables[random.nextInt(syllables.length)]);
                }
                String method = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                StringBuilder abs = new StringBuilder("We introduce " + method + ", a method for");
                for (int w = 20 + random.nextInt(60); w > 0; w--) {
                    abs.append(' ').append(words[random.nextInt(words.length)]);
                }
                String title = method + ": " + words[random.nextInt(words.length)] + " "
                        + words[random.nextInt(words.length)] + " number " + i;
                Paper p = new Paper("p" + i, title, abs + ".", List.of(method), method.toLowerCase() + i,
                        List.of(new Occurrence(path.resolve("page-" + i / 20 + ".txt"), 1 + i % 20 * 4, "Mar 1")));
                writer.addDocument(PaperDocuments.toDocument(p, method.toLowerCase()));
            }
            writer.commit();
            bulk.close();
        } finally {
            BulkBuild.flushEveryDocsForTests = 0;
        }
    }

    /** The bulk path's end on a copy of the flushed segments: merged into one, committed. */
    private static void finishBulkMerge(Path path) throws IOException {
        try (Directory dir = open(path);
                IndexWriter writer = IndexStore.openWriter(dir, 16, IndexWriterConfig.OpenMode.APPEND)) {
            try (BulkBuild bulk = BulkBuild.start(writer)) {
                bulk.finish();
            }
            writer.commit();
        }
    }

    /** Every field's format, norms and postings of the one segment, in document order. */
    private static List<String> describe(Path path) throws IOException {
        List<String> out = new ArrayList<>();
        try (Directory dir = open(path); DirectoryReader r = DirectoryReader.open(dir)) {
            assertEquals(1, r.leaves().size(), "merged into one segment");
            LeafReader leaf = r.leaves().get(0).reader();
            for (FieldInfo fi : leaf.getFieldInfos()) {
                if (fi.getIndexOptions() == IndexOptions.NONE) {
                    continue;
                }
                out.add("field " + fi.name + " " + fi.attributes());
                NumericDocValues norms = leaf.getNormValues(fi.name);
                if (norms != null) {
                    StringBuilder sb = new StringBuilder("norms " + fi.name);
                    for (int d = norms.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = norms.nextDoc()) {
                        sb.append(' ').append(d).append('=').append(norms.longValue());
                    }
                    out.add(sb.toString());
                }
                Terms terms = leaf.terms(fi.name);
                if (terms == null) {
                    continue;
                }
                TermsEnum te = terms.iterator();
                PostingsEnum pe = null;
                for (BytesRef term = te.next(); term != null; term = te.next()) {
                    StringBuilder sb = new StringBuilder(fi.name).append(' ').append(term.utf8ToString())
                            .append(' ').append(te.docFreq()).append(' ').append(te.totalTermFreq()).append(':');
                    pe = te.postings(pe, PostingsEnum.ALL);
                    for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
                        sb.append(' ').append(d).append('x').append(pe.freq());
                        if (fi.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0) {
                            for (int k = 0; k < pe.freq(); k++) {
                                sb.append('@').append(pe.nextPosition());
                                BytesRef payload = pe.getPayload();
                                if (payload != null) {
                                    sb.append('/').append(payload.utf8ToString().hashCode());
                                }
                            }
                        }
                    }
                    out.add(sb.toString());
                }
            }
        }
        return out;
    }

    /** What each completion field's FST answers, by prefix. */
    private static List<String> completions(Path path) throws IOException {
        List<String> out = new ArrayList<>();
        try (Directory dir = open(path); DirectoryReader r = DirectoryReader.open(dir)) {
            org.apache.lucene.search.suggest.document.SuggestIndexSearcher searcher =
                    new org.apache.lucene.search.suggest.document.SuggestIndexSearcher(r);
            for (String field : List.of(IndexSchema.SUGGEST_NAME, IndexSchema.SUGGEST_TITLE,
                    IndexSchema.SUGGEST_CITEKEY)) {
                for (String prefix : List.of("k", "ka", "lo", "mi", "ne", "raq", "tozu", "vi", "x", "z")) {
                    var hits = searcher.suggest(new PrefixCompletionQuery(IndexSchema.completionAnalyzer(),
                            new org.apache.lucene.index.Term(field, prefix)), 50, false);
                    StringBuilder sb = new StringBuilder(field + " " + prefix + " ->");
                    for (var hit : hits.scoreLookupDocs()) {
                        sb.append(' ').append(hit.key).append('=').append(hit.doc).append('/').append(hit.score);
                    }
                    out.add(sb.toString());
                }
            }
        }
        assertTrue(out.stream().filter(l -> !l.endsWith("->")).count() > 20, "the FSTs answer: " + out);
        return out;
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c).append(" / ");
        }
        return sb.toString();
    }

    /** A directory that cannot create temporary files of {@code suffix}. */
    private static final class FailingTempFiles extends org.apache.lucene.store.FilterDirectory {
        private final String suffix;

        FailingTempFiles(Directory in, String suffix) {
            super(in);
            this.suffix = suffix;
        }

        @Override
        public org.apache.lucene.store.IndexOutput createTempOutput(String prefix, String suffix,
                org.apache.lucene.store.IOContext context) throws IOException {
            if (suffix.equals(this.suffix)) {
                throw new IOException("disk full while creating a temporary " + suffix + " file");
            }
            return super.createTempOutput(prefix, suffix, context);
        }
    }
}
