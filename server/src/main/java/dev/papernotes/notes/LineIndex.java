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
