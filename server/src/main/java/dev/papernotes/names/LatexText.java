package dev.papernotes.names;

/**
 * Undoes the LaTeX that leaks into titles and abstracts ({@code PixArt-$\alpha$},
 * {@code G_{stack}}, {@code Model~(RAM++)}, {@code $\text{S}^2$Fusion}) and the HTML character
 * references of scraped paper lists ({@code users&#39;}, double-escaped {@code &amp;#39;}), so that
 * names come out the way people write them ({@code PixArt-α}, {@code S2Fusion}). Not a TeX parser:
 * only the few constructs seen in paper metadata.
 */
public final class LatexText {
    private LatexText() {
    }

    private static final String[][] GREEK = {
        {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ε"},
        {"varepsilon", "ε"}, {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"kappa", "κ"},
        {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"}, {"pi", "π"}, {"rho", "ρ"},
        {"sigma", "σ"}, {"tau", "τ"}, {"phi", "φ"}, {"chi", "χ"}, {"psi", "ψ"}, {"omega", "ω"},
    };

    private static final java.util.Map<String, String> GREEK_LETTERS = greek();

    private static java.util.Map<String, String> greek() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (String[] g : GREEK) {
            m.put(g[0], g[1]);
        }
        return java.util.Map.copyOf(m);
    }

    /**
     * Drops {@code $}, braces and unknown {@code \macros}; turns Greek macros into letters,
     * {@code \%} into {@code %}, {@code ~(} into {@code  (} and {@code M^2} into {@code M2}.
     * One pass, linear in the length of the text.
     */
    /** Plain Unicode text from a BibTeX field value (see {@link BibTexText}). */
    public static String toUnicode(String s) {
        return BibTexText.toUnicode(s);
    }

    public static String clean(String s) {
        if (!needsCleaning(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '$', '{', '}' -> {
                }
                case '~' -> sb.append(i + 1 < n && s.charAt(i + 1) == '(' ? ' ' : '~');
                case '^' -> {
                    // M^2, and {S}^2 once the braces are gone: the exponent joins the name
                    boolean between = sb.length() > 0 && Character.isLetterOrDigit(sb.charAt(sb.length() - 1))
                            && Character.isLetterOrDigit(nextVisible(s, i + 1));
                    if (!between) {
                        sb.append('^');
                    }
                }
                case '&' -> i = entity(s, i, sb);
                case '\\' -> i = macro(s, i, sb);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether any of the characters this class undoes occurs: one pass, usually answering no. */
    private static boolean needsCleaning(String s) {
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case '$', '\\', '{', '~', '^', '&' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** The first character at or after {@code i} that is not dropped ({@code $ { }}), or a blank. */
    private static char nextVisible(String s, int i) {
        for (int j = i; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c != '$' && c != '{' && c != '}') {
                return c;
            }
        }
        return ' ';
    }

    /**
     * Decodes the character reference at {@code at} ({@code &#39;}, {@code &#x27;}, {@code &amp;},
     * {@code &quot;}, {@code &lt;}, {@code &gt;}, {@code &apos;}, {@code &nbsp;}; {@code &amp;#39;}
     * as one); anything else stays a plain {@code &}. Returns the index of the last char read.
     */
    private static int entity(String s, int at, StringBuilder sb) {
        int semi = s.indexOf(';', at + 1);
        if (semi < 0 || semi - at > 10) {
            sb.append('&');
            return at;
        }
        String body = s.substring(at + 1, semi);
        int cp = -1;
        if (body.startsWith("#x") || body.startsWith("#X")) {
            cp = parse(body.substring(2), 16);
        } else if (body.startsWith("#")) {
            cp = parse(body.substring(1), 10);
        } else {
            switch (body) {
                case "amp" -> {
                    // scraped twice: "&amp;#39;" is "&#39;"
                    int inner = s.indexOf(';', semi + 1);
                    if (inner > semi + 1 && inner - semi <= 10 && s.charAt(semi + 1) == '#') {
                        StringBuilder one = new StringBuilder();
                        int end = entity("&" + s.substring(semi + 1, inner + 1), 0, one);
                        if (end == inner - semi && !one.toString().equals("&")) {
                            sb.append(one);
                            return inner;
                        }
                    }
                    cp = '&';
                }
                case "quot" -> cp = '"';
                case "apos" -> cp = '\'';
                case "lt" -> cp = '<';
                case "gt" -> cp = '>';
                case "nbsp" -> cp = ' ';
                default -> cp = -1;
            }
        }
        if (cp < 0 || !Character.isValidCodePoint(cp)) {
            sb.append('&');
            return at;
        }
        sb.appendCodePoint(cp);
        return semi;
    }

    private static int parse(String digits, int radix) {
        if (digits.isEmpty() || digits.length() > 7) {
            return -1;
        }
        try {
            return Integer.parseInt(digits, radix);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Handles the macro starting at the backslash {@code at}; returns the index of its last char. */
    private static int macro(String s, int at, StringBuilder sb) {
        int j = at + 1;
        while (j < s.length() && Character.isLetter(s.charAt(j)) && s.charAt(j) < 128) {
            j++;
        }
        if (j == at + 1) {
            // \% \& \_ \300: keep the escaped character, drop the backslash
            if (j < s.length() && !Character.isWhitespace(s.charAt(j))) {
                sb.append(s.charAt(j));
                return j;
            }
            return at;
        }
        String letter = GREEK_LETTERS.get(s.substring(at + 1, j));
        if (letter != null) {
            sb.append(letter);
        }
        return j - 1; // the Greek letter, or an unknown macro such as \OurMethod or \etc: dropped
    }
}
