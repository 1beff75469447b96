package dev.papernotes.features;

import dev.papernotes.index.MentionDictionary;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.index.Suggester.Scope;
import java.io.IOException;

/**
 * A name of several words typed in prose: after "Swin T" the word being typed is "T", but what is
 * being typed is "Swin Transformer V2". The words before the cursor's word count when, with it, they
 * begin a name or title the corpus writes (a walk of the mention dictionary, no search).
 */
final class ProseNames {
    /** Words before the cursor's word that may belong to the same name. */
    private static final int EARLIER_WORDS = 3;

    private ProseNames() {
    }

    /**
     * The prose context widened to the first of the earlier words that, with what follows up to the
     * cursor, begins an entry of the mention dictionary; {@code c} itself when none does.
     *
     * @param lineStart where the cursor's line starts: a name does not run over lines
     */
    static CompletionContext widen(PaperIndex index, String text, CompletionContext c, int lineStart)
            throws IOException {
        MentionDictionary names = index.mentions();
        if (c.scope() != Scope.PROSE || names == null) {
            return c;
        }
        int[] starts = new int[EARLIER_WORDS];
        int n = 0;
        int i = c.start();
        while (n < EARLIER_WORDS) {
            int gap = i;
            while (gap > lineStart && (text.charAt(gap - 1) == ' ' || text.charAt(gap - 1) == '\t')) {
                gap--;
            }
            if (gap == i || gap == lineStart) {
                break;
            }
            int w = gap;
            while (w > lineStart && CompletionContext.isWordChar(text.charAt(w - 1))) {
                w--;
            }
            if (w == gap || !Character.isLetterOrDigit(text.charAt(w))) {
                break; // punctuation, a link or code before: the name cannot start earlier
            }
            starts[n++] = w;
            i = w;
        }
        MentionDictionary.Walker walker = names.walker();
        for (int k = n - 1; k >= 0; k--) {
            if (walker.startsAnEntry(text, starts[k], c.cursor())) {
                String typed = text.substring(starts[k], c.cursor()).replaceAll("[ \\t]+", " ");
                return new CompletionContext(Scope.PROSE, typed, starts[k], c.cursor(), c.replaceEnd(), false);
            }
        }
        return c;
    }
}
