package dev.papernotes.bench;

import dev.papernotes.index.PapernotesCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Where an index's bytes go, field by field: the index is copied once whole and once without each
 * field in turn (its terms, doc values, norms and stored values), segment for segment, with the
 * server's codec; a field's share is what leaving it out saves. Files outside Lucene's segments
 * (the mention dictionary) are listed as they are.
 *
 * <pre>
 * java -cp bench.jar:papernotes.jar dev.papernotes.bench.IndexBreakdown --index DIR --scratch DIR [--corpus DIR]
 * </pre>
 */
public final class IndexBreakdown {
    private IndexBreakdown() {
    }

    public static void main(String[] args) throws IOException {
        Path index = null;
        Path scratch = null;
        Path corpus = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--index" -> index = Path.of(args[++i]);
                case "--scratch" -> scratch = Path.of(args[++i]);
                case "--corpus" -> corpus = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (index == null || scratch == null) {
            throw new IllegalArgumentException("--index and --scratch are required");
        }
        long total = Benchmark.du(index);
        long corpusBytes = corpus == null ? 0 : Benchmark.du(corpus);
        System.out.printf(Locale.ROOT, "index %s: %.1f MB%s%n", index, total / 1e6,
                corpus == null ? "" : String.format(Locale.ROOT, " (%.2f of the corpus, %.1f MB)",
                        (double) total / corpusBytes, corpusBytes / 1e6));
        try (Stream<Path> files = Files.list(index)) {
            for (Path f : files.filter(p -> !inSegments(p.getFileName().toString())).sorted().toList()) {
                System.out.printf(Locale.ROOT, "  outside the segments: %-32s %8.1f MB%n", f.getFileName(),
                        Files.size(f) / 1e6);
            }
        }
        Breakdown b = of(index, scratch);
        System.out.printf(Locale.ROOT, "  segments as built: %.1f MB; written afresh: %.1f MB%n", b.asBuilt() / 1e6,
                b.whole() / 1e6);
        for (Share r : b.shares()) {
            System.out.printf(Locale.ROOT, "  %-16s %8.1f MB %5.1f %%%n", r.field(), r.bytes() / 1e6,
                    100.0 * r.bytes() / total);
        }
    }

    /** What leaving one field out of the segments saves, in bytes. */
    record Share(String field, long bytes) {
    }

    /**
     * @param asBuilt the segments' bytes as they are on disk
     * @param whole   the segments written afresh with every field
     * @param shares  every field, the largest share first
     */
    record Breakdown(long asBuilt, long whole, List<Share> shares) {
    }

    static Breakdown of(Path index, Path scratch) throws IOException {
        return of(index, scratch, null);
    }

    /** The shares of {@code only} those fields of the index (every field when null). */
    static Breakdown of(Path index, Path scratch, Set<String> only) throws IOException {
        Set<String> fields = new TreeSet<>();
        try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
            for (LeafReaderContext c : reader.leaves()) {
                for (FieldInfo fi : c.reader().getFieldInfos()) {
                    if (only == null || only.contains(fi.name)) {
                        fields.add(fi.name);
                    }
                }
            }
            long asBuilt = segmentBytes(dir);
            // Every copy, the whole one too, is written afresh (not the segments' blocks copied as
            // they are), so that the differences are the fields' alone.
            long whole = copy(reader, Set.of(), scratch);
            List<Share> shares = new ArrayList<>();
            for (String field : fields) {
                shares.add(new Share(field, whole - copy(reader, Set.of(field), scratch)));
            }
            shares.sort(Comparator.comparingLong(Share::bytes).reversed());
            return new Breakdown(asBuilt, whole, List.copyOf(shares));
        }
    }

    private static long copy(DirectoryReader reader, Set<String> drop, Path scratch) throws IOException {
        Benchmark.deleteTree(scratch);
        Codec codec = new PapernotesCodec();
        try (Directory out = FSDirectory.open(scratch);
             IndexWriter w = new IndexWriter(out, new IndexWriterConfig().setCodec(codec)
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            for (LeafReaderContext c : reader.leaves()) {
                w.addIndexes(SlowCodecReaderWrapper.wrap(without(c.reader(), drop)));
            }
            w.commit();
        }
        long size = Benchmark.du(scratch);
        Benchmark.deleteTree(scratch);
        return size;
    }

    private static LeafReader without(LeafReader leaf, Set<String> drop) {
        List<FieldInfo> keep = new ArrayList<>();
        for (FieldInfo fi : leaf.getFieldInfos()) {
            if (!drop.contains(fi.name)) {
                keep.add(fi);
            }
        }
        FieldInfos kept = new FieldInfos(keep.toArray(new FieldInfo[0]));
        return new FilterLeafReader(leaf) {
            @Override
            public FieldInfos getFieldInfos() {
                return kept;
            }

            @Override
            public Terms terms(String field) throws IOException {
                return drop.contains(field) ? null : super.terms(field);
            }

            @Override
            public NumericDocValues getNumericDocValues(String field) throws IOException {
                return drop.contains(field) ? null : super.getNumericDocValues(field);
            }

            @Override
            public BinaryDocValues getBinaryDocValues(String field) throws IOException {
                return drop.contains(field) ? null : super.getBinaryDocValues(field);
            }

            @Override
            public SortedDocValues getSortedDocValues(String field) throws IOException {
                return drop.contains(field) ? null : super.getSortedDocValues(field);
            }

            @Override
            public NumericDocValues getNormValues(String field) throws IOException {
                return drop.contains(field) ? null : super.getNormValues(field);
            }

            @Override
            public StoredFields storedFields() throws IOException {
                StoredFields in = super.storedFields();
                return new StoredFields() {
                    @Override
                    public void document(int doc, StoredFieldVisitor visitor) throws IOException {
                        in.document(doc, new StoredFieldVisitor() {
                            @Override
                            public Status needsField(FieldInfo fi) throws IOException {
                                return drop.contains(fi.name) ? Status.NO : visitor.needsField(fi);
                            }

                            @Override
                            public void stringField(FieldInfo fi, String value) throws IOException {
                                visitor.stringField(fi, value);
                            }

                            @Override
                            public void binaryField(FieldInfo fi, byte[] value) throws IOException {
                                visitor.binaryField(fi, value);
                            }

                            @Override
                            public void intField(FieldInfo fi, int value) throws IOException {
                                visitor.intField(fi, value);
                            }

                            @Override
                            public void longField(FieldInfo fi, long value) throws IOException {
                                visitor.longField(fi, value);
                            }

                            @Override
                            public void floatField(FieldInfo fi, float value) throws IOException {
                                visitor.floatField(fi, value);
                            }

                            @Override
                            public void doubleField(FieldInfo fi, double value) throws IOException {
                                visitor.doubleField(fi, value);
                            }
                        });
                    }
                };
            }

            @Override
            public CacheHelper getCoreCacheHelper() {
                return null;
            }

            @Override
            public CacheHelper getReaderCacheHelper() {
                return null;
            }
        };
    }

    /** Lucene's own files: segment files and commit points (the mention dictionary is not). */
    private static boolean inSegments(String fileName) {
        return fileName.startsWith("_") || fileName.startsWith("segments");
    }

    private static long segmentBytes(Directory dir) throws IOException {
        long n = 0;
        for (String f : dir.listAll()) {
            if (inSegments(f)) {
                n += dir.fileLength(f);
            }
        }
        return n;
    }
}
