package dev.papernotes.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A note parsed stretch by stretch, reusing an earlier version's stretches, must be the parse of
 * the whole note: random notes made of the Markdown that changes what is prose and where blocks
 * end, each edited at random many times over, every version compared with a parse from nothing.
 */
class NoteChunksTest {
    private static final String[] PROSE = {"See [[Griffon v2]] and [[Prep", "We tried Prepacking and @hidif",
        "as in [@zeroquantfp, p. 3] and `code [[not` here", "<span>[[inline html</span> then [[Dra",
        "a URL https://example.com/[[x and <https://a.b/@c> then @d", "[text](note.md#[[dest) and [[Tiny Time",
        "**bold [[Mixers** and _em @key_", "plain words only", "trailing [[", "email a@b.com and @x",
        "a block ^blk-1", "![img](pic.png) and [[Note#Heading|shown]] and ![[embed]]", "[[]] and [[ ]]"};

    private static String block(Random r) {
        String p = PROSE[r.nextInt(PROSE.length)];
        return switch (r.nextInt(27)) {
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
            case 15 -> p + "\n===";
            case 16 -> "Title " + p + "\n\n===";
            case 17 -> r.nextInt(4) == 0 ? "[ref]: https://example.com \"t\"" : "[" + p + "][ref]";
            case 18 -> "<script>\n" + p + "\n\n</script>";
            // Blocks in list items that the item's end closes, and what CommonMark reads after them.
            case 19 -> "1. " + p + "\n   ```\n   " + p + (r.nextBoolean() ? "\n\n" : "\n") + "```\n" + p;
            case 20 -> "- " + p + "\n  <div>\n```\n" + p;
            case 21 -> "- " + p + "\n  <!--\n\n" + p + "\n-->";
            case 22 -> "1. x\n   ```\n   a\n      ```\n   ```\n" + p;
            case 23 -> "<span class=\"x\">\n```\n" + p;
            // Images pasted from GitHub: a lone tag under text, or indented in a list item.
            case 24 -> p + "\n<img width=400 alt=\"a\" src=\"https://example.com/a.png\">\n" + p;
            case 25 -> "- " + p + "\n  <img width=\"300\" src=\"b.png\">\n" + p + "\n\n## " + p + "\n<img src=\"c.png\">";
            default -> p + "\n" + PROSE[r.nextInt(PROSE.length)];
        };
    }

    private static String note(Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(4) == 0) {
            sb.append("---\naliases: [x, \"Y z\"]\ntitle: ").append(PROSE[r.nextInt(PROSE.length)])
                    .append(r.nextBoolean() ? "\n---\n" : "\n");
        }
        int blocks = 2 + r.nextInt(12);
        for (int i = 0; i < blocks; i++) {
            sb.append(block(r)).append(r.nextInt(5) == 0 ? "\n" : "\n\n");
        }
        String text = sb.toString();
        return switch (r.nextInt(8)) {
            case 0 -> text.replace("\n", "\r\n");
            case 1 -> text.replace("\n", "\r");
            default -> text;
        };
    }

    /** An edit as typing makes them: a few characters in or out, a line break, a block pasted, a cut. */
    private static String edit(Random r, String text) {
        int at = r.nextInt(text.length() + 1);
        return switch (r.nextInt(7)) {
            case 0 -> text.substring(0, at) + "\n" + text.substring(at);
            case 1 -> text.substring(0, at) + "\n\n" + block(r) + "\n\n" + text.substring(at);
            case 2 -> {
                int to = Math.min(text.length(), at + 1 + r.nextInt(40));
                yield text.substring(0, at) + text.substring(to);
            }
            case 3 -> text.substring(0, at) + "`" + text.substring(at);
            case 4 -> text.substring(0, at) + "[[Mini-Mon" + text.substring(at);
            default -> text.substring(0, at) + "x" + text.substring(at);
        };
    }

    private static void assertSameParse(String text, NoteModel whole, NoteModel pieces) {
        String where = "for the note: " + text.replace("\r", "\\r").replace("\n", "\\n\n") + "\nstretches at "
                + java.util.Arrays.toString(LocalParse.freshStarts(text));
        assertEquals(whole.text(), pieces.text());
        assertEquals(whole.prose(), pieces.prose(), where);
        assertEquals(whole.wikiLinks(), pieces.wikiLinks(), where);
        assertEquals(whole.links(), pieces.links(), where);
        assertEquals(whole.citations(), pieces.citations(), where);
        assertEquals(whole.headings(), pieces.headings(), where);
        assertEquals(whole.blockIds(), pieces.blockIds(), where);
        assertEquals(whole.aliases(), pieces.aliases(), where);
    }

    @Test
    void everyVersionOfAnEditedNoteParsesAsTheWholeNote() {
        Random r = new Random(20261130);
        int notes = Integer.getInteger("chunkNotes", 300); // -DchunkNotes=5000 for a longer search
        int versions = 0;
        for (int n = 0; n < notes; n++) {
            String text = note(r);
            NoteChunks chunks = null;
            for (int e = 0; e < 25; e++) {
                NoteChunks.Parsed p = NoteChunks.parse(text, null, chunks);
                assertSameParse(text, NoteParser.parse(text), p.model());
                chunks = p.chunks();
                versions++;
                text = edit(r, text);
            }
        }
        assertEquals(notes * 25, versions);
    }

    @Test
    void anEditReparsesItsOwnStretchAndKeepsTheOthers() {
        String first = "# Notes\n\nWe read [[Griffon v2]] today.\n\n";
        String text = first + "Then Prepacking, @hidiffusion.\n";
        NoteChunks.Parsed before = NoteChunks.parse(text, null, null);
        NoteModel firstStretch = before.chunks().stretch("# Notes\n\n");
        assertNotNull(firstStretch);

        String edited = first + "Then Prepacking, @hidiffusion and [[Mini-Mon\n";
        NoteChunks.Parsed after = NoteChunks.parse(edited, null, before.chunks());

        assertSame(firstStretch, after.chunks().stretch("# Notes\n\n"), "an unchanged stretch is not parsed again");
        assertSame(before.chunks().stretch("We read [[Griffon v2]] today.\n\n"),
                after.chunks().stretch("We read [[Griffon v2]] today.\n\n"));
        assertNotSame(null, after.chunks().stretch("Then Prepacking, @hidiffusion and [[Mini-Mon\n"));
        assertNull(after.chunks().stretch("Then Prepacking, @hidiffusion.\n"), "what the edit replaced is dropped");
        assertSameParse(edited, NoteParser.parse(edited), after.model());
        assertEquals(1, after.model().wikiLinks().size(), "[[Mini-Mon is not closed yet");
        assertEquals(edited.indexOf("[[Griffon"), after.model().wikiLinks().get(0).span().start());
    }

    @Test
    void aLinkReferenceDefinitionMakesItOneParse() {
        String text = "See [x].\n\nMore [[Griffon v2]].\n\n[x]: https://example.com\n";
        NoteChunks.Parsed p = NoteChunks.parse(text, null, null);
        assertNull(p.chunks(), "a definition can make a link anywhere: no stretch parses alone");
        assertSameParse(text, NoteParser.parse(text), p.model());
    }
}
