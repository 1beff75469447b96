package dev.papernotes.workspace;

import java.util.List;
import java.util.Random;

/**
 * Random notes and edits of them, for tests that compare a fast path with a plain one: what is kept
 * from version to version with what is worked out from nothing (a piece typed somewhere, or a few
 * characters deleted), a hand-written scan with what it replaced.
 */
final class RandomEdits {
    private final Random random;
    private final List<String> pieces;
    private final int deleteOneIn;
    private final int longestDelete;
    private final int maxLength;
    private final int cut;

    /**
     * @param deleteOneIn   one edit in this many deletes (when there is text)
     * @param longestDelete at most this many characters deleted at once
     * @param maxLength     a note longer than this loses its first {@code cut} characters
     */
    RandomEdits(Random random, List<String> pieces, int deleteOneIn, int longestDelete, int maxLength, int cut) {
        this.random = random;
        this.pieces = pieces;
        this.deleteOneIn = deleteOneIn;
        this.longestDelete = longestDelete;
        this.maxLength = maxLength;
        this.cut = cut;
    }

    /** A text of fewer than {@code bound} characters, each drawn from {@code alphabet}. */
    static String text(Random random, String alphabet, int bound) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(bound); i > 0; i--) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    void edit(StringBuilder text) {
        int at = random.nextInt(text.length() + 1);
        if (random.nextInt(deleteOneIn) == 0 && text.length() > 0) {
            text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(longestDelete)));
        } else {
            text.insert(at, pieces.get(random.nextInt(pieces.size())));
        }
        if (text.length() > maxLength) {
            text.delete(0, cut);
        }
    }
}
