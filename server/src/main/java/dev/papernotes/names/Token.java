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
        this(text, word, sentenceStart, sentenceEnd, NameShape.lower(text));
    }

    Token(String text, boolean word, boolean sentenceStart) {
        this(text, word, sentenceStart, false);
    }

    private static final String ALWAYS_PUNCT = "()[]{},:!?\"“”‘’`«»—–";

    /** Words after which a full stop does not end the sentence. */
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of(
            "e.g", "i.e", "etc", "al", "vs", "cf", "fig", "figs", "eq", "sec", "approx", "resp",
            "w.r.t", "viz", "ca", "dr", "mr", "ms", "jr", "inc", "ltd");

    /** The texts of tokens {@code from} (inclusive) to {@code to} (exclusive), one space apart. */
    static String join(java.util.List<Token> t, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(' ');
            }
            sb.append(t.get(i).text());
        }
        return sb.toString();
    }

    boolean is(String s) {
        return text.equals(s);
    }

    boolean isIgnoreCase(String s) {
        return text.equalsIgnoreCase(s);
    }

    /** Splits {@code s} into tokens in one pass; a word is the run of text from {@code ws} on. */
    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>(s.length() / 5 + 4);
        int ws = -1; // where the word being read starts, -1 when none
        boolean sentenceStart = true;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                if (ws < 0) {
                    ws = i; // the common case first: a letter or digit of a word
                }
                continue;
            }
            char next = i + 1 < n ? s.charAt(i + 1) : ' ';
            if (c == ' ' || Character.isWhitespace(c)) {
                sentenceStart = flush(out, s, ws, i, sentenceStart);
                ws = -1;
            } else if (c == ':' && next == '/' && isUrlScheme(s, ws, i)) {
                // a URL is one opaque word: read to the next blank
                while (i < n && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                String url = s.substring(ws, i);
                i--;
                out.add(new Token(url, false, false));
                ws = -1;
                sentenceStart = url.endsWith(".");
            } else if (c == ';' && ws >= 0 && Character.isLetterOrDigit(next)) {
                // TL;DR: part of the word
            } else if (c == ';') {
                flush(out, s, ws, i, sentenceStart);
                ws = -1;
                out.add(new Token(";", false, false));
                sentenceStart = false;
            } else if (c == '.') {
                boolean inner = ws >= 0 && Character.isLetterOrDigit(next);
                boolean glued = inner && Character.isUpperCase(next) && endsLowerWord(s, ws, i);
                if (!inner || glued) {
                    boolean abbreviation = ws >= 0 && i - ws <= 6
                            && ABBREVIATIONS.contains(NameShape.lower(s.substring(ws, i)));
                    flush(out, s, ws, i, sentenceStart);
                    ws = -1;
                    // "assistant.Based" is a sentence break too
                    sentenceStart = glued || !abbreviation;
                    out.add(new Token(".", false, false, sentenceStart));
                } // else 1.0, 01.AI, e.g: part of the word
            } else if (c == '\'' && !(ws >= 0 && Character.isLetter(next))) {
                flush(out, s, ws, i, sentenceStart);
                ws = -1;
                out.add(new Token("'", false, false));
                sentenceStart = false;
            } else if (c == '-' && next == '-') {
                // a TeX dash glued to words, "algorithm---called X---is": a dash of its own
                sentenceStart = flush(out, s, ws, i, sentenceStart);
                ws = -1;
                int from = i;
                while (i + 1 < n && s.charAt(i + 1) == '-') {
                    i++;
                }
                out.add(new Token(s.substring(from, i + 1), false, false));
            } else if (c < 128 ? PUNCT_ASCII[c] : ALWAYS_PUNCT.indexOf(c) >= 0) {
                boolean ends = (c == '?' || c == '!');
                flush(out, s, ws, i, sentenceStart);
                ws = -1;
                out.add(new Token(String.valueOf(c), false, false, ends));
                sentenceStart = ends;
            } else if (ws < 0) {
                ws = i;
            }
        }
        flush(out, s, ws, n, sentenceStart);
        return out;
    }

    private static final boolean[] PUNCT_ASCII = new boolean[128];

    static {
        for (int i = 0; i < ALWAYS_PUNCT.length(); i++) {
            char c = ALWAYS_PUNCT.charAt(i);
            if (c < 128) {
                PUNCT_ASCII[c] = true;
            }
        }
    }

    private static boolean flush(List<Token> out, String s, int from, int to, boolean sentenceStart) {
        if (from < 0 || to <= from) {
            return sentenceStart;
        }
        boolean dashes = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != '-' && c != '~' && c != '*' && c != '|') {
                dashes = false;
                break;
            }
        }
        // "--" separates like a dash; a lone "-" likewise
        out.add(new Token(s.substring(from, to), !dashes, sentenceStart && !dashes));
        return dashes && sentenceStart;
    }

    private static boolean isUrlScheme(String s, int from, int to) {
        int len = from < 0 ? 0 : to - from;
        return (len == 4 && s.regionMatches(true, from, "http", 0, 4))
                || (len == 5 && s.regionMatches(true, from, "https", 0, 5))
                || (len == 3 && s.regionMatches(true, from, "ftp", 0, 3));
    }

    private static boolean endsLowerWord(String s, int from, int to) {
        if (from < 0 || to - from < 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return Character.isLowerCase(s.charAt(to - 1));
    }
}
