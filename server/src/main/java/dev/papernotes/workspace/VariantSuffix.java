package dev.papernotes.workspace;

import java.util.Set;

/**
 * A name followed by a version, a size or a product word names a later or different thing:
 * {@code PaLM 2}, {@code Gemini 1.5}, {@code LLaMA 65B}, {@code X v3}, {@code X++}, {@code PaLM API},
 * {@code GPT-4 Turbo}, {@code BERT-large}, {@code VILA^2}. Such a mention is not the bare name, unless the paper
 * itself writes the longer form (then it is its own). Joined suffixes ({@code X-7B}, {@code X-v2},
 * {@code X2}) never match as the bare name in the first place.
 */
final class VariantSuffix {
    /** Words that, after a name and a space, make it a product or a variant. Exact case. */
    private static final Set<String> PRODUCT_WORDS = Set.of(
            "API", "SDK", "Pro", "Ultra", "Turbo", "Mini", "Nano", "Flash", "Lite", "Plus", "Max", "XL", "XXL",
            "Chat", "Instruct");
    /** Sizes written after a hyphen: {@code BERT-large}, {@code ViT-base}. */
    private static final Set<String> HYPHEN_SIZES = Set.of(
            "tiny", "small", "base", "medium", "large", "huge", "giant", "mini", "xl", "xxl");

    private VariantSuffix() {
    }

    /**
     * Where the variant suffix after a name ending at {@code end} ends, or -1 when the name stands
     * alone.
     */
    static int suffixEnd(String text, int end, int limit) {
        if (end >= limit) {
            return -1;
        }
        char c = text.charAt(end);
        if (c == '^' && end + 1 < limit && Character.isDigit(text.charAt(end + 1))) {
            int j = end + 1;
            while (j < limit && Character.isDigit(text.charAt(j))) {
                j++;
            }
            return j; // VILA^2
        }
        if (c == '+') {
            int j = end;
            while (j < limit && text.charAt(j) == '+') {
                j++;
            }
            return j;
        }
        if (MentionScanner.isHyphen(c)) {
            int j = end + 1;
            while (j < limit && Character.isLetter(text.charAt(j))) {
                j++;
            }
            return j > end + 1 && HYPHEN_SIZES.contains(text.substring(end + 1, j).toLowerCase(java.util.Locale.ROOT))
                    && (j >= limit || !Character.isLetterOrDigit(text.charAt(j))) ? j : -1;
        }
        if (c != ' ') {
            return -1;
        }
        int j = end + 1;
        int wordEnd = j;
        while (wordEnd < limit && (Character.isLetterOrDigit(text.charAt(wordEnd)) || text.charAt(wordEnd) == '.')) {
            wordEnd++;
        }
        while (wordEnd > j && text.charAt(wordEnd - 1) == '.') {
            wordEnd--; // a sentence's full stop
        }
        if (wordEnd == j) {
            return -1;
        }
        String word = text.substring(j, wordEnd);
        if (wordEnd + 1 < limit && text.charAt(wordEnd) == '/' && isVersion(word)
                && (word.indexOf('.') > 0 || !Character.isDigit(word.charAt(0)))) { // not a fraction: "1/3"
            int next = wordEnd + 1;
            while (next < limit && (Character.isLetterOrDigit(text.charAt(next)) || text.charAt(next) == '.')) {
                next++;
            }
            if (isVersion(text.substring(wordEnd + 1, next))) {
                return next; // "InternVL 1.5/2.0": two later versions
            }
        }
        if (wordEnd < limit && isJoined(text.charAt(wordEnd))) {
            return -1; // "PaLM 2x faster", "X 3% better", "X 2-3"
        }
        return PRODUCT_WORDS.contains(word) || isVersion(word) || isSize(word) ? wordEnd : -1;
    }

    /** {@code 2}, {@code 1.5}, {@code v2}, {@code V3.1}. */
    static boolean isVersion(String w) {
        int i = w.startsWith("v") || w.startsWith("V") ? 1 : 0;
        return i < w.length() && Character.isDigit(w.charAt(i)) && digitsAndDots(w, i) && w.length() - i <= 6;
    }

    /** {@code 7B}, {@code 540B}, {@code 1.3B}, {@code 350M}. */
    static boolean isSize(String w) {
        if (w.length() < 2) {
            return false;
        }
        char unit = w.charAt(w.length() - 1);
        return (unit == 'B' || unit == 'M' || unit == 'K' || unit == 'T') && Character.isDigit(w.charAt(0))
                && digitsAndDots(w.substring(0, w.length() - 1), 0);
    }

    private static boolean digitsAndDots(String w, int from) {
        for (int i = from; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!Character.isDigit(c) && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isJoined(char c) {
        return c == '%' || c == '-' || c == '×' || c == '/' || c == '\'' || c == '’';
    }
}
