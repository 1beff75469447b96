package dev.papernotes.names;

import java.util.ArrayList;
import java.util.List;

/**
 * An acronym defined in running text: {@code Tiny Time Mixers (TTMs)},
 * {@code Hierarchically Pruned Attention (HiP)}, or in lower case, {@code key-value (KV)}.
 * Matching is the Schwartz–Hearst algorithm (PSB 2003): walk the short form's letters and digits
 * from the right and find each, in order, in the words before it; the first must start a word.
 * A digit may stand for a word, as in {@code T2T} (Tokens-To-Token) or {@code LLM4SGG}.
 *
 * @param longForm the written-out words
 * @param shortForm the abbreviation in the parenthesis
 * @param first index of the token the long form starts at
 * @param open index of the "(" token
 */
record AcronymDefinition(String longForm, String shortForm, int first, int open) {

    /** Whether the long form is written like a name ("Adaptive Sparse Trainer") or a term ("key-value"). */
    boolean titleCased() {
        return NameShape.isTitleCased(longForm);
    }

    /**
     * A long form whose last word ends in a lower-case hyphen part describes a thing rather than
     * names it: "Creative-Commons-licensed (CC) images", "Transformer-based (TB) models".
     */
    static boolean endsAsModifier(String longForm) {
        return NameShape.endsInLowerCasePart(longForm.substring(longForm.lastIndexOf(' ') + 1));
    }

    /** Every "words (SHORT)" in {@code tokens} whose short form abbreviates the words. */
    static List<AcronymDefinition> findAll(List<Token> tokens) {
        return findAll(tokens, new Sentences(tokens));
    }

    /** As above, visiting only the brackets {@code sentences} has found. */
    static List<AcronymDefinition> findAll(List<Token> tokens, Sentences sentences) {
        List<AcronymDefinition> defs = new ArrayList<>();
        for (int open : sentences.opens()) {
            int i = open + 1;
            if (i < 2 || i + 1 >= tokens.size() || !tokens.get(i + 1).is(")") || !tokens.get(i).word()) {
                continue;
            }
            String shortForm = tokens.get(i).text();
            if (!NameShape.isShortFormShape(shortForm)) {
                continue;
            }
            List<String> words = new ArrayList<>();
            for (int k = i - 2; k >= 0 && tokens.get(k).word() && words.size() < 2 * NameShape.MAX_NAME_WORDS; k--) {
                words.add(0, tokens.get(k).text());
            }
            int start = extendedStart(words, shortForm);
            if (start >= 0) {
                defs.add(new AcronymDefinition(String.join(" ", words.subList(start, words.size())), shortForm,
                        i - 1 - words.size() + start, i - 1));
            }
        }
        return defs;
    }

    /**
     * As {@link #longFormStart}, then moved left over capitalized words that belong to the name:
     * for {@code Vision Transformer in Convolution (TiC)} the algorithm alone finds only
     * "Transformer in Convolution".
     */
    static int extendedStart(List<String> words, String shortForm) {
        int start = longFormStart(words, shortForm);
        if (start < 0) {
            return -1;
        }
        start = OwnDefinitionRule.initialsStart(words, start, shortForm);
        while (start > 0 && words.size() - start < NameShape.MAX_NAME_WORDS
                && NameShape.isNameWord(words.get(start - 1)) && NameShape.isCapitalized(words.get(start))
                && !NOT_NAME_STARTS.contains(NameShape.lower(words.get(start - 1)))) {
            start--;
        }
        return start;
    }

    /** Capitalized only because they start a sentence: "Existing Blind Super-Resolution (BSR)". */
    private static final java.util.Set<String> NOT_NAME_STARTS = NameShape.words(
            "existing", "recent", "current", "traditional", "previous", "conventional", "standard", "classic",
            "classical", "modern", "popular", "typical", "most", "many", "some", "these", "such", "prior",
            "early", "earlier", "state-of-the-art", "mainstream", "common", "general", "generic", "various",
            "original", "vanilla", "specifically", "moreover", "however", "unlike", "although", "while");

    /**
     * The index in {@code words} (all words before the parenthesis, the last one adjacent to it)
     * of the first word of the long form that {@code shortForm} abbreviates, or -1 when it does not
     * abbreviate them. At most min(|short|+5, 2|short|) words are considered, as in the original.
     */
    static int longFormStart(List<String> words, String shortForm) {
        int start = match(words, shortForm, false);
        return start >= 0 ? start : match(words, shortForm, true);
    }

    private static int match(List<String> words, String shortForm, boolean digitsAsWords) {
        int letters = 0;
        boolean digits = false;
        for (int i = 0; i < shortForm.length(); i++) {
            char c = shortForm.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                letters++;
                digits |= Character.isDigit(c);
            }
        }
        if (letters < 2 || words.isEmpty() || (digitsAsWords && !digits)) {
            return -1;
        }
        int window = Math.min(letters + 5, letters * 2);
        int from = Math.max(0, words.size() - window);
        // Join the window and remember which word each character belongs to.
        int length = 0;
        for (int w = from; w < words.size(); w++) {
            length += words.get(w).length() + 1;
        }
        if (length > 60 * window) {
            return -1; // absurdly long "words": not prose
        }
        StringBuilder text = new StringBuilder(length);
        int[] wordAt = new int[length + 1];
        for (int w = from; w < words.size(); w++) {
            if (text.length() > 0) {
                append(text, ' ', w, wordAt);
            }
            String word = words.get(w);
            for (int i = 0; i < word.length(); i++) {
                append(text, word.charAt(i), w, wordAt);
            }
            if (text.length() > 60 * window) {
                return -1; // absurdly long "words": not prose
            }
        }
        String lowerText = lowerChars(text);
        if (lowerText.contains(lowerChars(shortForm))) {
            return -1; // a long form containing its own short form: "Adaptive Logarithm AdaLog (AdaLog)"
        }
        int first = firstLetterOrDigit(shortForm);
        int s = shortForm.length() - 1;
        int l = text.length() - 1;
        while (s >= 0) {
            char c = Character.toLowerCase(shortForm.charAt(s));
            if (!Character.isLetterOrDigit(c)) {
                s--;
                continue;
            }
            if (digitsAsWords && c == '2') {
                c = 't'; // "to"
            } else if (digitsAsWords && c == '4') {
                c = 'f'; // "for"
            }
            boolean isFirst = s == first;
            // the first character must start a word (after a blank, not after a hyphen)
            while (l >= 0 && (lowerText.charAt(l) != c || (isFirst && l > 0 && text.charAt(l - 1) != ' '))) {
                l--;
            }
            if (l < 0) {
                return -1;
            }
            if (isFirst) {
                return wordAt[l];
            }
            l--;
            s--;
        }
        return -1;
    }

    /** Lower case char by char, so that indexes keep pointing at the same characters. */
    private static String lowerChars(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            sb.append(Character.toLowerCase(s.charAt(i)));
        }
        return sb.toString();
    }

    private static void append(StringBuilder text, char c, int word, int[] wordAt) {
        if (text.length() < wordAt.length) {
            wordAt[text.length()] = word;
        }
        text.append(c);
    }

    private static int firstLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
