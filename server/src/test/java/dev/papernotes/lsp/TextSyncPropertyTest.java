package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.papernotes.notes.NoteModel;
import dev.papernotes.notes.NoteParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

/**
 * Incremental sync against an oracle that applies the same edits to a list of lines, written
 * independently of {@link dev.papernotes.notes.LineIndex}: random edits over emoji, ZWJ sequences,
 * CJK, combining marks, lone surrogates and all three line ends, including positions past the end.
 */
class TextSyncPropertyTest {
    private static final String[] PIECES = {
        "a", "Prepacking", " ", "[[", "]]", "@hidiffusion", "\n", "\r\n", "\r", "👩‍🔬", "🧪", "研究", "ノート",
        "e\u0301", "\uD83D", "\uDE00", "`", "# ", "- ", "Mini-Monkey", "\t", "|", "B-PROP"
    };

    /** The oracle: LSP positions resolved by walking the text, clamping as the spec says. */
    static int oracleOffset(String text, int line, int character) {
        int currentLine = 0;
        int i = 0;
        while (currentLine < line) {
            if (i >= text.length()) {
                return text.length();
            }
            char c = text.charAt(i++);
            if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                i++;
                currentLine++;
            } else if (c == '\n' || c == '\r') {
                currentLine++;
            }
        }
        int lineStart = i;
        int lineEnd = lineStart;
        while (lineEnd < text.length() && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
            lineEnd++;
        }
        return Math.min(lineEnd, lineStart + Math.max(0, character));
    }

    private static String random(Random r, int pieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    @Test
    void tenThousandRandomEditsMatchTheOracle() {
        Random r = new Random(20261122);
        String text = random(r, 40);
        for (int n = 0; n < 10_000; n++) {
            int lines = (int) text.chars().filter(c -> c == '\n' || c == '\r').count() + 2;
            Position a = new Position(r.nextInt(lines + 2), r.nextInt(30));
            Position b = r.nextInt(4) == 0 ? a : new Position(r.nextInt(lines + 2), r.nextInt(30));
            if (r.nextInt(50) == 0) {
                a = new Position(r.nextInt(3) - 1, -r.nextInt(3)); // negative: clamped to the start
            }
            String insert = r.nextInt(3) == 0 ? "" : random(r, 1 + r.nextInt(4));
            TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(new Range(a, b), insert);

            int oa = oracleOffset(text, a.getLine(), a.getCharacter());
            int ob = oracleOffset(text, b.getLine(), b.getCharacter());
            if (a.getLine() < 0) {
                oa = 0;
            }
            int start = Math.min(oa, ob);
            int end = Math.max(oa, ob);
            String expected = text.substring(0, start) + insert + text.substring(end);

            String actual = TextEdits.apply(text, List.of(change));
            assertEquals(expected, actual, "edit " + n + " " + change);
            text = actual;
            if (text.length() > 4000) {
                text = text.substring(0, 2000);
            }
            if (n % 100 == 0) {
                // The model of the edited text is the model of the same text parsed fresh.
                NoteModel edited = NoteParser.parse(text);
                NoteModel fresh = NoteParser.parse(new String(text.toCharArray()));
                assertEquals(fresh.wikiLinks(), edited.wikiLinks());
                assertEquals(fresh.citations(), edited.citations());
                assertEquals(fresh.prose(), edited.prose());
            }
        }
    }

    @Test
    void fullReplacementAndSeveralChangesInOneNotification() {
        List<TextDocumentContentChangeEvent> changes = new ArrayList<>();
        changes.add(new TextDocumentContentChangeEvent("line one\r\nline two\rline three\n"));
        changes.add(new TextDocumentContentChangeEvent(new Range(new Position(1, 5), new Position(1, 8)), "2"));
        changes.add(new TextDocumentContentChangeEvent(new Range(new Position(2, 99), new Position(2, 99)), "!"));
        changes.add(new TextDocumentContentChangeEvent(new Range(new Position(99, 0), new Position(99, 0)), "end"));
        assertEquals("line one\r\nline 2\rline three!\nend", TextEdits.apply("old", changes));
    }
}
