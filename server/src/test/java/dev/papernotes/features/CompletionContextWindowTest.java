package dev.papernotes.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.index.Suggester.Scope;
import dev.papernotes.notes.LineIndex;
import dev.papernotes.notes.LocalParse;
import dev.papernotes.notes.NoteParser;
import dev.papernotes.notes.RandomNotes;
import dev.papernotes.workspace.NoteDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Completion parses only the cursor's paragraph ({@link LocalParse}); it must see exactly what a
 * parse of the whole note sees. {@link RandomNotes}, compared at many offsets.
 */
class CompletionContextWindowTest {
    @Test
    void theParagraphSeesWhatTheWholeNoteSees() {
        Random r = new Random(20261129);
        int windows = 0;
        int notes = Integer.getInteger("windowNotes", 200); // -DwindowNotes=5000 for a longer search
        for (int n = 0; n < notes; n++) {
            String text = RandomNotes.note(r);
            var whole = NoteParser.parse(text);
            List<Integer> offsets = new ArrayList<>();
            for (int i = 0; i <= text.length(); i++) {
                char before = i > 0 ? text.charAt(i - 1) : ' ';
                if (before == '[' || before == '@' || r.nextInt(6) == 0) {
                    offsets.add(i);
                }
            }
            for (int offset : offsets) {
                CompletionContext expected = CompletionContext.at(whole, offset);
                NoteDocument doc = new NoteDocument("file:///n.md", null, text, 1, true);
                CompletionContext actual = CompletionContext.at(doc, offset);
                assertEquals(expected, actual, () -> "at " + offset + " in:\n" + text.replace("\r", "\\r"));
                if (LocalParse.around(text, offset) != null) {
                    windows++;
                }
            }
        }
        // Most offsets must be answered from a window, or the test compares the whole parse with itself.
        assertTrue(windows > 15 * notes, "offsets answered from a window: " + windows);
    }

    @Test
    void aKeystrokeParsesItsParagraphNotTheNote() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            sb.append("Paragraph ").append(i).append(" mentions [[Griffon v2]] and @hidiffusion.\n\n");
        }
        sb.append("Now typing [[Prepa");
        String text = sb.toString();
        LocalParse.Window w = LocalParse.around(text, text.length());
        assertNotNull(w);
        assertEquals("Now typing [[Prepa", w.model().text());
        CompletionContext c = CompletionContext.at(new NoteDocument("file:///n.md", null, text, 1, true), text.length());
        assertEquals(Scope.WIKI, c.scope());
        assertEquals("Prepa", c.typed());
        assertEquals(text.length() - 5, c.start());

        // A reading list: "]:" on every line, no link reference definition
        String list = "- [[Griffon v2]]: a model\n".repeat(300) + "\nNow typing [[Prepa";
        LocalParse.Window inList = LocalParse.around(list, new LineIndex(list), list.length());
        assertNotNull(inList);
        assertEquals("Now typing [[Prepa", inList.model().text());
    }

    @Test
    void insideAFenceNothingIsCompletedAndReferenceDefinitionsNeedTheWholeNote() {
        String fenced = "intro\n\n```\n\n[[Prepa\n```\n";
        int at = fenced.indexOf("Prepa") + 5;
        assertNull(CompletionContext.at(new NoteDocument("file:///n.md", null, fenced, 1, true), at));
        String refs = "[[Prepa\n\n[x]: https://example.com\n";
        assertNull(LocalParse.around(refs, 7));
        assertEquals("Prepa", CompletionContext.at(new NoteDocument("file:///n.md", null, refs, 1, true), 7).typed());
    }
}
