package dev.papernotes.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpacesTest {
    @Test
    void runsOfAnySpaceBecomeOneAndTheEndsGo() {
        assertEquals("Attention Is All You Need", Spaces.collapse("  Attention Is\n  All\tYou\r\nNeed \n"));
        assertEquals("Griffon v2", Spaces.collapse("Griffon\u00a0v2"), "a no-break space is a space");
        assertEquals("", Spaces.collapse(null));
        assertEquals("", Spaces.collapse(" \n\t "));
    }
}
