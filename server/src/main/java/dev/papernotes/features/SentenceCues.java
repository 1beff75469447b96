package dev.papernotes.features;

/**
 * Whether a sentence of an abstract says what the paper proposes ("we propose", "this paper
 * introduces", "dubbed X") or what it finds ("results show", "outperforms", "3.5% faster"), read in
 * one pass over its words. It answers as the case-insensitive patterns it replaced did (kept as the
 * oracle in {@code SentenceCuesTest}), which tried every position of the sentence and were most of
 * a hover's own work on a paper described the first time.
 */
final class SentenceCues {
    private static final String[] VERBS = {"propose", "introduce", "present", "develop", "design", "build", "release",
        "describe", "study", "explore", "investigate", "show", "offer", "provide", "curate", "construct"};
    private static final WordSet SUBJECT_NOUNS_OF_THIS = new WordSet("paper", "work", "report", "study");
    private static final WordSet SUBJECT_NOUNS_OF_OUR = new WordSet("work", "paper");
    private static final WordSet NAMING = new WordSet("called", "dubbed", "named", "termed");
    private static final WordSet FINDING = new WordSet("result", "results", "experiment", "experiments", "evaluation",
            "evaluations", "show", "shows", "demonstrate", "demonstrates", "achieve", "achieves", "outperform",
            "outperforms", "improve", "improves", "surpass", "surpasses", "sota", "reduce", "reduces", "reducing",
            "speedup", "faster", "accuracy", "find", "finds", "found");

    private SentenceCues() {
    }

    /** "We (also) propose…", "this paper presents…", "our work studies…", "called/dubbed/named/termed", "we then/further". */
    static boolean proposes(String sentence) {
        // An array, not String.charAt: the launchers run C1, which calls charAt (and its index
        // check) for each character of a sentence with one non-Latin-1 letter in it.
        char[] s = sentence.toCharArray();
        int n = s.length;
        for (int i = 0; i < n; ) {
            if (!isWordAt(s, i)) {
                i++;
                continue;
            }
            int end = wordEnd(s, i);
            if (NAMING.contains(s, i, end)) {
                return true;
            }
            int verbAt = -1;
            if (isWord(s, i, end, "we")) {
                if (followedBy(s, end, "then") || followedBy(s, end, "further")) {
                    return true;
                }
                verbAt = end;
            } else {
                boolean isThis = isWord(s, i, end, "this");
                if ((isThis || isWord(s, i, end, "our")) && end < n && s[end] == ' ') {
                    int nounEnd = wordEnd(s, end + 1);
                    if ((isThis ? SUBJECT_NOUNS_OF_THIS : SUBJECT_NOUNS_OF_OUR).contains(s, end + 1, nounEnd)) {
                        verbAt = nounEnd;
                    }
                }
            }
            if (verbAt >= 0 && verbFollows(s, verbAt)) {
                return true;
            }
            i = end;
        }
        return false;
    }

    /** A finding word ("results", "outperforms", "state-of-the-art", "speed-up"), or a number with %, x or ×. */
    static boolean finds(String sentence) {
        char[] s = sentence.toCharArray();
        int n = s.length;
        for (int i = 0; i < n; ) {
            char c = s[i];
            if (isDigit(c) && numberWithUnit(s, i)) {
                return true;
            }
            if (!isWordAt(s, i)) {
                i++;
                continue;
            }
            int end = wordEnd(s, i);
            if (FINDING.contains(s, i, end)
                    || isWord(s, i, end, "state") && regionIs(s, end, "-of-the-art") && !isWordAt(s, end + 11)
                    || isWord(s, i, end, "speed") && regionIs(s, end, "-up") && !isWordAt(s, end + 3)) {
                return true;
            }
            // a number inside a word ("4x" in "gpt4x") is looked at too
            for (int j = i + 1; j < end; j++) {
                if (isDigit(s[j]) && !isDigit(s[j - 1]) && numberWithUnit(s, j)) {
                    return true;
                }
            }
            i = end;
        }
        return false;
    }

    /**
     * Lower-case ASCII words, asked about a word of a sentence in place: by its length and first
     * letter, then letter by letter with ASCII case ignored (no string made of each word).
     */
    private static final class WordSet {
        /** [length][first letter - 'a'] → the words of that length and first letter, or null. */
        private final String[][][] table;

        WordSet(String... words) {
            int longest = 0;
            for (String w : words) {
                longest = Math.max(longest, w.length());
            }
            table = new String[longest + 1][26][];
            for (String w : words) {
                String[] old = table[w.length()][w.charAt(0) - 'a'];
                String[] grown = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
                grown[grown.length - 1] = w;
                table[w.length()][w.charAt(0) - 'a'] = grown;
            }
        }

        boolean contains(char[] s, int from, int to) {
            int length = to - from;
            if (length == 0 || length >= table.length) {
                return false;
            }
            int first = lowerAscii(s[from]) - 'a';
            if (first < 0 || first >= 26) {
                return false;
            }
            String[] candidates = table[length][first];
            if (candidates == null) {
                return false;
            }
            for (String w : candidates) {
                if (regionIs(s, from, w)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Whether the word {@code s[from, to)} is {@code lower} (ASCII, lower case), ASCII case ignored. */
    private static boolean isWord(char[] s, int from, int to, String lower) {
        return to - from == lower.length() && regionIs(s, from, lower);
    }

    /** Lower case in ASCII only, as a case-insensitive pattern compares (no Unicode case folding). */
    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** Digits at {@code i} (then maybe "." and digits), spaces, then %, × or an x that ends a word. */
    private static boolean numberWithUnit(char[] s, int i) {
        int j = digitsEnd(s, i);
        if (unitAfter(s, j)) {
            return true;
        }
        if (j + 1 < s.length && s[j] == '.' && isDigit(s[j + 1])) {
            return unitAfter(s, digitsEnd(s, j + 1));
        }
        return false;
    }

    private static boolean unitAfter(char[] s, int j) {
        while (j < s.length && isSpace(s[j])) {
            j++;
        }
        if (j >= s.length) {
            return false;
        }
        char c = s[j];
        return c == '%' || c == '×' || (c == 'x' || c == 'X') && !isWordAt(s, j + 1);
    }

    /** After a subject: spaces, "also" and spaces maybe, then a verb's first letters. */
    private static boolean verbFollows(char[] s, int at) {
        int j = spacesEnd(s, at);
        if (j == at) {
            return false;
        }
        if (regionIs(s, j, "also")) {
            int k = spacesEnd(s, j + 4);
            if (k > j + 4 && startsWithVerb(s, k)) {
                return true;
            }
        }
        return startsWithVerb(s, j);
    }

    private static boolean startsWithVerb(char[] s, int at) {
        for (String v : VERBS) {
            if (regionIs(s, at, v)) {
                return true;
            }
        }
        return false;
    }

    /** " then" / " further" as a word after "we", one space between. */
    private static boolean followedBy(char[] s, int end, String word) {
        return end < s.length && s[end] == ' ' && regionIs(s, end + 1, word)
                && !isWordAt(s, end + 1 + word.length());
    }

    /** Whether {@code s} has {@code lower} (ASCII, lower case) at {@code at}, ASCII case ignored. */
    private static boolean regionIs(char[] s, int at, String lower) {
        if (at + lower.length() > s.length) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            if (lowerAscii(s[at + k]) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int wordEnd(char[] s, int i) {
        while (isWordAt(s, i)) {
            i++;
        }
        return i;
    }

    private static int digitsEnd(char[] s, int i) {
        while (i < s.length && isDigit(s[i])) {
            i++;
        }
        return i;
    }

    private static int spacesEnd(char[] s, int i) {
        while (i < s.length && isSpace(s[i])) {
            i++;
        }
        return i;
    }

    /** A word character as {@code \b} sees it: a letter or digit (code points, not halves of one) or {@code _}. */
    private static boolean isWordAt(char[] s, int i) {
        if (i >= s.length) {
            return false;
        }
        char c = s[i];
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }
        if (Character.isSurrogate(c)) {
            return Character.isLetterOrDigit(Character.isHighSurrogate(c) ? Character.codePointAt(s, i)
                    : Character.codePointBefore(s, i + 1));
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \s}: space, tab, line breaks, form feed, vertical tab. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }
}
