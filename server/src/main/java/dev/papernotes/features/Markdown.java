package dev.papernotes.features;

/** Markdown built from corpus text: every character that could start markup is escaped. */
public final class Markdown {
    private static final String SPECIAL = "\\`*_{}[]()<>#+-.!|~$&:\"'=";

    private Markdown() {
    }

    /** Corpus text as literal Markdown: no link, image, HTML, code or emphasis can come out of it. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                sb.append(' ');
            } else if (SPECIAL.indexOf(c) >= 0) {
                sb.append('\\').append(c);
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
        return fence + pad + s.replace('\n', ' ') + pad + fence;
    }
}
