package dev.papernotes.features;

/**
 * Markdown built from corpus text. Only what could start markup is escaped, so that clients
 * which show Markdown as text (Neovim's hover window) stay readable, while a crafted title still
 * cannot make a link, an image, HTML, code, emphasis, or an autolinked URL.
 */
public final class Markdown {
    /** Always special inline: emphasis, code, links, HTML, entities, strikethrough, math, escapes. */
    private static final String INLINE = "\\`*_[]<>&~$|";
    /** Special only at the start of a line: headings, lists, quotes. */
    private static final String LINE_START = "#-+>=";

    private Markdown() {
    }

    /** URLs in corpus text: shown as code, which no renderer turns into a link. */
    static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile(
            "(?i)(?<![\\w@])(?:[a-z][a-z0-9+.-]*://|www\\.)[^\\s<>`]*[^\\s<>`.,;:!?)\\]'\"]");

    /**
     * Whether {@link #URL} can match: it needs {@code ://} or {@code www.}. Most text has neither,
     * and the pattern, tried at every character, was a twentieth of a hover.
     */
    static boolean mayHoldUrl(String s) {
        if (s.contains("://")) {
            return true;
        }
        for (int i = s.indexOf('.', 3); i >= 0; i = s.indexOf('.', i + 1)) {
            if (s.regionMatches(true, i - 3, "www", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    /** Corpus text as literal Markdown on one line. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        java.util.regex.Matcher url = URL.matcher(s);
        int nextUrl = mayHoldUrl(s) && url.find() ? url.start() : -1;
        for (int i = 0; i < s.length(); i++) {
            if (i == nextUrl) {
                sb.append(code(url.group()));
                i = url.end() - 1;
                nextUrl = url.find(url.end()) ? url.start() : -1;
                continue;
            }
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                sb.append(' ');
            } else if (INLINE.indexOf(c) >= 0 || (sb.length() == 0 && LINE_START.indexOf(c) >= 0)) {
                sb.append('\\').append(c);
            } else if (c == '!' && i + 1 < s.length() && s.charAt(i + 1) == '[') {
                sb.append("\\!");
            } else if (Character.isDigit(c) && sb.length() == 0 && i + 1 < s.length()
                    && (s.charAt(i + 1) == '.' || s.charAt(i + 1) == ')')) {
                sb.append(c).append('\\').append(s.charAt(++i)); // "1. " would start a list
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Inline code that the text cannot break out of (its longest backtick run is outdone). */
    public static String code(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
        return fence + pad + s.replace('\n', ' ').replace('\r', ' ') + pad + fence;
    }
}
