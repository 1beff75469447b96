package dev.papernotes.names;

import java.util.Arrays;
import java.util.List;

/**
 * One pass over a tokenized text that the rules share: where each sentence starts and ends, where
 * the brackets and a few trigger words are, and the words by their first letter. Each rule then
 * visits the few places it cares about instead of the whole text again; extraction has to stay
 * as cheap as it was before these rules (issue 13).
 */
final class Sentences {
    private final int[] start;
    private final int[] end;

    /**
     * Word tokens by the lower-cased first letter or digit of their text (ASCII), as chains: the
     * first word of each initial, and for each word the next one with the same initial (-1 ends).
     */
    private final int[] head = new int[36];
    private final int[] nextSame;

    private int[] opens = new int[8];
    private int openCount;
    private int[] triggers = new int[4];
    private int triggerCount;

    Sentences(List<Token> tokens) {
        int n = tokens.size();
        start = new int[n];
        end = new int[n];
        nextSame = new int[n];
        Arrays.fill(head, -1);
        int[] last = new int[36];
        int s = 0;
        for (int i = 0; i < n; i++) {
            start[i] = s;
            Token x = tokens.get(i);
            if (x.word()) {
                String w = x.lower();
                int b = initial(w);
                if (b >= 0) {
                    nextSame[i] = -1;
                    if (head[b] < 0) {
                        head[b] = i;
                    } else {
                        nextSame[last[b]] = i;
                    }
                    last[b] = i;
                }
                if (isTrigger(w)) {
                    triggers = add(triggers, triggerCount++, i);
                }
            } else if (x.is("(")) {
                opens = add(opens, openCount++, i);
            }
            if ((!x.word() && x.sentenceEnd()) || i == n - 1) {
                for (int j = s; j <= i; j++) {
                    end[j] = i + 1;
                }
                s = i + 1;
            }
        }
    }

    /**
     * Words some rule starts from: "resulting", "final", "novel", "new", "newly"
     * ({@link UncuedNameRule}) and "named", "called", "dubbed", "termed", "coined"
     * ({@link OtherHalfRule}).
     */
    private static boolean isTrigger(String w) {
        switch (w.length()) {
            case 3:
                return w.equals("new");
            case 5:
                return w.equals("novel") || w.equals("final") || w.equals("newly") || w.equals("named");
            case 6:
                return w.equals("called") || w.equals("dubbed") || w.equals("termed") || w.equals("coined");
            case 9:
                return w.equals("resulting");
            default:
                return false;
        }
    }

    private static int[] add(int[] a, int at, int value) {
        int[] b = at == a.length ? Arrays.copyOf(a, a.length * 2) : a;
        b[at] = value;
        return b;
    }

    /** Bucket of a lower-case text by its first character: a-z, 0-9, or -1. */
    static int initial(String lower) {
        if (lower.isEmpty()) {
            return -1;
        }
        char c = lower.charAt(0);
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        return c >= '0' && c <= '9' ? 26 + c - '0' : -1;
    }

    /**
     * Indexes of the word tokens whose lower-cased text starts with the same ASCII letter or digit
     * as {@code lower}, in text order; null when that character is no ASCII letter or digit (then
     * callers look at every word).
     */
    int[] wordsStartingLike(String lower) {
        int bucket = initial(lower);
        if (bucket < 0) {
            return null;
        }
        int count = 0;
        for (int i = head[bucket]; i >= 0; i = nextSame[i]) {
            count++;
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = head[bucket]; i >= 0; i = nextSame[i]) {
            out[k++] = i;
        }
        return out;
    }

    /** Indexes of the "(" tokens, in text order. */
    int[] opens() {
        return Arrays.copyOf(opens, openCount);
    }

    /** Indexes of the trigger words (see {@link #isTrigger}), in text order. */
    int[] triggers() {
        return Arrays.copyOf(triggers, triggerCount);
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
