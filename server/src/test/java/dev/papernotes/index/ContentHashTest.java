package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash that tells a corpus file rewritten as it was from one that changed at the same size. */
class ContentHashTest {
    @TempDir
    Path tmp;

    @Test
    void aFileReadInAnyMannerHashesAsTheWholeFile() throws IOException {
        Random random = new Random(15);
        for (int round = 0; round < 50; round++) {
            byte[] bytes = new byte[random.nextInt(200_000)];
            random.nextBytes(bytes);
            Path file = Files.write(tmp.resolve("f" + round), bytes);
            String expected = ContentHash.of(file);
            try (ContentHash in = new ContentHash(new ByteArrayInputStream(bytes))) {
                // A reader that takes single bytes, buffers, skips, and stops before the end.
                int stop = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                int at = 0;
                while (at < stop) {
                    switch (random.nextInt(3)) {
                        case 0 -> at += in.read() >= 0 ? 1 : 0;
                        case 1 -> at += Math.max(0, in.read(new byte[4096], 0, Math.min(4096, stop - at)));
                        default -> at += (int) in.skip(Math.min(random.nextInt(1000), stop - at));
                    }
                }
                assertEquals(expected, in.whole(), "round " + round);
            }
        }
    }

    @Test
    void oneByteChangedAtTheSameSizeIsAnotherHash() throws IOException {
        byte[] bytes = "@article{a, title={Lanterns over Tabular Benchmarks}}\n".getBytes();
        String before = ContentHash.of(Files.write(tmp.resolve("a.bib"), bytes));
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x20;
            assertNotEquals(before, ContentHash.of(Files.write(tmp.resolve("a.bib"), changed)), "byte " + i);
        }
        assertEquals(before, ContentHash.of(Files.write(tmp.resolve("a.bib"), bytes)));
        assertTrue(before.startsWith("crc32c+crc32:"), before);
    }
}
