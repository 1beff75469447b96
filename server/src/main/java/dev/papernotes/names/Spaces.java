package dev.papernotes.names;

/** Runs of white space (line breaks and no-break spaces too) as one space, none at the ends. */
public final class Spaces {
    private Spaces() {
    }

    /**
     * The text with every run of white space made one space and none at either end; "" for null.
     * Titles wrapped over lines and names with no-break spaces then compare as written.
     */
    public static String collapse(String s) {
        if (s == null) {
            return "";
        }
        if (isCollapsed(s)) {
            return s; // the usual case: a title or abstract as a reader cleaned it
        }
        // Runs of words copied at once: an abstract read back for a hover is collapsed again.
        char[] cs = s.toCharArray();
        StringBuilder sb = new StringBuilder(cs.length);
        int i = 0;
        while (i < cs.length) {
            while (i < cs.length && isSpace(cs[i])) {
                i++;
            }
            int start = i;
            while (i < cs.length && !isSpace(cs[i])) {
                i++;
            }
            if (start < i) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(cs, start, i - start);
            }
        }
        return sb.toString();
    }

    /** {@link Character#isWhitespace} or {@link Character#isSpaceChar}, ASCII answered without a table. */
    private static boolean isSpace(char c) {
        if (c < 128) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Single plain spaces between words, none at either end: nothing to collapse. */
    private static boolean isCollapsed(String s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < 127) {
                continue;
            }
            if (c == ' ') {
                if (s.charAt(i + 1) == ' ') {
                    return false;
                }
            } else if (c < ' ' || isSpace(c)) {
                return false;
            }
        }
        return true;
    }
}
