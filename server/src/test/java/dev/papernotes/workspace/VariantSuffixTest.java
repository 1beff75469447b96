package dev.papernotes.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VariantSuffixTest {
    /** Where the suffix after "X" ends in {@code text} ("X" at the start), or -1. */
    private static int after(String text) {
        return VariantSuffix.suffixEnd(text, 1, text.length());
    }

    @Test
    void versionsSizesAndProductWordsAreVariants() {
        assertEquals(3, after("X 2 is out"));
        assertEquals(5, after("X 1.5 is out"));
        assertEquals(4, after("X v3."));
        assertEquals(6, after("X 540B params"));
        assertEquals(6, after("X 1.3B"));
        assertEquals(5, after("X API"));
        assertEquals(7, after("X Turbo was"));
        assertEquals(3, after("X++ rocks"));
        assertEquals(7, after("X-large model"));
        assertEquals(7, after("X\u2011large model"));
        assertEquals(3, after("X^2: augmented"));
        assertEquals(3, after("X 2."));
        assertEquals(9, after("X 1.5/2.0** is"));
    }

    @Test
    void aNameThatStandsAloneIsNoVariant() {
        assertEquals(-1, after("X is good"));
        assertEquals(-1, after("X, Y and Z"));
        assertEquals(-1, after("X 2x faster"));
        assertEquals(-1, after("X 3% better"));
        assertEquals(-1, after("X 2-3 times"));
        assertEquals(-1, after("X-based methods"));
        assertEquals(-1, after("X api"));
        assertEquals(-1, after("X"));
        assertEquals(-1, after("X: a title"));
        assertEquals(-1, after("X 1/3 of it"));
        assertEquals(-1, after("X 2/x"));
    }
}
