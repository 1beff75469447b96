package dev.papernotes.notes;

/** Where lines start and end in a note's text, whatever it ends its lines with ({@code \n}, {@code \r\n}, {@code \r}). */
public final class Lines {
    private Lines() {
    }

    /** The end of the line holding {@code from}: the offset of its line break, or the text's length. */
    public static int end(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** The start of the line after the one that ends at {@code lineEnd} (past {@code \r\n} as one break). */
    public static int next(String text, int lineEnd) {
        if (lineEnd < text.length() && text.charAt(lineEnd) == '\r' && lineEnd + 1 < text.length()
                && text.charAt(lineEnd + 1) == '\n') {
            return lineEnd + 2;
        }
        return Math.min(text.length(), lineEnd + 1);
    }

    /** The start of the line holding {@code offset} (an offset past the end counts as the end). */
    public static int start(String text, int offset) {
        int i = Math.min(offset, text.length());
        while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }
}
