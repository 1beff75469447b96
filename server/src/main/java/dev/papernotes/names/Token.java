package dev.papernotes.names;

import java.util.ArrayList;
import java.util.List;

/**
 * A word or a punctuation mark of a title or abstract. Punctuation that frames names (commas,
 * parentheses, colons, quotes, a full stop ending a word) becomes its own token, so that
 * {@code (TTMs):} reads as {@code ( TTMs ) :}; punctuation inside a word stays
 * ({@code FlashDecoding++}, {@code MInference 1.0}, {@code TL;DR}, {@code Q&A}, {@code data's}).
 *
 * @param text the characters of the token
 * @param word true for words, false for punctuation
 * @param sentenceStart true for the first word of a sentence (its capital says nothing)
 * @param sentenceEnd true for the full stop, question or exclamation mark ending a sentence
 *     (not the one in "et al." or "e.g.")
 */
record Token(String text, boolean word, boolean sentenceStart, boolean sentenceEnd, String lower) {

    Token(String text, boolean word, boolean sentenceStart, boolean sentenceEnd) {
        // Lower-cased once here: the rules compare lower-cased words many times per token.
        this(text, word, sentenceStart, sentenceEnd, text.toLowerCase(java.util.Locale.ROOT));
    }

    Token(String text, boolean word, boolean sentenceStart) {
        this(text, word, sentenceStart, false);
    }

    private static final String ALWAYS_PUNCT = "()[]{},:!?\"“”‘’`«»—–";

    /** Words after which a full stop does not end the sentence. */
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of(
            "e.g", "i.e", "etc", "al", "vs", "cf", "fig", "figs", "eq", "sec", "approx", "resp",
            "w.r.t", "viz", "ca", "dr", "mr", "ms", "jr", "inc", "ltd");

    boolean is(String s) {
        return text.equals(s);
    }

    boolean isIgnoreCase(String s) {
        return text.equalsIgnoreCase(s);
    }

    /** Splits {@code s} into tokens in one pass. */
    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean sentenceStart = true;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : ' ';
            if (Character.isWhitespace(c)) {
                sentenceStart = flush(out, w, sentenceStart);
            } else if (c == ':' && (isUrlScheme(w) && next == '/')) {
                // a URL is one opaque word: read to the next blank
                while (i < n && !Character.isWhitespace(s.charAt(i))) {
                    w.append(s.charAt(i++));
                }
                i--;
                String url = w.toString();
                out.add(new Token(url, false, false));
                w.setLength(0);
                sentenceStart = url.endsWith(".");
            } else if (c == ';' && w.length() > 0 && Character.isLetterOrDigit(next)) {
                w.append(c); // TL;DR
            } else if (c == ';') {
                flush(out, w, sentenceStart);
                out.add(new Token(";", false, false));
                sentenceStart = false;
            } else if (c == '.') {
                boolean inner = w.length() > 0 && Character.isLetterOrDigit(next);
                boolean glued = inner && Character.isUpperCase(next) && endsLowerWord(w);
                if (inner && !glued) {
                    w.append(c); // 1.0, 01.AI, e.g
                } else {
                    String before = w.toString();
                    flush(out, w, sentenceStart);
                    // "assistant.Based" is a sentence break too
                    sentenceStart = glued || !ABBREVIATIONS.contains(before.toLowerCase(java.util.Locale.ROOT));
                    out.add(new Token(".", false, false, sentenceStart));
                }
            } else if (c == '\'' && !(w.length() > 0 && Character.isLetter(next))) {
                flush(out, w, sentenceStart);
                out.add(new Token("'", false, false));
                sentenceStart = false;
            } else if (c == '-' && next == '-') {
                // a TeX dash glued to words, "algorithm---called X---is": a dash of its own
                sentenceStart = flush(out, w, sentenceStart);
                int from = i;
                while (i + 1 < n && s.charAt(i + 1) == '-') {
                    i++;
                }
                out.add(new Token(s.substring(from, i + 1), false, false));
            } else if (ALWAYS_PUNCT.indexOf(c) >= 0) {
                boolean ends = (c == '?' || c == '!');
                flush(out, w, sentenceStart);
                out.add(new Token(String.valueOf(c), false, false, ends));
                sentenceStart = ends;
            } else {
                w.append(c);
            }
        }
        flush(out, w, sentenceStart);
        return out;
    }

    private static boolean flush(List<Token> out, StringBuilder w, boolean sentenceStart) {
        if (w.length() == 0) {
            return sentenceStart;
        }
        String t = w.toString();
        w.setLength(0);
        boolean dashes = true;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '-' && c != '~' && c != '*' && c != '|') {
                dashes = false;
                break;
            }
        }
        // "--" separates like a dash; a lone "-" likewise
        out.add(new Token(t, !dashes, sentenceStart && !dashes));
        return dashes && sentenceStart;
    }

    private static boolean isUrlScheme(StringBuilder w) {
        String t = w.toString();
        return t.equalsIgnoreCase("http") || t.equalsIgnoreCase("https") || t.equalsIgnoreCase("ftp");
    }

    private static boolean endsLowerWord(StringBuilder w) {
        int n = w.length();
        if (n < 2) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!Character.isLetter(w.charAt(i))) {
                return false;
            }
        }
        return Character.isLowerCase(w.charAt(n - 1));
    }
}
