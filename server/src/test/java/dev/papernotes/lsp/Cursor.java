package dev.papernotes.lsp;

import dev.papernotes.notes.LineIndex;
import org.eclipse.lsp4j.Position;

/** A note text with a cursor marker {@code ‸}, as LemMinX states its test documents. */
public record Cursor(String text, Position position, int offset) {
    public static final char MARK = '‸';

    public static Cursor of(String marked) {
        int at = marked.indexOf(MARK);
        if (at < 0 || marked.indexOf(MARK, at + 1) >= 0) {
            throw new IllegalArgumentException("exactly one " + MARK + " expected in: " + marked);
        }
        String text = marked.substring(0, at) + marked.substring(at + 1);
        LineIndex lines = new LineIndex(text);
        return new Cursor(text, new Position(lines.line(at), lines.character(at)), at);
    }
}
