package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first build takes the bulk path ({@link BulkBuild}: segments flushed, never merged until one
 * merge at the end). What the index answers must not depend on it: the papers, completion lists,
 * mention names and lookups are those of a first build that merges as it goes and of the same
 * corpus brought in by incremental updates. A bulk build stopped at any point leaves the last
 * commit, and the next update finishes the job.
 */
class BulkBuildTest {
    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        BulkBuild.restoreDefaultsForTests();
    }

    /**
     * 20 pages of 20 papers: names built from shared syllables (many share a prefix), some repeats
     * of earlier papers, far back and nearby, so that merging repeats and citekey suffixes happen.
     */
    private Path corpus() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("corpus"));
        Random random = new Random(15);
        String[] syllables = {"ka", "lo", "mi", "ne", "ra", "to", "vi", "zu"};
        String[] topics = {"sparse attention", "long context", "video tokens", "small models", "retrieval heads"};
        List<String[]> written = new ArrayList<>();
        for (int page = 0; page < 20; page++) {
            StringBuilder text = new StringBuilder("Mar " + (page % 28 + 1) + "\n\n");
            for (int i = 0; i < 20; i++) {
                String[] paper;
                if (!written.isEmpty() && random.nextInt(6) == 0) {
                    paper = written.get(random.nextInt(written.size()));
                } else {
                    StringBuilder name = new StringBuilder();
                    for (int s = 2 + random.nextInt(2); s > 0; s--) {
                        name.append(syllables[random.nextInt(syllables.length)]);
                    }
                    String n = Character.toUpperCase(name.charAt(0)) + name.substring(1)
                            + (random.nextInt(3) == 0 ? "-" + (1 + random.nextInt(9)) : "");
                    String topic = topics[random.nextInt(topics.length)];
                    paper = new String[] {n + ": " + topic + " for " + topics[random.nextInt(topics.length)]
                            + " number " + written.size(),
                        "We introduce " + n + ", a method for " + topic + ". " + n + " improves "
                                + topics[random.nextInt(topics.length)] + " on three benchmarks."};
                    written.add(paper);
                }
                text.append(paper[0]).append("\n\n").append(paper[1]).append("\n\n");
            }
            Files.writeString(dir.resolve(String.format("page-%03d.txt", page)), text);
        }
        return dir;
    }

    /** Everything the index answers that a user sees, as lines to compare. */
    private static List<String> answers(PaperIndex idx) throws IOException {
        List<String> out = new ArrayList<>();
        List<Paper> papers = new ArrayList<>();
        idx.forEach(papers::add);
        Set<String> prefixes = new LinkedHashSet<>();
        for (Paper p : papers) {
            out.add("paper " + p.id() + " " + p.citekey() + " " + p.title() + " " + p.methods() + " "
                    + p.occurrences().stream().map(o -> o.file().getFileName() + ":" + o.line()).toList());
            out.add("resolve " + p.title() + " -> " + idx.resolveIds(p.title()));
            out.add("citekey " + p.citekey() + " -> " + idx.idByCitekey(p.citekey()));
            out.add("title mention " + mentionIds(idx, p.title()));
            for (String m : p.methods()) {
                List<Long> entry = dictionary(idx, m);
                out.add("mention " + m + " -> " + mentionIds(idx, m) + " dictionary count "
                        + (entry.isEmpty() ? "none" : entry.get(0)));
                out.add("usage " + m + " " + (entry.isEmpty() ? "none" : entry.get(1)));
                prefixes.add(m.substring(0, Math.min(2, m.length())));
                prefixes.add(m.substring(0, Math.min(4, m.length())));
            }
            prefixes.add(p.citekey().substring(0, Math.min(3, p.citekey().length())));
        }
        // Papers that rank the same come in the order of their documents, which the order the two
        // writer threads happen to add them in decides in any build: compared as sets, with the tiers in order.
        for (String prefix : prefixes) {
            for (Suggester.Scope scope : Suggester.Scope.values()) {
                List<Suggester.Suggestion> found = idx.suggester().suggest(prefix, scope, 500);
                out.add("suggest " + scope + " " + prefix + " -> " + found.stream().map(s -> s.tier()).toList() + " "
                        + found.stream().map(s -> s.label() + "=" + s.paper().id() + "/" + s.tier()).sorted().toList());
            }
        }
        // Scores count deleted documents until they are merged away, so the order of hits depends on
        // the segments in any build: the hits are compared, not their order.
        out.add("search -> " + idx.searchHeaders("sparse attention retrieval", 5000).stream().map(PaperHeader::id)
                .sorted().toList());
        out.add("papers " + idx.paperCount());
        return out;
    }

    private static List<String> mentionIds(PaperIndex idx, String name) throws IOException {
        return idx.idsByMention(name).stream().sorted().toList();
    }

    /** What the mention dictionary says about {@code name}: its count and usage flags, or nothing. */
    private static List<Long> dictionary(PaperIndex idx, String name) throws IOException {
        String text = "see " + name + " here";
        List<Long> out = new ArrayList<>();
        idx.mentions().walker().matchesAt(text, 4, text.length(), (MentionDictionary.FlaggedHit) (end, count, flags) -> {
            if (end == 4 + name.length()) {
                out.add(count);
                out.add((long) flags);
            }
        });
        return out;
    }

    private static List<String> build(Path index, List<Path> roots) throws IOException {
        try (IndexStore store = IndexStore.open(index, roots, 16)) {
            UpdateResult r = store.update(w -> { }, UpdateProgress.NONE, false);
            assertTrue(r.committed());
            try (PaperIndex idx = store.acquire()) {
                return answers(idx);
            }
        }
    }

    private static int segments(Path index, List<Path> roots) throws IOException {
        try (IndexStore store = IndexStore.open(index, roots, 16); PaperIndex idx = store.acquire()) {
            return idx.reader().leaves().size();
        }
    }

    private static List<String> difference(List<String> expected, List<String> actual) {
        List<String> out = new ArrayList<>();
        Set<String> a = new LinkedHashSet<>(actual);
        Set<String> e = new LinkedHashSet<>(expected);
        expected.stream().filter(x -> !a.contains(x)).limit(10).forEach(x -> out.add("- " + x));
        actual.stream().filter(x -> !e.contains(x)).limit(10).forEach(x -> out.add("+ " + x));
        return out;
    }

    @Test
    void aBulkBuildAnswersAsABuildThatMergesAsItGoesAndAsIncrementalUpdates() throws IOException {
        Path corpus = corpus();
        List<Path> roots = List.of(corpus);

        BulkBuild.flushEveryDocsForTests = 20; // 9 flushed segments, merged once at the end
        List<String> bulk = build(tmp.resolve("bulk"), roots);
        assertEquals(1, segments(tmp.resolve("bulk"), roots), "merged once, into one segment");
        BulkBuild.flushEveryDocsForTests = 0;

        BulkBuild.enabled = false;
        List<String> merging = build(tmp.resolve("merging"), roots);
        BulkBuild.enabled = true;
        assertTrue(merging.size() > 500, "answers: " + merging.size());
        assertEquals(List.of(), difference(merging, bulk), "(- merging as it goes, + bulk)");

        // The same pages brought in four at a time, each an incremental update after the first.
        Path growing = Files.createDirectories(tmp.resolve("growing"));
        List<Path> pages;
        try (Stream<Path> s = Files.list(corpus)) {
            pages = s.sorted().toList();
        }
        List<String> incremental = null;
        try (IndexStore store = IndexStore.open(tmp.resolve("incremental"), List.of(growing), 16)) {
            for (int i = 0; i < pages.size(); i += 4) {
                for (Path p : pages.subList(i, Math.min(pages.size(), i + 4))) {
                    Files.copy(p, growing.resolve(p.getFileName()));
                }
                UpdateResult r = store.update(w -> { }, UpdateProgress.NONE, false);
                assertEquals(i == 0, r.rebuilt());
            }
            try (PaperIndex idx = store.acquire()) {
                incremental = answers(idx);
            }
        }
        // Usage flags count documents an update deleted until their segment merges (NameUsage says
        // so: near a threshold of a small corpus, that can flip one); everything else is the same.
        List<String> relocated = bulk.stream().filter(l -> !l.startsWith("usage "))
                .map(l -> l.replace(corpus.toString(), growing.toString())).toList();
        assertEquals(List.of(), difference(relocated,
                incremental.stream().filter(l -> !l.startsWith("usage ")).toList()), "(- bulk, + incremental)");
    }

    @Test
    void completionFstsAndBloomFiltersAreBuiltInTheFinalMergeAndAnswerAsThoseBuiltAtEveryFlush() throws IOException {
        List<Path> roots = List.of(corpus());
        BulkBuild.deferToMerge = false;
        BulkBuild.flushEveryDocsForTests = 20;
        List<String> atEveryFlush = build(tmp.resolve("at-every-flush"), roots);
        BulkBuild.deferToMerge = true;
        for (int every : new int[] {20, 0}) {
            BulkBuild.flushEveryDocsForTests = every;
            Path index = tmp.resolve("deferred-" + every);
            List<String> deferred = build(index, roots);
            assertEquals(List.of(), difference(atEveryFlush, deferred), "flushing every " + every + " (- at every flush, + deferred)");
            try (IndexStore store = IndexStore.open(index, roots, 16); PaperIndex idx = store.acquire()) {
                for (org.apache.lucene.index.LeafReaderContext leaf : idx.reader().leaves()) {
                    assertTrue(hasMergedStructures(leaf.reader().getFieldInfos()), "segment " + leaf);
                }
            }
        }
    }

    /**
     * The usual policy leaves a lone segment as it is: its completion fields would have no FSTs, nor
     * its exact-lookup fields their Bloom filters.
     */
    @Test
    void aBulkBuildThatFlushedOneSegmentRewritesItWithItsCompletionFsts() throws IOException {
        try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(tmp.resolve("lone"));
                org.apache.lucene.index.IndexWriter writer = new org.apache.lucene.index.IndexWriter(dir,
                        new org.apache.lucene.index.IndexWriterConfig(IndexSchema.writerAnalyzer())
                                .setCodec(IndexSchema.codec()))) {
            BulkBuild bulk = BulkBuild.start(writer);
            for (String name : List.of("Kalomi", "Kalone", "Ravito")) {
                writer.addDocument(suggesting(name));
            }
            writer.flush();
            try (org.apache.lucene.index.DirectoryReader flushed = org.apache.lucene.index.DirectoryReader.open(writer)) {
                assertEquals(1, flushed.leaves().size());
                org.apache.lucene.index.FieldInfos fields = flushed.leaves().get(0).reader().getFieldInfos();
                assertTrue(!hasCompletionFsts(fields), "flushed without FSTs");
                assertEquals("Lucene912", formatOf(fields, IndexSchema.KEY), "flushed without a Bloom filter");
                // Deletes and updates look their terms up in every earlier segment: the filter stays.
                assertEquals(org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat.BLOOM_CODEC_NAME,
                        formatOf(fields, IndexSchema.ID));
            }
            bulk.finish();
            bulk.close();
            writer.commit();
            try (org.apache.lucene.index.DirectoryReader merged = org.apache.lucene.index.DirectoryReader.open(dir)) {
                assertEquals(1, merged.leaves().size());
                org.apache.lucene.index.LeafReader leaf = merged.leaves().get(0).reader();
                assertTrue(hasMergedStructures(leaf.getFieldInfos()), "rewritten with FSTs and Bloom filters");
                assertTrue(leaf.terms(IndexSchema.SUGGEST_NAME)
                        instanceof org.apache.lucene.search.suggest.document.CompletionTerms);
            }
            // Later flushes (an incremental update) have their FSTs at once.
            writer.addDocument(suggesting("Tozuvi"));
            writer.commit();
            try (org.apache.lucene.index.DirectoryReader later = org.apache.lucene.index.DirectoryReader.open(dir)) {
                assertEquals(2, later.leaves().size());
                for (org.apache.lucene.index.LeafReaderContext l : later.leaves()) {
                    assertTrue(hasMergedStructures(l.reader().getFieldInfos()));
                }
            }
        }
    }

    /** Whether a segment's completion fields have their FSTs (false for one written while deferred). */
    private static boolean hasCompletionFsts(org.apache.lucene.index.FieldInfos fields) {
        return allWritten(fields, f -> f.startsWith("sg_"), OffHeapCompletionPostingsFormat.NAME);
    }

    /** Whether a segment's exact-lookup fields have their Bloom filters (false for one written while deferred). */
    private static boolean hasBloomFilters(org.apache.lucene.index.FieldInfos fields) {
        return allWritten(fields, PapernotesCodec::exactLookup,
                org.apache.lucene.codecs.bloom.BloomFilteringPostingsFormat.BLOOM_CODEC_NAME);
    }

    private static boolean hasMergedStructures(org.apache.lucene.index.FieldInfos fields) {
        return hasCompletionFsts(fields) && hasBloomFilters(fields);
    }

    private static String formatOf(org.apache.lucene.index.FieldInfos fields, String field) {
        return fields.fieldInfo(field).getAttribute(
                org.apache.lucene.codecs.perfield.PerFieldPostingsFormat.PER_FIELD_FORMAT_KEY);
    }

    private static boolean allWritten(org.apache.lucene.index.FieldInfos fields,
            java.util.function.Predicate<String> which, String format) {
        int seen = 0;
        for (org.apache.lucene.index.FieldInfo f : fields) {
            if (which.test(f.name)) {
                seen++;
                if (!format.equals(f.getAttribute(
                        org.apache.lucene.codecs.perfield.PerFieldPostingsFormat.PER_FIELD_FORMAT_KEY))) {
                    return false;
                }
            }
        }
        return seen > 0;
    }

    private static org.apache.lucene.document.Document suggesting(String name) {
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        doc.add(new org.apache.lucene.search.suggest.document.SuggestField(IndexSchema.SUGGEST_NAME, name, 1));
        doc.add(new org.apache.lucene.document.StringField(IndexSchema.ID, name,
                org.apache.lucene.document.Field.Store.NO));
        doc.add(new org.apache.lucene.document.StringField(IndexSchema.KEY, name.toLowerCase(java.util.Locale.ROOT),
                org.apache.lucene.document.Field.Store.NO));
        return doc;
    }

    @Test
    void aBulkBuildStoppedBeforeItsMergeLeavesNoCommitAndTheNextUpdateBuildsIt() throws IOException {
        Path corpus = corpus();
        List<Path> roots = List.of(corpus);
        List<String> expected = build(tmp.resolve("reference"), roots);
        Path dir = tmp.resolve("idx");
        BulkBuild.flushEveryDocsForTests = 20;
        for (String stopAt : List.of("merging papers", "merging segments", "writing mention dictionary")) {
            try (IndexStore store = IndexStore.open(dir, roots, 16)) {
                assertThrows(IllegalStateException.class, () -> store.update(w -> { }, stopAt(stopAt), false));
            }
            try (IndexStore store = IndexStore.open(dir, roots, 16)) {
                assertNotNull(store.unfinishedUpdate(), "stopped at " + stopAt);
                try (PaperIndex idx = store.acquire()) {
                    assertEquals(0, idx.paperCount(), "nothing committed when stopped at " + stopAt);
                }
            }
        }
        try (IndexStore store = IndexStore.open(dir, roots, 16)) {
            UpdateResult r = store.update(w -> { }, UpdateProgress.NONE, false);
            assertTrue(r.rebuilt());
            try (PaperIndex idx = store.acquire()) {
                assertEquals(List.of(), difference(expected, answers(idx)));
            }
        }
        assertEquals(1, segments(dir, roots));
    }

    @Test
    void aRebuildStoppedHalfwayKeepsServingTheLastCommit() throws IOException {
        Path corpus = corpus();
        List<Path> roots = List.of(corpus);
        Path dir = tmp.resolve("idx");
        List<String> expected = build(dir, roots);
        BulkBuild.flushEveryDocsForTests = 20;
        try (IndexStore store = IndexStore.open(dir, roots, 16)) {
            // Stopped while reading, with a few segments flushed and none merged.
            UpdateProgress halfway = new UpdateProgress() {
                private long total;
                private long read;

                @Override
                public void reading(long totalBytes) {
                    total = totalBytes;
                }

                @Override
                public void advance(long bytes) {
                    read += bytes;
                    if (read > total / 2) {
                        throw new IllegalStateException("stopped");
                    }
                }
            };
            assertThrows(IllegalStateException.class, () -> store.update(w -> { }, halfway, true));
            try (PaperIndex idx = store.acquire()) {
                assertEquals(List.of(), difference(expected, answers(idx)), "the last commit, still served");
            }
        }
        try (IndexStore store = IndexStore.open(dir, roots, 16)) {
            assertNotNull(store.unfinishedUpdate());
            try (PaperIndex idx = store.acquire()) {
                assertEquals(List.of(), difference(expected, answers(idx)), "the last commit, served after a restart");
            }
            assertTrue(store.update(w -> { }, UpdateProgress.NONE, true).committed());
            try (PaperIndex idx = store.acquire()) {
                assertEquals(List.of(), difference(expected, answers(idx)));
            }
        }
    }

    private static UpdateProgress stopAt(String phase) {
        return new UpdateProgress() {
            @Override
            public void phase(String name) {
                if (name.equals(phase)) {
                    throw new IllegalStateException("stopped at " + name.toLowerCase(Locale.ROOT));
                }
            }
        };
    }
}
