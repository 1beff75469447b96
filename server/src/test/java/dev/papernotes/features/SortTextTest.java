package dev.papernotes.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SortTextTest {
    @Test
    void isTheFourDigitFormatForEveryRank() {
        for (int rank = -120; rank <= 20_000; rank++) {
            assertEquals(String.format("%04d", rank), SortText.of(rank), "rank " + rank);
        }
        assertEquals(String.format("%04d", Integer.MAX_VALUE), SortText.of(Integer.MAX_VALUE));
        assertEquals(String.format("%04d", Integer.MIN_VALUE), SortText.of(Integer.MIN_VALUE));
    }

    @Test
    void sortsAsTextAsTheRanksDoAsNumbers() {
        for (int rank = 0; rank < 9999; rank++) {
            assertEquals(-1, Integer.signum(SortText.of(rank).compareTo(SortText.of(rank + 1))), "rank " + rank);
        }
    }
}
