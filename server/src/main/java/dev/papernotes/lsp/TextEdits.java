package dev.papernotes.lsp;

import dev.papernotes.notes.LineIndex;
import java.util.List;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** Applies LSP content changes to a text; out-of-range positions are clamped, never thrown on. */
final class TextEdits {
    private TextEdits() {
    }

    /** The new text, its line starts, and where the last change left the caret (just after its inserted text). */
    record Applied(String text, LineIndex lines, int caret) {
    }

    static String apply(String text, List<TextDocumentContentChangeEvent> changes) {
        return applyWithCaret(text, new LineIndex(text), changes).text();
    }

    /** @param lines the line starts of {@code text} */
    static Applied applyWithCaret(String text, LineIndex lines, List<TextDocumentContentChangeEvent> changes) {
        String result = text;
        int caret = -1;
        for (TextDocumentContentChangeEvent c : changes) {
            String insert = c.getText() == null ? "" : c.getText();
            Range r = c.getRange();
            if (r == null) {
                result = insert;
                lines = new LineIndex(result);
                caret = -1;
                continue;
            }
            int start = offset(lines, r.getStart());
            int end = offset(lines, r.getEnd());
            if (end < start) {
                int t = start;
                start = end;
                end = t;
            }
            // One copy of the note a keystroke, not three (two substrings and their concatenation).
            result = new StringBuilder(result.length() - (end - start) + insert.length())
                    .append(result, 0, start).append(insert).append(result, end, result.length()).toString();
            lines = lines.edited(result, start, end, insert.length());
            caret = start + insert.length();
        }
        return new Applied(result, lines, caret);
    }

    private static int offset(LineIndex lines, org.eclipse.lsp4j.Position p) {
        return p == null ? 0 : lines.offset(p.getLine(), p.getCharacter());
    }
}
