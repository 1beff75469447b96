package dev.papernotes.names;

/**
 * Undoes the LaTeX that leaks into titles and abstracts ({@code PixArt-$\alpha$},
 * {@code G_{stack}}, {@code Model~(RAM++)}), so that names come out the way people write them
 * ({@code PixArt-α}). Not a TeX parser: only the few constructs seen in paper metadata.
 */
final class LatexText {
    private LatexText() {
    }

    private static final String[][] GREEK = {
        {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ε"},
        {"varepsilon", "ε"}, {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"kappa", "κ"},
        {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"}, {"pi", "π"}, {"rho", "ρ"},
        {"sigma", "σ"}, {"tau", "τ"}, {"phi", "φ"}, {"chi", "χ"}, {"psi", "ψ"}, {"omega", "ω"},
    };

    /**
     * Drops {@code $}, braces and unknown {@code \macros}; turns Greek macros into letters,
     * {@code \%} into {@code %}, {@code ~(} into {@code  (} and {@code M^2} into {@code M2}.
     * One pass, linear in the length of the text.
     */
    static String clean(String s) {
        if (s.indexOf('$') < 0 && s.indexOf('\\') < 0 && s.indexOf('{') < 0 && s.indexOf('~') < 0
                && s.indexOf('^') < 0) {
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
                    boolean between = i > 0 && i + 1 < n && Character.isLetterOrDigit(s.charAt(i - 1))
                            && Character.isLetterOrDigit(s.charAt(i + 1));
                    if (!between) {
                        sb.append('^');
                    }
                }
                case '\\' -> i = macro(s, i, sb);
                default -> sb.append(c);
            }
        }
        return sb.toString();
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
        String word = s.substring(at + 1, j);
        for (String[] g : GREEK) {
            if (g[0].equals(word)) {
                sb.append(g[1]);
                return j - 1;
            }
        }
        return j - 1; // unknown macro such as \OurMethod or \etc: dropped
    }
}
