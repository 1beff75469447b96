package dev.papernotes.names;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Plain Unicode text from BibTeX fields, which are LaTeX through and through: accents
 * ({@code {\"u}}, {@code \'e}, {@code \v{s}}), special letters ({@code \ss}, {@code \o}), dashes
 * ({@code --}, {@code ---}), quotes, {@code \emph{}} and friends, {@code {{Protected}}} capitals,
 * {@code \href{url}{text}}, {@code \enquote{}}; line breaks become spaces. {@link LatexText#clean}
 * is the conservative pass for titles and abstracts that are mostly plain already. Not a TeX parser:
 * one pass, linear in the length of the text, never failing on unbalanced input.
 */
final class BibTexText {
    private BibTexText() {
    }

    private static final String[][] GREEK = {
        {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ε"},
        {"varepsilon", "ε"}, {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"kappa", "κ"},
        {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"}, {"pi", "π"}, {"rho", "ρ"},
        {"sigma", "σ"}, {"tau", "τ"}, {"phi", "φ"}, {"chi", "χ"}, {"psi", "ψ"}, {"omega", "ω"},
        {"Gamma", "Γ"}, {"Delta", "Δ"}, {"Theta", "Θ"}, {"Lambda", "Λ"}, {"Xi", "Ξ"}, {"Pi", "Π"},
        {"Sigma", "Σ"}, {"Phi", "Φ"}, {"Psi", "Ψ"}, {"Omega", "Ω"}, {"upsilon", "υ"}, {"iota", "ι"},
        {"omicron", "ο"}, {"varphi", "φ"}, {"vartheta", "θ"}, {"varrho", "ρ"}, {"varsigma", "ς"},
    };

    /** Accent commands and the combining mark each puts on its letter. */
    private static final Map<String, Character> ACCENTS = Map.ofEntries(
            Map.entry("\"", '\u0308'), Map.entry("'", '\u0301'), Map.entry("`", '\u0300'),
            Map.entry("^", '\u0302'), Map.entry("~", '\u0303'), Map.entry("=", '\u0304'),
            Map.entry(".", '\u0307'), Map.entry("u", '\u0306'), Map.entry("v", '\u030C'),
            Map.entry("H", '\u030B'), Map.entry("c", '\u0327'), Map.entry("k", '\u0328'),
            Map.entry("r", '\u030A'), Map.entry("d", '\u0323'), Map.entry("b", '\u0331'),
            Map.entry("t", '\u0361'));

    /** Letter-like commands and what they stand for. */
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("ss", "ß"), Map.entry("o", "ø"), Map.entry("O", "Ø"), Map.entry("ae", "æ"),
            Map.entry("AE", "Æ"), Map.entry("oe", "œ"), Map.entry("OE", "Œ"), Map.entry("aa", "å"),
            Map.entry("AA", "Å"), Map.entry("l", "ł"), Map.entry("L", "Ł"), Map.entry("i", "ı"),
            Map.entry("j", "ȷ"), Map.entry("dh", "ð"), Map.entry("DH", "Ð"), Map.entry("th", "þ"),
            Map.entry("TH", "Þ"), Map.entry("ng", "ŋ"), Map.entry("NG", "Ŋ"), Map.entry("dj", "đ"),
            Map.entry("DJ", "Đ"),
            Map.entry("textendash", "–"), Map.entry("textemdash", "—"), Map.entry("ldots", "…"),
            Map.entry("dots", "…"), Map.entry("textellipsis", "…"), Map.entry("textquoteright", "’"),
            Map.entry("textquoteleft", "‘"), Map.entry("textquotedblleft", "“"),
            Map.entry("textquotedblright", "”"), Map.entry("guillemotleft", "«"),
            Map.entry("guillemotright", "»"), Map.entry("textregistered", "®"),
            Map.entry("texttrademark", "™"), Map.entry("copyright", "©"), Map.entry("textcopyright", "©"),
            Map.entry("textasciitilde", "~"), Map.entry("textbackslash", "\\"), Map.entry("textbar", "|"),
            Map.entry("textless", "<"), Map.entry("textgreater", ">"), Map.entry("textunderscore", "_"),
            Map.entry("textdegree", "°"), Map.entry("textperiodcentered", "·"), Map.entry("S", "§"),
            Map.entry("P", "¶"), Map.entry("pounds", "£"), Map.entry("euro", "€"), Map.entry("times", "×"),
            Map.entry("pm", "±"), Map.entry("le", "≤"), Map.entry("leq", "≤"), Map.entry("ge", "≥"),
            Map.entry("geq", "≥"), Map.entry("infty", "∞"), Map.entry("rightarrow", "→"),
            Map.entry("to", "→"), Map.entry("leftarrow", "←"), Map.entry("approx", "≈"),
            Map.entry("sim", "∼"), Map.entry("neq", "≠"), Map.entry("cdot", "·"),
            Map.entry("LaTeX", "LaTeX"), Map.entry("TeX", "TeX"), Map.entry("BibTeX", "BibTeX"),
            Map.entry("quad", " "), Map.entry("qquad", " "), Map.entry("textsuperscript", ""),
            Map.entry("textsubscript", ""), Map.entry("par", " "), Map.entry("newline", " "));

    /** Commands whose first argument is not text ({@code \href{url}{text}}): it is skipped. */
    private static final java.util.Set<String> SKIP_FIRST_ARGUMENT = java.util.Set.of("href", "cite", "label", "ref");

    /**
     * Plain Unicode text from a BibTeX field value: accents composed, dashes and quotes typeset,
     * formatting commands and protective braces dropped, runs of white space made one space.
     */
    public static String toUnicode(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c != '$' && c != '\\' && c != '{' && c != '}' && c != '~' && c != '^' && c != '-'
                    && c != '`' && c != '\'' && c != '\n' && c != '\r' && c != '\t' && c != '_';
        }
        String out = plain ? s : new Scanner(s, true).run();
        return Spaces.collapse(out);
    }

    private static final class Scanner {
        private final String s;
        private final boolean bibtex;
        private final int n;
        private final StringBuilder sb;
        /** What each open brace prints when it closes ({@code \enquote} closes with a quote). */
        private final Deque<String> closers = new ArrayDeque<>();
        /** A brace group whose content is not text (the URL of {@code \href}): skipped to its end. */
        private int skipDepth = -1;
        private boolean composed;

        Scanner(String s, boolean bibtex) {
            this.s = s;
            this.bibtex = bibtex;
            this.n = s.length();
            this.sb = new StringBuilder(n);
        }

        String run() {
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (skipDepth >= 0) {
                    if (c == '{') {
                        closers.push("");
                    } else if (c == '}') {
                        closers.poll();
                        if (closers.size() <= skipDepth) {
                            skipDepth = -1;
                        }
                    } else if (c == '\\' && i + 1 < n) {
                        i++;
                    }
                    continue;
                }
                switch (c) {
                    case '$' -> {
                    }
                    case '{' -> closers.push("");
                    case '}' -> {
                        String closer = closers.poll();
                        if (closer != null) {
                            sb.append(closer);
                        }
                    }
                    case '~' -> sb.append(bibtex ? ' ' : (i + 1 < n && s.charAt(i + 1) == '(' ? ' ' : '~'));
                    case '^' -> {
                        boolean between = i > 0 && i + 1 < n && Character.isLetterOrDigit(s.charAt(i - 1))
                                && (Character.isLetterOrDigit(s.charAt(i + 1)) || bibtex && s.charAt(i + 1) == '{');
                        if (!between) {
                            sb.append('^');
                        }
                    }
                    case '_' -> {
                        // G_{stack}: a subscript in math; a bare underscore elsewhere is kept
                        boolean sub = bibtex && i + 1 < n && s.charAt(i + 1) == '{';
                        if (!sub) {
                            sb.append('_');
                        }
                    }
                    case '-' -> i = dashes(i);
                    case '`' -> i = quotes(i, '`', "“", "‘");
                    case '\'' -> i = quotes(i, '\'', "”", "’");
                    case '\\' -> i = macro(i);
                    default -> sb.append(c);
                }
            }
            String out = sb.toString();
            return composed ? Normalizer.normalize(out, Normalizer.Form.NFC) : out;
        }

        private int dashes(int at) {
            if (!bibtex) {
                sb.append('-');
                return at;
            }
            int j = at;
            while (j < n && s.charAt(j) == '-') {
                j++;
            }
            int count = j - at;
            sb.append(count == 1 ? "-" : count == 2 ? "–" : count == 3 ? "—" : "-".repeat(count));
            return j - 1;
        }

        private int quotes(int at, char q, String dbl, String single) {
            if (!bibtex) {
                sb.append(q);
                return at;
            }
            if (at + 1 < n && s.charAt(at + 1) == q) {
                sb.append(dbl);
                return at + 1;
            }
            // A lone apostrophe inside a word (O'Brien) stays as typed.
            sb.append(q == '\'' ? "'" : single);
            return at;
        }

        /** Handles the macro starting at the backslash {@code at}; returns the index of its last char. */
        private int macro(int at) {
            int j = at + 1;
            if (j >= n) {
                return at;
            }
            char next = s.charAt(j);
            if (!isAsciiLetter(next)) {
                String sym = String.valueOf(next);
                if (bibtex && ACCENTS.containsKey(sym)) {
                    return accent(ACCENTS.get(sym), j + 1);
                }
                if (bibtex && (next == '\\' || next == ',' || next == ';' || next == ':' || next == ' ')) {
                    sb.append(' ');
                    return j;
                }
                if (bibtex && (next == '!' || next == '/' || next == '-')) {
                    return j; // negative space, italic correction, discretionary hyphen
                }
                // \% \& \_ \$ \# \{ \}: keep the escaped character, drop the backslash
                if (!Character.isWhitespace(next)) {
                    sb.append(next);
                    return j;
                }
                return at;
            }
            while (j < n && isAsciiLetter(s.charAt(j))) {
                j++;
            }
            String word = s.substring(at + 1, j);
            for (String[] g : GREEK) {
                if (g[0].equals(word)) {
                    sb.append(g[1]);
                    return j - 1;
                }
            }
            if (!bibtex) {
                return j - 1; // unknown macro such as \OurMethod or \etc: dropped
            }
            if (word.length() == 1 && ACCENTS.containsKey(word) && j < n
                    && (s.charAt(j) == '{' || s.charAt(j) == ' ')) {
                return accent(ACCENTS.get(word), j);
            }
            String symbol = SYMBOLS.get(word);
            if (symbol != null) {
                sb.append(symbol);
                return skipEmptyGroupOrSpace(j) - 1;
            }
            if (word.equals("enquote") && j < n && s.charAt(j) == '{') {
                sb.append('“');
                closers.push("”");
                return j;
            }
            if (SKIP_FIRST_ARGUMENT.contains(word) && j < n && s.charAt(j) == '{') {
                skipDepth = closers.size();
                closers.push("");
                return j;
            }
            // Formatting (\emph, \textbf, \mkbibemph, url, ...) and unknown macros: the name goes,
            // the argument's text stays. A control word eats the spaces after it.
            int k = j;
            while (k < n && s.charAt(k) == ' ') {
                k++;
            }
            return (k < n && s.charAt(k) == '{' ? k : j) - 1;
        }

        /** {@code \ss{}} or {@code \o } : the empty group or the one space that ends a control word. */
        private int skipEmptyGroupOrSpace(int j) {
            if (j + 1 < n && s.charAt(j) == '{' && s.charAt(j + 1) == '}') {
                return j + 2;
            }
            if (j < n && s.charAt(j) == ' ') {
                return j + 1;
            }
            return j;
        }

        /**
         * Puts {@code mark} on the letter that follows at {@code from}: {@code {u}}, {@code u},
         * {@code \i}, or {@code { u}}; returns the index of the last char consumed.
         */
        private int accent(char mark, int from) {
            int j = from;
            while (j < n && s.charAt(j) == ' ') {
                j++;
            }
            if (j >= n) {
                return n - 1;
            }
            boolean braced = s.charAt(j) == '{';
            if (braced) {
                j++;
                while (j < n && s.charAt(j) == ' ') {
                    j++;
                }
            }
            if (j >= n) {
                return n - 1;
            }
            String base;
            int end;
            if (s.charAt(j) == '\\' && j + 1 < n && (s.charAt(j + 1) == 'i' || s.charAt(j + 1) == 'j')
                    && (j + 2 >= n || !isAsciiLetter(s.charAt(j + 2)))) {
                base = s.charAt(j + 1) == 'i' ? "i" : "j";
                end = j + 2;
            } else if (s.charAt(j) == '}' && braced) {
                // \~{} : the accent alone
                sb.append(mark == '\u0303' ? '~' : mark == '\u0302' ? '^' : ' ');
                return j;
            } else {
                int cp = s.codePointAt(j);
                base = new String(Character.toChars(cp));
                end = j + Character.charCount(cp);
            }
            sb.append(base).append(mark);
            composed = true;
            if (braced) {
                while (end < n && s.charAt(end) == ' ') {
                    end++;
                }
                if (end < n && s.charAt(end) == '}') {
                    return end;
                }
                // {\"u ber}: more text inside the group; the group closes later
                closers.push("");
            }
            return end - 1;
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
    }
}
