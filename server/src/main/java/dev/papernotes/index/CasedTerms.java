package dev.papernotes.index;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The acronym-like words a paper writes (two or more capitals: {@code RGB}, {@code PaLM},
 * {@code Mini-Monkey}), exactly as written, and the ones it defines in parentheses
 * ({@code imitation learning (IL)}). Indexed per paper so that, once per commit, the corpus can
 * tell a name only its paper uses from a string many papers use for something general
 * ({@link NameUsage}). A lower-cased index cannot: {@code UNIT} and "unit" are one term there.
 */
final class CasedTerms {
    /** A pathological abstract must not add thousands of terms to one document. */
    static final int MAX_TERMS = 256;
    private static final int MAX_LENGTH = 24;

    final Set<String> used = new LinkedHashSet<>();
    final Set<String> defined = new LinkedHashSet<>();

    private CasedTerms() {
    }

    static CasedTerms of(String title, String abstractText) {
        CasedTerms t = new CasedTerms();
        t.scan(title);
        t.scan(abstractText);
        return t;
    }

    private void scan(String text) {
        if (text == null) {
            return;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (isWordChar(text.charAt(i)) || text.charAt(i) == '-')) {
                i++;
            }
            int end = i;
            while (end > start && text.charAt(end - 1) == '-') {
                end--;
            }
            add(text, start, end);
        }
    }

    private void add(String text, int start, int end) {
        int len = end - start;
        if (len < 2 || len > MAX_LENGTH || used.size() >= MAX_TERMS) {
            return;
        }
        if (!acronymLike(text, start, end)) {
            return; // most words: no string made of them
        }
        String token = text.substring(start, end);
        used.add(token);
        boolean opened = start > 0 && text.charAt(start - 1) == '(';
        boolean closed = end < text.length() && text.charAt(end) == ')';
        if (opened && closed) {
            defined.add(token);
            // "(TTMs)" defines TTM too.
            if (token.endsWith("s") && acronymLike(token.substring(0, token.length() - 1))) {
                defined.add(token.substring(0, token.length() - 1));
            }
        }
    }

    /** Two or more capital letters: what a lower-cased index would confuse with a word. */
    static boolean acronymLike(String token) {
        return acronymLike(token, 0, token.length());
    }

    private static boolean acronymLike(String text, int start, int end) {
        int upper = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean isUpper = c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
            if (isUpper && ++upper >= 2) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
    }
}
