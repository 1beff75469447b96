package dev.papernotes.features;

import java.util.Set;

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
    private static final Set<String> SUBJECT_NOUNS_OF_THIS = Set.of("paper", "work", "report", "study");
    private static final Set<String> SUBJECT_NOUNS_OF_OUR = Set.of("work", "paper");
    private static final Set<String> NAMING = Set.of("called", "dubbed", "named", "termed");
    private static final Set<String> FINDING = Set.of("result", "results", "experiment", "experiments", "evaluation",
            "evaluations", "show", "shows", "demonstrate", "demonstrates", "achieve", "achieves", "outperform",
            "outperforms", "improve", "improves", "surpass", "surpasses", "sota", "reduce", "reduces", "reducing",
            "speedup", "faster", "accuracy", "find", "finds", "found");

    private SentenceCues() {
    }

    /** "We (also) propose…", "this paper presents…", "our work studies…", "called/dubbed/named/termed", "we then/further". */
    static boolean proposes(String s) {
        int n = s.length();
        for (int i = 0; i < n; ) {
            if (!isWordAt(s, i)) {
                i++;
                continue;
            }
            int end = wordEnd(s, i);
            String w = lowerAscii(s, i, end);
            if (NAMING.contains(w)) {
                return true;
            }
            int verbAt = -1;
            if (w.equals("we")) {
                if (followedBy(s, end, "then") || followedBy(s, end, "further")) {
                    return true;
                }
                verbAt = end;
            } else if ((w.equals("this") || w.equals("our")) && end < n && s.charAt(end) == ' ') {
                int nounEnd = wordEnd(s, end + 1);
                String noun = lowerAscii(s, end + 1, nounEnd);
                if ((w.equals("this") ? SUBJECT_NOUNS_OF_THIS : SUBJECT_NOUNS_OF_OUR).contains(noun)) {
                    verbAt = nounEnd;
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
    static boolean finds(String s) {
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            if (isDigit(c) && numberWithUnit(s, i)) {
                return true;
            }
            if (!isWordAt(s, i)) {
                i++;
                continue;
            }
            int end = wordEnd(s, i);
            String w = lowerAscii(s, i, end);
            if (FINDING.contains(w)
                    || w.equals("state") && regionIs(s, end, "-of-the-art") && !isWordAt(s, end + 11)
                    || w.equals("speed") && regionIs(s, end, "-up") && !isWordAt(s, end + 3)) {
                return true;
            }
            // a number inside a word ("4x" in "gpt4x") is looked at too
            for (int j = i + 1; j < end; j++) {
                if (isDigit(s.charAt(j)) && !isDigit(s.charAt(j - 1)) && numberWithUnit(s, j)) {
                    return true;
                }
            }
            i = end;
        }
        return false;
    }

    /** Digits at {@code i} (then maybe "." and digits), spaces, then %, × or an x that ends a word. */
    private static boolean numberWithUnit(String s, int i) {
        int j = digitsEnd(s, i);
        if (unitAfter(s, j)) {
            return true;
        }
        if (j + 1 < s.length() && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) {
            return unitAfter(s, digitsEnd(s, j + 1));
        }
        return false;
    }

    private static boolean unitAfter(String s, int j) {
        while (j < s.length() && isSpace(s.charAt(j))) {
            j++;
        }
        if (j >= s.length()) {
            return false;
        }
        char c = s.charAt(j);
        return c == '%' || c == '×' || (c == 'x' || c == 'X') && !isWordAt(s, j + 1);
    }

    /** After a subject: spaces, "also" and spaces maybe, then a verb's first letters. */
    private static boolean verbFollows(String s, int at) {
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

    private static boolean startsWithVerb(String s, int at) {
        for (String v : VERBS) {
            if (regionIs(s, at, v)) {
                return true;
            }
        }
        return false;
    }

    /** " then" / " further" as a word after "we", one space between. */
    private static boolean followedBy(String s, int end, String word) {
        return end < s.length() && s.charAt(end) == ' ' && regionIs(s, end + 1, word)
                && !isWordAt(s, end + 1 + word.length());
    }

    /** Whether {@code s} has {@code lower} (ASCII, lower case) at {@code at}, ASCII case ignored. */
    private static boolean regionIs(String s, int at, String lower) {
        if (at + lower.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            char c = s.charAt(at + k);
            char l = lower.charAt(k);
            if (c != l && !(l >= 'a' && l <= 'z' && c == l - 32)) {
                return false;
            }
        }
        return true;
    }

    /** The word lower-cased in ASCII only, as a case-insensitive pattern compares (no Unicode case folding). */
    private static String lowerAscii(String s, int from, int to) {
        char[] out = new char[to - from];
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            out[k - from] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return new String(out);
    }

    private static int wordEnd(String s, int i) {
        while (isWordAt(s, i)) {
            i++;
        }
        return i;
    }

    private static int digitsEnd(String s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int spacesEnd(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A word character as {@code \b} sees it: a letter or digit (code points, not halves of one) or {@code _}. */
    private static boolean isWordAt(String s, int i) {
        if (i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        if (Character.isSurrogate(c)) {
            return Character.isLetterOrDigit(Character.isHighSurrogate(c) ? s.codePointAt(i) : s.codePointBefore(i + 1));
        }
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \s}: space, tab, line breaks, form feed, vertical tab. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }
}
