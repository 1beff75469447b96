package dev.papernotes.names;

import java.util.List;

/**
 * Where the sentences of a tokenized text start and end, so that rules can ask about "the
 * sentence this token is in" without scanning for its boundaries each time.
 */
final class Sentences {
    private final int[] start;
    private final int[] end;

    Sentences(List<Token> tokens) {
        int n = tokens.size();
        start = new int[n];
        end = new int[n];
        int s = 0;
        for (int i = 0; i < n; i++) {
            start[i] = s;
            Token x = tokens.get(i);
            if ((!x.word() && x.sentenceEnd()) || i == n - 1) {
                for (int j = s; j <= i; j++) {
                    end[j] = i + 1;
                }
                s = i + 1;
            }
        }
    }

    /**
     * Index of the first token of the sentence holding token {@code k}, but at most
     * {@link #WINDOW} tokens back: rules look back within a sentence, and a text without full
     * stops must not make every look-back as long as the text.
     */
    int start(int k) {
        return Math.max(start[k], k - WINDOW);
    }

    /** The longest look-back within a sentence; real sentences of abstracts are shorter. */
    static final int WINDOW = 80;

    /** Index just after the last token of the sentence holding token {@code k}. */
    int end(int k) {
        return end[k];
    }
}
