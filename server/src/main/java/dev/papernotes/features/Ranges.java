package dev.papernotes.features;

import dev.papernotes.notes.LineIndex;
import dev.papernotes.notes.NoteModel.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Offsets to LSP ranges and back, in UTF-16 code units. */
public final class Ranges {
    private Ranges() {
    }

    public static Range of(LineIndex lines, Span span) {
        return of(lines, span.start(), span.end());
    }

    public static Range of(LineIndex lines, int start, int end) {
        return new Range(position(lines, start), position(lines, end));
    }

    public static Position position(LineIndex lines, int offset) {
        return new Position(lines.line(offset), lines.character(offset));
    }

    /** The offset of a client position, clamped into the text; null positions give 0. */
    public static int offset(LineIndex lines, Position p) {
        return p == null ? 0 : lines.offset(p.getLine(), p.getCharacter());
    }

    /** A whole line of a corpus file (0-based), for definitions: the title line. */
    public static Range line(int zeroBasedLine, int length) {
        return new Range(new Position(zeroBasedLine, 0), new Position(zeroBasedLine, length));
    }
}
