package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which index files the server maps into its memory, and which it reads with positional reads. */
class IndexFilesTest {
    private static final Path MAPS = Path.of("/proc/self/maps");

    @TempDir
    Path tmp;

    private static boolean mapped(Path file) throws IOException {
        return Files.readString(MAPS).contains(file.toString());
    }

    private static void write(Directory dir, String name) throws IOException {
        try (IndexOutput out = dir.createOutput(name, IOContext.DEFAULT)) {
            CodecUtil.writeHeader(out, "test", 0);
            for (int i = 0; i < 100_000; i++) {
                out.writeInt(i);
            }
            CodecUtil.writeFooter(out);
        }
    }

    /** The {@code i}th int that {@link #write} wrote, read wherever the input reads from. */
    private static void assertReadsBack(IndexInput in, int i) throws IOException {
        in.seek(CodecUtil.headerLength("test") + 4L * i);
        assertEquals(i, in.readInt());
    }

    @Test
    void anFstIsMappedForLookupsButReadPositionallyForItsChecksum() throws IOException {
        assumeTrue(Files.isReadable(MAPS), "needs /proc/self/maps");
        Path path = Files.createDirectories(tmp.resolve("idx"));
        try (Directory dir = IndexFiles.open(path)) {
            write(dir, "mentions_x.fst");
            write(dir, "_0.fdt");
            Path fst = path.resolve("mentions_x.fst").toRealPath();
            Path stored = path.resolve("_0.fdt").toRealPath();
            try (IndexInput in = dir.openInput("mentions_x.fst", IOContext.DEFAULT)) {
                assertTrue(mapped(fst));
                assertReadsBack(in, 1234);
            }
            try (IndexInput check = dir.openInput("mentions_x.fst", IOContext.READONCE)) {
                assertEquals(CodecUtil.checksumEntireFile(check), CodecUtil.retrieveChecksum(check));
                assertFalse(mapped(fst), "a checksum read maps the file");
            }
            try (IndexInput in = dir.openInput("_0.fdt", IOContext.DEFAULT)) {
                assertFalse(mapped(stored));
                assertReadsBack(in, 99_999);
            }
            assertTrue(MentionDictionary.verify(dir, "mentions_x.fst"));
        }
    }

    @Test
    void normsAreMappedForTheMergeThatLooksThemUpPerDocument() throws IOException {
        assumeTrue(Files.isReadable(MAPS), "needs /proc/self/maps");
        Path path = Files.createDirectories(tmp.resolve("idx"));
        try (Directory dir = IndexFiles.open(path)) {
            write(dir, "_0.nvd");
            write(dir, "_0.dvd");
            Path norms = path.resolve("_0.nvd").toRealPath();
            Path docValues = path.resolve("_0.dvd").toRealPath();
            try (IndexInput in = dir.openInput("_0.nvd", IOContext.DEFAULT)) {
                assertTrue(mapped(norms));
                assertReadsBack(in, 4321);
            }
            try (IndexInput in = dir.openInput("_0.dvd", IOContext.DEFAULT)) {
                assertFalse(mapped(docValues), "doc values (180 MB at 1M papers) are read positionally");
                assertReadsBack(in, 4321);
            }
        }
    }
}
