package dev.papernotes.workspace;

import dev.papernotes.notes.NoteModel.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * TeX math in prose ({@code $\Delta W = BA$}, {@code $$...$$}), which Obsidian, pandoc and most
 * note tools render as formulas: nothing in it is a name. Delimiters as pandoc reads them: an
 * opening {@code $} is followed by a non-blank, a closing one follows a non-blank and is not
 * followed by a digit ({@code $5 and $10} is no formula); {@code \$} is a dollar sign.
 */
final class InlineMath {
    private InlineMath() {
    }

    /** The parts of {@code span} outside math, in order. */
    static List<Span> outside(String text, Span span) {
        int end = span.end();
        int from = span.start();
        if (from >= end) {
            return List.of();
        }
        if (nextDollar(text, from, end) < 0) {
            return List.of(span);
        }
        List<Span> out = new ArrayList<>();
        int i = from;
        while (i < end) {
            int open = nextDollar(text, i, end);
            if (open < 0) {
                break;
            }
            boolean display = open + 1 < end && text.charAt(open + 1) == '$';
            int close = display ? closeDisplay(text, open + 2, end) : closeInline(text, open, end);
            if (close < 0) {
                i = open + (display ? 2 : 1);
                continue;
            }
            if (open > from) {
                out.add(new Span(from, open));
            }
            from = close;
            i = close;
        }
        if (from < end) {
            out.add(new Span(from, end));
        }
        return out;
    }

    private static int nextDollar(String text, int from, int end) {
        for (int i = from; i < end; i++) {
            if (text.charAt(i) == '$' && (i == 0 || text.charAt(i - 1) != '\\')) {
                return i;
            }
        }
        return -1;
    }

    /** The offset after the closing {@code $$}, or -1. */
    private static int closeDisplay(String text, int from, int end) {
        for (int i = from; i + 1 < end; i++) {
            if (text.charAt(i) == '$' && text.charAt(i + 1) == '$' && text.charAt(i - 1) != '\\') {
                return i + 2;
            }
        }
        return -1;
    }

    /** The offset after the closing {@code $} of an inline formula opened at {@code open}, or -1. */
    private static int closeInline(String text, int open, int end) {
        if (open + 1 >= end || Character.isWhitespace(text.charAt(open + 1))) {
            return -1;
        }
        for (int i = open + 2; i < end; i++) {
            char c = text.charAt(i);
            if (c == '$' && text.charAt(i - 1) != '\\') {
                if (Character.isWhitespace(text.charAt(i - 1))) {
                    return -1;
                }
                if (i + 1 < end && Character.isDigit(text.charAt(i + 1))) {
                    return -1;
                }
                return i + 1;
            }
            if (c == '\n' && i + 1 < end && (text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r')) {
                return -1; // a blank line ends the paragraph
            }
        }
        return -1;
    }
}
