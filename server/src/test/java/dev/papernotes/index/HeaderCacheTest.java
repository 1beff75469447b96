package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Headers kept as bytes in a ring: what comes back is what was put, and what is recent stays. */
class HeaderCacheTest {
    private static final int CAPACITY = 1 << 16;

    @Test
    void whatComesBackIsTheLastHeaderPutAndTheRecentOnesAreThere() {
        Random random = new Random(20261203);
        for (int round = 0; round < 8; round++) {
            HeaderCache cache = new HeaderCache(CAPACITY);
            Map<Integer, PaperHeader> last = new HashMap<>();
            Deque<int[]> recent = new ArrayDeque<>(); // doc, encoded length, newest first
            int docRange = 1 + random.nextInt(random.nextBoolean() ? 50 : 20_000);
            for (int op = 0; op < 6_000; op++) {
                int doc = random.nextInt(docRange);
                if (random.nextInt(3) == 0) {
                    PaperHeader h = cache.get(doc);
                    if (h != null) {
                        assertEquals(last.get(doc), h, "doc " + doc);
                    }
                    continue;
                }
                PaperHeader h = header(random, doc);
                cache.put(doc, h);
                last.put(doc, h);
                recent.addFirst(new int[] {doc, h.encode().length});
                if (op % 7 != 0) {
                    continue;
                }
                // Whatever was put within the last quarter of the ring's bytes is there, as put.
                long bytes = 0;
                for (int[] r : recent) {
                    bytes += r[1];
                    if (bytes > CAPACITY / 4) {
                        break;
                    }
                    assertEquals(last.get(r[0]), cache.get(r[0]), "recent doc " + r[0] + " after op " + op);
                }
                while (recent.size() > 2_000) {
                    recent.removeLast();
                }
            }
        }
    }

    @Test
    void nothingIsLostBeforeTheRingIsFull() {
        Random random = new Random(7);
        HeaderCache cache = new HeaderCache(CAPACITY);
        Map<Integer, PaperHeader> put = new HashMap<>();
        long bytes = 0;
        for (int doc = 0; ; doc++) {
            PaperHeader h = header(random, doc);
            if (bytes + h.encode().length > CAPACITY) {
                break;
            }
            bytes += h.encode().length;
            cache.put(doc, h);
            put.put(doc, h);
        }
        assertTrue(put.size() > 100, "entries: " + put.size());
        put.forEach((doc, h) -> assertEquals(h, cache.get(doc), "doc " + doc));
    }

    @Test
    void aHeaderAskedForKeepsItsPlaceWhileTheRestComeAndGo() {
        Random random = new Random(11);
        HeaderCache cache = new HeaderCache(CAPACITY);
        PaperHeader hot = header(random, 7);
        cache.put(7, hot);
        PaperHeader once = header(random, 8);
        cache.put(8, once);
        for (int doc = 100; doc < 40_000; doc++) {
            cache.put(doc, header(random, doc));
            if (doc % 50 == 0) {
                assertEquals(hot, cache.get(7), "after doc " + doc);
            }
        }
        assertNull(cache.get(8), "a header nobody asked for again is overwritten");
        assertEquals(hot, cache.get(7));
    }

    @Test
    void aHeaderTooLongToKeepIsReadAgainNotCutShort() {
        HeaderCache cache = new HeaderCache(CAPACITY);
        PaperHeader huge = new PaperHeader("p1", "T".repeat(70_000), List.of("Name"), "key2024",
                Path.of("/c/page.md"), 3);
        cache.put(1, huge);
        assertNull(cache.get(1));
        PaperHeader small = new PaperHeader("p2", "Title", List.of(), "", Path.of("/c/page.md"), 4);
        cache.put(2, small);
        assertNotNull(cache.get(2));
        assertThrows(IllegalArgumentException.class, () -> new HeaderCache(1000));
    }

    @Test
    void aHeaderDecodedFromItsBytesIsTheHeaderEncoded() {
        Random random = new Random(5);
        for (int i = 0; i < 5_000; i++) {
            PaperHeader h = header(random, random.nextInt(Integer.MAX_VALUE));
            if (random.nextInt(20) == 0) {
                h = new PaperHeader(h.id(), h.title(), h.methods(), h.citekey(), h.firstFile(), Integer.MAX_VALUE,
                        h.firstAuthor(), h.moreAuthors(), h.year(), h.venue(), 1_000_000_000 + i, h.firstHandle());
            }
            BytesRef bytes = h.encode();
            byte[] padded = new byte[bytes.length + 10];
            System.arraycopy(bytes.bytes, bytes.offset, padded, 3, bytes.length);
            assertEquals(h, PaperHeader.decode(padded, 3, bytes.length));
            assertEquals(h, PaperHeader.decode(bytes));
        }
        byte[] cut = new PaperHeader("p1", "T", List.of(), "", Path.of("/c/a.md"), 2).encode().bytes;
        assertThrows(IllegalArgumentException.class, () -> PaperHeader.decode(cut, 0, 10));
    }

    private static PaperHeader header(Random random, int doc) {
        int names = random.nextInt(3);
        String[] methods = new String[names];
        for (int i = 0; i < names; i++) {
            methods[i] = word(random, 2 + random.nextInt(10)) + (random.nextInt(4) == 0 ? "-ß" : "");
        }
        StringBuilder title = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(random.nextInt(10) == 0 ? 120 : 14); i < n; i++) {
            title.append(i == 0 ? "" : " ").append(word(random, 1 + random.nextInt(12)));
        }
        if (random.nextInt(10) == 0) {
            title.append(" — 深度学习 😀");
        }
        return new PaperHeader("2411." + doc, title.toString(), List.of(methods),
                random.nextBoolean() ? word(random, 5) + "2024" : "",
                Path.of("/corpus/page-" + random.nextInt(500) + ".md"), 1 + random.nextInt(900),
                random.nextBoolean() ? word(random, 6) : "", random.nextBoolean(), random.nextBoolean() ? "2024" : "",
                random.nextInt(5) == 0 ? "NeurIPS" : "", 1 + random.nextInt(3),
                random.nextInt(8) == 0 ? word(random, 8) : "");
    }

    private static String word(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
