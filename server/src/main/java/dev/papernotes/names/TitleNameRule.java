package dev.papernotes.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Names from a title's prefix: {@code Dragonfly: Multi-Resolution Zoom ...} names
 * {@code Dragonfly}; {@code Scaling Laws in Patchification: ...} names nothing, because its prefix
 * is a phrase. A prefix ends at the first {@code :} (however spaced), at a free-standing dash
 * ({@code LOGO -- Long cOntext ...}), and, after a single coined word, at {@code !} or
 * {@code , a} ({@code BAM! Just Like That}, {@code SortedNet, a Place for ...}).
 */
final class TitleNameRule {
    private TitleNameRule() {
    }

    /** Prefixes longer than this are phrases, whatever their capitals. */
    private static final int MAX_PREFIX_WORDS = 4;

    /**
     * The names the title's prefix gives, in title order.
     *
     * @param title the title, LaTeX already cleaned
     * @param abstractTokens the tokens of the abstract, for evidence that a plain prefix
     *     ({@code Universal Checkpointing}) is used as a name there
     * @param abstractNames the names the abstract introduces
     */
    static List<String> names(String title, List<Token> abstractTokens, List<String> abstractNames) {
        return names(Token.tokenize(title), abstractTokens, abstractNames);
    }

    /** As above, for a title already tokenized. */
    static List<String> names(List<Token> tokens, List<Token> abstractTokens, List<String> abstractNames) {
        int sep = separator(tokens);
        if (sep <= 0) {
            return List.of();
        }
        List<Token> prefix = new ArrayList<>(tokens.subList(0, sep));
        dropReportSuffix(prefix);
        if (prefix.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (acronymPair(prefix, out)) {
            return out;
        }
        if (coordinatedNames(prefix, out)) {
            return out;
        }
        for (Token t : prefix) {
            if (!t.word()) {
                return List.of(); // commas, question marks, quotes: a phrase
            }
        }
        List<String> words = prefix.stream().map(Token::text).toList();
        if (isProperName(words, abstractTokens, abstractNames)) {
            out.add(String.join(" ", words));
        }
        return out;
    }

    /** Index of the token that ends the prefix, or -1 when the title has no prefix. */
    private static int separator(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.word()) {
                continue;
            }
            String s = t.text();
            if (s.equals(":") || s.equals("—") || s.equals("–") || isDashRun(s)) {
                return i;
            }
            boolean oneCoinedWord = i == 1 && NameShape.isMarked(tokens.get(0).text());
            if (oneCoinedWord && s.equals("!")) {
                return i;
            }
            if (oneCoinedWord && s.equals(",") && i + 1 < tokens.size()) {
                String next = tokens.get(i + 1).text();
                if (next.equals("a") || next.equals("an") || next.equals("the")) {
                    return i;
                }
            }
            if (s.equals("?") || s.equals(",") || s.equals("!")) {
                return -1; // a question or a list comes first: no name prefix
            }
        }
        return -1;
    }

    private static boolean isDashRun(String s) {
        return s.length() >= 1 && s.chars().allMatch(c -> c == '-');
    }

    /** {@code 1.5-Pints Technical Report} names {@code 1.5-Pints}. */
    private static void dropReportSuffix(List<Token> prefix) {
        int n = prefix.size();
        if (n >= 3 && prefix.get(n - 2).isIgnoreCase("technical") && prefix.get(n - 1).isIgnoreCase("report")) {
            prefix.subList(n - 2, n).clear();
        } else if (n >= 2 && prefix.get(n - 1).isIgnoreCase("report")) {
            prefix.subList(n - 1, n).clear();
        }
    }

    /** {@code Tiny Time Mixers (TTMs)}: both halves, when the short form abbreviates the long. */
    private static boolean acronymPair(List<Token> prefix, List<String> out) {
        int n = prefix.size();
        if (n < 4 || !prefix.get(n - 1).is(")") || !prefix.get(n - 3).is("(") || !prefix.get(n - 2).word()) {
            return false;
        }
        List<String> words = new ArrayList<>();
        for (Token t : prefix.subList(0, n - 3)) {
            if (!t.word()) {
                return false;
            }
            words.add(t.text());
        }
        String shortForm = prefix.get(n - 2).text();
        if (AcronymDefinition.longFormStart(words, shortForm) != 0) {
            return false;
        }
        String longForm = String.join(" ", words);
        if (NameShape.isTitleCased(longForm)) {
            out.add(longForm);
        }
        out.add(shortForm);
        return true;
    }

    /** {@code RS5M and GeoRSCLIP}: two coined names joined by "and". */
    private static boolean coordinatedNames(List<Token> prefix, List<String> out) {
        if (prefix.size() != 3 || !(prefix.get(1).is("and") || prefix.get(1).is("&"))) {
            return false;
        }
        String a = prefix.get(0).text();
        String b = prefix.get(2).text();
        if (NameShape.isMarked(a) && NameShape.isMarked(b) && !NameShape.isGeneric(a) && !NameShape.isGeneric(b)) {
            out.add(a);
            out.add(b);
            return true;
        }
        return false;
    }

    /**
     * Whether the prefix words are a proper name rather than a phrase. One word is a name unless
     * it labels the kind of paper ({@code Survey}). Several words are a name when they are
     * capitalized, free of function words, and either coined ({@code HiP Attention},
     * {@code CNN Filter DB}), versioned ({@code Griffon v2}, {@code Swin Transformer V2}) or used
     * as a name in the abstract ({@code Universal Checkpointing}).
     */
    static boolean isProperName(List<String> words, List<Token> abstractTokens, List<String> abstractNames) {
        int k = words.size();
        if (k == 0) {
            return false;
        }
        String first = words.get(0);
        if (k == 1) {
            String lw = NameShape.lower(first);
            return !NameShape.GENERIC_TITLE_WORDS.contains(lw) && !NameShape.isStopword(first)
                    && !NameShape.isQuantity(first) && first.codePoints().anyMatch(Character::isLetter);
        }
        if (k > MAX_PREFIX_WORDS || NameShape.PHRASE_STARTERS.contains(NameShape.lower(first))) {
            return false;
        }
        int marked = 0;
        for (int i = 0; i < k; i++) {
            String w = words.get(i);
            boolean version = i > 0 && NameShape.isVersion(w);
            if (NameShape.isStopword(w) || (!version && !NameShape.isNameWord(w)
                    && !NameShape.startsWithDigitAndHasLetters(w))) {
                return false; // "Model soups", "Ship in Sight"
            }
            if (NameShape.isMarked(w) && !version) {
                marked++;
            }
        }
        boolean gerund = NameShape.lower(first).endsWith("ing") && !NameShape.isMarked(first);
        if (gerund) {
            return false; // "Revisiting ResNets", "Stacking Your Transformers"
        }
        String joined = String.join(" ", words);
        for (String name : abstractNames) {
            if (name.equalsIgnoreCase(joined)) {
                return true;
            }
        }
        if (k <= 3 && NameShape.isVersion(words.get(k - 1))) {
            return true;
        }
        if (k <= 3 && NameShape.isMarked(first) && !NameShape.isGeneric(first)) {
            return true;
        }
        if (k <= 3 && marked >= 2) {
            return true;
        }
        return usedAsNameIn(words, abstractTokens);
    }

    /**
     * The abstract writes these words, same case, mid-sentence, not as part of a longer
     * capitalized name: "we propose Universal Checkpointing, a ..." counts, "the Inverse Scaling
     * Prize" does not.
     */
    private static boolean usedAsNameIn(List<String> words, List<Token> tokens) {
        int k = words.size();
        for (int i = 0; i + k <= tokens.size(); i++) {
            boolean match = true;
            for (int j = 0; j < k && match; j++) {
                Token t = tokens.get(i + j);
                match = t.word() && t.text().equals(words.get(j));
            }
            if (!match || tokens.get(i).sentenceStart()) {
                continue;
            }
            boolean before = i > 0 && tokens.get(i - 1).word() && NameShape.isNameWord(tokens.get(i - 1).text());
            boolean after = i + k < tokens.size() && tokens.get(i + k).word()
                    && NameShape.isNameWord(tokens.get(i + k).text());
            if (!before && !after) {
                return true;
            }
        }
        return false;
    }
}
