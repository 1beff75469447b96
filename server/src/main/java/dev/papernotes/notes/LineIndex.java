package dev.papernotes.notes;

import java.util.Arrays;

/**
 * Converts between offsets in a text and LSP positions (line, UTF-16 code unit). Lines end in
 * {@code \n}, {@code \r\n} or a bare {@code \r}, as LSP says. Positions past the end of a line or
 * of the text are clamped, never an exception: editors do send them.
 */
public final class LineIndex {
    private final int[] starts;
    private final int length;
    private final CharSequence text;

    public LineIndex(CharSequence text) {
        this.text = text;
        this.length = text.length();
        int[] s = new int[16];
        int n = 1;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
            }
        }
        starts = Arrays.copyOf(s, n);
    }

    private LineIndex(CharSequence text, int[] starts) {
        this.text = text;
        this.length = text.length();
        this.starts = starts;
    }

    /**
     * The index of {@code newText}: this index's text with {@code [start, end)} replaced by
     * {@code inserted} characters. A keystroke's work: only line ends in and next to the edit are
     * looked at; the other line starts are copied, those after the edit shifted.
     */
    public LineIndex edited(CharSequence newText, int start, int end, int inserted) {
        int delta = inserted - (end - start);
        if (start < 0 || end < start || end > length || newText.length() != length + delta) {
            return new LineIndex(newText);
        }
        int[] s = new int[starts.length + inserted + 1];
        int n = 0;
        // A line start before the edit depends only on the characters before it and the one at it.
        for (int i = 0; i < starts.length && starts[i] < start; i++) {
            s[n++] = starts[i];
        }
        if (n == 0) {
            s[n++] = 0;
        }
        // A line end at, or just before, a changed character: looked at in the new text.
        int newLength = newText.length();
        for (int i = Math.max(0, start - 1); i < Math.min(newLength, start + inserted); i++) {
            char c = newText.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= newLength || newText.charAt(i + 1) != '\n')) {
                s[n++] = i + 1;
            }
        }
        // Line ends after the edit are where they were, shifted.
        int from = java.util.Arrays.binarySearch(starts, end + 1);
        from = from >= 0 ? from : -from - 1;
        if (n + starts.length - from > s.length) {
            s = Arrays.copyOf(s, n + starts.length - from);
        }
        for (int i = from; i < starts.length; i++) {
            s[n++] = starts[i] + delta;
        }
        return new LineIndex(newText, Arrays.copyOf(s, n));
    }

    public int lineCount() {
        return starts.length;
    }

    public int lineStart(int line) {
        return starts[clampLine(line)];
    }

    /** Offset just past the last character of {@code line}, before its line end. */
    public int lineEnd(int line) {
        int l = clampLine(line);
        int end = l + 1 < starts.length ? starts[l + 1] : length;
        if (end > starts[l] && end <= length && l + 1 < starts.length) {
            end--;
            if (end > starts[l] && text.charAt(end) == '\n' && text.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return end;
    }

    /**
     * The end of the line holding {@code offset}, before its line end: {@link Lines#end} without
     * walking the line (a paragraph written as one long line has hundreds of names, each asking).
     * An offset inside a {@code \r\n} belongs to the line it ends.
     */
    public int lineEndAt(int offset) {
        return lineEnd(line(offset));
    }

    /** The offset of an LSP position, clamped into the text and onto the line's content. */
    public int offset(int line, int character) {
        if (line < 0) {
            return 0;
        }
        if (line >= starts.length) {
            return length;
        }
        int start = starts[line];
        int end = lineEnd(line);
        return Math.max(start, Math.min(end, start + Math.max(0, character)));
    }

    public int line(int offset) {
        int o = Math.max(0, Math.min(length, offset));
        int i = Arrays.binarySearch(starts, o);
        return i >= 0 ? i : -i - 2;
    }

    public int character(int offset) {
        int o = Math.max(0, Math.min(length, offset));
        return o - starts[line(o)];
    }

    private int clampLine(int line) {
        return Math.max(0, Math.min(starts.length - 1, line));
    }
}
