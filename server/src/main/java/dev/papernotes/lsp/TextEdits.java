package dev.papernotes.lsp;

import dev.papernotes.notes.LineIndex;
import java.util.List;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** Applies LSP content changes to a text; out-of-range positions are clamped, never thrown on. */
final class TextEdits {
    private TextEdits() {
    }

    static String apply(String text, List<TextDocumentContentChangeEvent> changes) {
        String result = text;
        for (TextDocumentContentChangeEvent c : changes) {
            String insert = c.getText() == null ? "" : c.getText();
            Range r = c.getRange();
            if (r == null) {
                result = insert;
                continue;
            }
            LineIndex lines = new LineIndex(result);
            int start = offset(lines, r.getStart());
            int end = offset(lines, r.getEnd());
            if (end < start) {
                int t = start;
                start = end;
                end = t;
            }
            result = result.substring(0, start) + insert + result.substring(end);
        }
        return result;
    }

    private static int offset(LineIndex lines, org.eclipse.lsp4j.Position p) {
        return p == null ? 0 : lines.offset(p.getLine(), p.getCharacter());
    }
}
