package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.TestCorpus;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged and failing indexes: detected, rebuilt, and never a lost last commit. */
class IndexFaultsTest {
    @TempDir
    Path tmp;

    private Path build() throws IOException {
        Path idx = tmp.resolve("idx");
        try (IndexStore store = IndexStore.open(idx, List.of(TestCorpus.dir()), 16)) {
            store.update(w -> { }, UpdateProgress.NONE, false);
        }
        return idx;
    }

    private static void flipByte(Path file, long at) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b, at);
            b.put(0, (byte) (b.get(0) ^ 0x5A));
            b.rewind();
            ch.write(b, at);
        }
    }

    @Test
    void corruptSegmentsFileIsRebuiltFromTheCorpus() throws IOException {
        Path idx = build();
        Path segments = Files.list(idx).filter(p -> p.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
        flipByte(segments, Files.size(segments) / 2);
        try (IndexStore store = IndexStore.open(idx, List.of(TestCorpus.dir()), 16)) {
            assertNotNull(store.openNote());
            assertTrue(store.openNote().contains("damaged"), store.openNote());
            try (PaperIndex before = store.acquire()) {
                assertEquals(0, before.paperCount(), "the damaged commit is not served");
            }
            UpdateResult r = store.update(w -> { }, UpdateProgress.NONE, false);
            assertTrue(r.rebuilt());
            assertEquals(413, r.papers());
        }
        assertNull(IndexStore.verifyChecksums(org.apache.lucene.store.FSDirectory.open(idx)));
    }

    @Test
    void flippedBytesInASegmentAfterAnUncleanStopAreDetected() throws IOException {
        Path idx = build();
        // An unclean stop leaves the writer's marker behind.
        Files.writeString(idx.resolve("papernotes.writer"), "12345");
        Path biggest = Files.list(idx).filter(p -> p.getFileName().toString().startsWith("_"))
                .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        flipByte(biggest, Files.size(biggest) / 3);
        try (IndexStore store = IndexStore.open(idx, List.of(TestCorpus.dir()), 16)) {
            assertNotNull(store.openNote());
            assertTrue(store.openNote().contains("checksums"), store.openNote());
            try (PaperIndex before = store.acquire()) {
                assertEquals(0, before.paperCount(), "the damaged commit is not served");
            }
            assertEquals(413, store.update(w -> { }, UpdateProgress.NONE, false).papers());
        }
        assertNull(IndexStore.verifyChecksums(org.apache.lucene.store.FSDirectory.open(idx)));
    }

    @Test
    void aCleanStopSkipsTheChecksumPass() throws IOException {
        Path idx = build();
        assertFalse(Files.exists(idx.resolve("papernotes.writer")));
        try (IndexStore store = IndexStore.open(idx, List.of(TestCorpus.dir()), 16)) {
            assertNull(store.openNote());
            try (PaperIndex p = store.acquire()) {
                assertEquals(413, p.paperCount());
            }
        }
    }

    /** A directory whose disk fills up after a budget of bytes. */
    private static final class FullDisk extends FilterDirectory {
        final AtomicLong budget = new AtomicLong(Long.MAX_VALUE);
        final AtomicBoolean full = new AtomicBoolean();

        FullDisk(Directory in) {
            super(in);
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            IndexOutput out = in.createOutput(name, context);
            return new IndexOutput(out.toString(), out.getName()) {
                @Override
                public void writeByte(byte b) throws IOException {
                    spend(1);
                    out.writeByte(b);
                }

                @Override
                public void writeBytes(byte[] b, int offset, int length) throws IOException {
                    spend(length);
                    out.writeBytes(b, offset, length);
                }

                private void spend(long n) throws IOException {
                    if (budget.addAndGet(-n) < 0) {
                        full.set(true);
                        throw new IOException("No space left on device");
                    }
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }

                @Override
                public long getFilePointer() {
                    return out.getFilePointer();
                }

                @Override
                public long getChecksum() throws IOException {
                    return out.getChecksum();
                }
            };
        }
    }

    @Test
    void aFullDiskDuringCommitLeavesThePreviousCommitAndTheStoreRecovers() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        for (Path f : Files.list(TestCorpus.dir()).toList()) {
            Files.copy(f, corpus.resolve(f.getFileName()));
        }
        Path idx = tmp.resolve("idx");
        FullDisk[] disk = new FullDisk[1];
        try (IndexStore store = IndexStore.open(idx, List.of(corpus), 16, d -> disk[0] = new FullDisk(d))) {
            store.update(w -> { }, UpdateProgress.NONE, false);
            // A new page arrives, and the disk fills up while it is being written.
            dev.papernotes.index.IndexDurabilityIT.writeSyntheticPages(corpus, 1, 300);
            disk[0].budget.set(50_000);
            assertThrows(IOException.class, () -> store.update(w -> { }, UpdateProgress.NONE, false));
            assertTrue(disk[0].full.get());
            try (PaperIndex p = store.acquire()) {
                assertEquals(413, p.paperCount(), "the previous commit is still served");
            }
            assertNull(IndexStore.verifyChecksums(disk[0]));
            // Space again: the next update succeeds with a fresh writer.
            disk[0].budget.set(Long.MAX_VALUE);
            assertEquals(713, store.update(w -> { }, UpdateProgress.NONE, false).papers());
        }
    }
}
