package dev.papernotes.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LineIndexTest {
    private static void assertSameLines(LineIndex expected, LineIndex actual, String what) {
        assertEquals(expected.lineCount(), actual.lineCount(), what);
        for (int l = 0; l < expected.lineCount(); l++) {
            assertEquals(expected.lineStart(l), actual.lineStart(l), what + " line " + l);
            assertEquals(expected.lineEnd(l), actual.lineEnd(l), what + " line " + l);
        }
    }

    @Test
    void anEditThatSplitsOrJoinsACarriageReturnAndLineFeed() {
        String text = "one\r\ntwo\rthree\nfour";
        // Typing between \r and \n makes two line ends of one.
        String split = "one\rX\ntwo\rthree\nfour";
        assertSameLines(new LineIndex(split), new LineIndex(text).edited(split, 4, 4, 1), "split");
        // Deleting the character between \r and \n makes one line end of two.
        assertSameLines(new LineIndex(text), new LineIndex(split).edited(text, 4, 5, 0), "join");
        // A \n typed right after a bare \r.
        String joined = "one\r\ntwo\r\nthree\nfour";
        assertSameLines(new LineIndex(joined), new LineIndex(text).edited(joined, 9, 9, 1), "after \\r");
    }

    /** Any edit of any text: the edited index is the one made from the new text. */
    @Test
    void editedAgreesWithIndexingTheNewText() {
        Random r = new Random(20261130);
        String alphabet = "ab\r\n\n\r é";
        for (int round = 0; round < 20_000; round++) {
            String text = random(r, alphabet, r.nextInt(24));
            int start = r.nextInt(text.length() + 1);
            int end = start + r.nextInt(text.length() - start + 1);
            String inserted = random(r, alphabet, r.nextInt(5));
            String next = text.substring(0, start) + inserted + text.substring(end);
            String what = "\"" + text.replace("\r", "\\r").replace("\n", "\\n") + "\" [" + start + "," + end + ") <- \""
                    + inserted.replace("\r", "\\r").replace("\n", "\\n") + "\"";
            assertSameLines(new LineIndex(next), new LineIndex(text).edited(next, start, end, inserted.length()), what);
        }
    }

    /** The end of an offset's line, looked up, is where a scan from the offset stops. */
    @Test
    void theEndOfTheLineHoldingAnOffsetIsWhereAScanStops() {
        Random r = new Random(20261203);
        String alphabet = "ab\r\n\n\r é";
        for (int round = 0; round < 5_000; round++) {
            String text = random(r, alphabet, r.nextInt(30));
            LineIndex lines = new LineIndex(text);
            for (int offset = 0; offset <= text.length(); offset++) {
                if (offset > 0 && offset < text.length() && text.charAt(offset - 1) == '\r' && text.charAt(offset) == '\n') {
                    continue; // inside a line end: no name ends there
                }
                int at = offset;
                assertEquals(Lines.end(text, offset), lines.lineEndAt(offset),
                        () -> "\"" + text.replace("\r", "\\r").replace("\n", "\\n") + "\" at " + at);
            }
        }
    }

    private static String random(Random r, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
