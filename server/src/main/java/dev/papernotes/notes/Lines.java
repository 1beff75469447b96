package dev.papernotes.notes;

/** Where lines start and end in a note's text, whatever it ends its lines with ({@code \n}, {@code \r\n}, {@code \r}). */
public final class Lines {
    private Lines() {
    }

    /** The end of the line holding {@code from}: the offset of its line break, or the text's length. */
    public static int end(String text, int from) {
        return end(text, from, text.length());
    }

    /**
     * {@link #end}, reading no further than {@code limit}: the line's end, or {@code limit} (or the
     * text's length) when the line runs at least that far.
     */
    public static int end(String text, int from, int limit) {
        int stop = Math.min(limit, text.length());
        int i = from;
        while (i < stop && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
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

    /**
     * {@link #start}, reading no further back than {@code floor}: the line's start, or {@code floor}
     * when the line starts there or before it.
     */
    public static int start(String text, int offset, int floor) {
        int i = Math.min(offset, text.length());
        while (i > floor && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
            i--;
        }
        return Math.max(i, floor);
    }

    /** The start of the line holding {@code offset} (an offset past the end counts as the end). */
    public static int start(String text, int offset) {
        return start(text, offset, 0);
    }
}
