package dev.papernotes.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.index.Suggester.Scope;
import dev.papernotes.notes.LocalParse;
import dev.papernotes.notes.NoteParser;
import dev.papernotes.workspace.NoteDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Completion parses only the cursor's paragraph ({@link LocalParse}); it must see exactly what a
 * parse of the whole note sees. Random notes made of the Markdown that changes what is prose
 * (fences with blank lines inside, indented code, lists with indented paragraphs, block quotes,
 * multi-line HTML, front matter, setext headings, CRLF), compared at every offset.
 */
class CompletionContextWindowTest {
    private static final String[] PROSE = {"See [[Griffon v2]] and [[Prep", "We tried Prepacking and @hidif",
        "as in [@zeroquantfp, p. 3] and `code [[not` here", "<span>[[inline html</span> then [[Dra",
        "a URL https://example.com/[[x and <https://a.b/@c> then @d", "[text](note.md#[[dest) and [[Tiny Time",
        "**bold [[Mixers** and _em @key_", "plain words only", "trailing [[", "email a@b.com and @x"};

    private static String block(Random r) {
        String p = PROSE[r.nextInt(PROSE.length)];
        return switch (r.nextInt(20)) {
            case 0 -> "```python\n" + p + "\n\n" + PROSE[r.nextInt(PROSE.length)] + "\n```";
            case 1 -> "~~~~\n" + p + "\n\nnot closed yet " + p;
            case 2 -> "    indented " + p;
            case 3 -> "- " + p + "\n\n    " + PROSE[r.nextInt(PROSE.length)] + "\n- " + p;
            case 4 -> "> " + p + "\nlazy " + p + "\n>\n> ```\n> " + p + "\n> ```";
            case 5 -> "<!-- " + p + "\n\n" + p + "\n-->";
            case 6 -> "<div>\n" + p + "\n</div>";
            case 7 -> "<pre>\n" + p + "\n\n" + p + "\n</pre>";
            case 8 -> p + "\n---";
            case 9 -> "---";
            case 10 -> "## " + p;
            case 11 -> "1. " + p + "\n   ```\n   " + p + "\n\n   ```\n2. " + p;
            case 12 -> "\t" + p;
            case 13 -> p + "\n```\n" + p;
            case 14 -> "- a\n  - b\n\n        " + p + "\n\n    " + p;
            // Blocks a list item's end closes, a raw HTML block that another raw tag ends, a lone tag
            // under a heading: where the line scan cannot follow CommonMark, or once could not.
            case 15 -> "1. " + p + "\n   ```\n   " + p + (r.nextBoolean() ? "\n\n" : "\n") + "```\n" + p;
            case 16 -> "- " + p + "\n  <div>\n```\n" + p;
            case 17 -> "<pre>\n" + p + "\n</script>\n\n" + p;
            case 18 -> "## " + p + "\n<span class=\"x\">\n```\n" + p;
            default -> p + "\n" + PROSE[r.nextInt(PROSE.length)];
        };
    }

    private static String note(Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(4) == 0) {
            sb.append("---\naliases: [x]\ntitle: ").append(PROSE[r.nextInt(PROSE.length)]).append(r.nextBoolean() ? "\n---\n" : "\n");
        }
        int blocks = 2 + r.nextInt(9);
        for (int i = 0; i < blocks; i++) {
            sb.append(block(r)).append(r.nextInt(5) == 0 ? "\n" : "\n\n");
        }
        String text = sb.toString();
        return r.nextInt(5) == 0 ? text.replace("\n", "\r\n") : text;
    }

    @Test
    void theParagraphSeesWhatTheWholeNoteSees() {
        Random r = new Random(20261129);
        int windows = 0;
        int notes = Integer.getInteger("windowNotes", 200); // -DwindowNotes=5000 for a longer search
        for (int n = 0; n < notes; n++) {
            String text = note(r);
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
