package dev.papernotes.index;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which lower-cased link targets may be citekeys: the others skip the citekey lookup. */
class CitekeyShapeTest {
    @Test
    void lettersAndDigitsWithAnOptionalCollisionSuffix() {
        assertTrue(PaperIndex.couldBeCitekey("hidiffusion"));
        assertTrue(PaperIndex.couldBeCitekey("glm130b"));
        assertTrue(PaperIndex.couldBeCitekey("minimonkey-2"));
        assertTrue(PaperIndex.couldBeCitekey("minimonkey-12"));
        assertTrue(PaperIndex.couldBeCitekey("视觉模型"));
    }

    @Test
    void anythingElseIsNoCitekey() {
        assertFalse(PaperIndex.couldBeCitekey(""));
        assertFalse(PaperIndex.couldBeCitekey("mini-monkey"));
        assertFalse(PaperIndex.couldBeCitekey("griffon v2"));
        assertFalse(PaperIndex.couldBeCitekey("minimonkey-"));
        assertFalse(PaperIndex.couldBeCitekey("-2"));
        assertFalse(PaperIndex.couldBeCitekey("glm-130b"));
        assertFalse(PaperIndex.couldBeCitekey("a.b"));
    }
}
