package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyFilterTest {
    @Test
    void everyKeyAddedIsFoundAndFewOthersAre() {
        Random random = new Random(15);
        KeyFilter filter = KeyFilter.ofBytes(1 << 16); // 512k bits
        long[] added = new long[50_000];
        for (int i = 0; i < added.length; i++) {
            added[i] = LongIntTable.hash("paper " + random.nextLong());
            filter.add(added[i]);
        }
        for (long k : added) {
            assertTrue(filter.mightContain(k));
        }
        int falseHits = 0;
        for (int i = 0; i < 100_000; i++) {
            if (filter.mightContain(LongIntTable.hash("other " + random.nextLong()))) {
                falseHits++;
            }
        }
        // about 10 bits a key, 4 hashes: 1.2 % expected
        assertTrue(falseHits < 2_500, "false hits: " + falseHits);
        assertEquals(1 << 16, filter.bytes());
        assertEquals(added.length, filter.added());
    }

    @Test
    void itsSizeIsFixedWhateverIsAdded() {
        KeyFilter filter = KeyFilter.ofBytes(1 << 10);
        for (long i = 1; i <= 1_000_000; i++) {
            filter.add(i * 0x9e3779b97f4a7c15L);
        }
        assertEquals(1 << 10, filter.bytes());
        assertTrue(filter.mightContain(0x9e3779b97f4a7c15L));
        assertFalse(filter.mightContain(0), "0 is no key");
    }
}
