package dev.papernotes.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpacesTest {
    @Test
    void runsOfAnySpaceBecomeOneAndTheEndsGo() {
        assertEquals("Attention Is All You Need", Spaces.collapse("  Attention Is\n  All\tYou\r\nNeed \n"));
        assertEquals("Griffon v2", Spaces.collapse("Griffon\u00a0v2"), "a no-break space is a space");
        assertEquals("", Spaces.collapse(null));
        assertEquals("", Spaces.collapse(" \n\t "));
    }

    @Test
    void textWithNothingToCollapseIsReturnedAsItIs() {
        String title = "Dragonfly: Multi-Resolution Zoom \u2014 na\u00efve 92.3% accuracy";
        assertSame(title, Spaces.collapse(title));
    }

    /** The fast path for text with nothing to collapse must answer as the character-by-character rule. */
    @Test
    void randomTextCollapsesAsTheCharacterRuleSays() {
        char[] alphabet = {'a', 'Z', '-', ' ', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u2028', '\u0001', '\u001f',
            '\u00e9', '\u4e2d', '\u200b', '\u007f', '\u0085'};
        Random random = new Random(15);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String s = sb.toString();
            assertEquals(reference(s), Spaces.collapse(s), () -> "for " + s.chars().mapToObj(Integer::toHexString).toList());
        }
    }

    @Test
    void everyCharacterIsASpaceExactlyWhenTheCharacterRuleSays() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String s = "a" + (char) c + "b";
            assertEquals(reference(s), Spaces.collapse(s), "U+" + Integer.toHexString(c));
        }
    }

    private static String reference(String s) {
        StringBuilder sb = new StringBuilder();
        boolean space = false;
        for (char c : s.toCharArray()) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
