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
 * the whole note: {@link RandomNotes}, each edited at random many times over, every version
 * compared with a parse from nothing.
 */
class NoteChunksTest {
    /** An edit as typing makes them: a few characters in or out, a line break, a block pasted, a cut. */
    private static String edit(Random r, String text) {
        int at = r.nextInt(text.length() + 1);
        return switch (r.nextInt(7)) {
            case 0 -> text.substring(0, at) + "\n" + text.substring(at);
            case 1 -> text.substring(0, at) + "\n\n" + RandomNotes.block(r) + "\n\n" + text.substring(at);
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
                + java.util.Arrays.toString(LocalParse.freshStarts(text, new LineIndex(text)));
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
            String text = RandomNotes.note(r);
            NoteChunks chunks = null;
            for (int e = 0; e < 25; e++) {
                // with the note's line starts (as an open note has them) and without
                NoteChunks.Parsed p = NoteChunks.parse(text, e % 2 == 0 ? null : new LineIndex(text), chunks);
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
    void whatIsWorkedOutFromAStretchStaysWithItUntilAnEditChangesIt() {
        String text = "# Notes\n\nWe read [[Griffon v2]] today.\n\nThen Prepacking.\n";
        NoteChunks before = NoteChunks.parse(text, null, null).chunks();
        Object key = new Object();
        java.util.List<String> worked = new java.util.ArrayList<>();
        java.util.function.Function<NoteModel, String> work = m -> {
            worked.add(m.text());
            return m.text().strip();
        };
        assertEquals(3, before.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(text.substring(before.start(i), i + 1 < before.size() ? before.start(i + 1) : text.length()).strip(),
                    before.remembered(i, key, work));
        }
        assertEquals(3, worked.size());

        String edited = text.replace("Then Prepacking.", "Then Prepacking and Griffon.");
        NoteChunks after = NoteChunks.parse(edited, null, before).chunks();
        for (int i = 0; i < after.size(); i++) {
            after.remembered(i, key, work);
        }
        assertEquals(java.util.List.of("Then Prepacking and Griffon.\n"), worked.subList(3, worked.size()),
                "only the edited stretch is worked out again");
        assertEquals("# Notes", after.remembered(0, key, work));
        assertEquals("other", after.remembered(0, new Object(), m -> "other"), "another key, another memo");
        assertEquals(4, worked.size());
    }

    @Test
    void aLinkReferenceDefinitionMakesItOneParse() {
        String text = "See [x].\n\nMore [[Griffon v2]].\n\n[x]: https://example.com\n";
        NoteChunks.Parsed p = NoteChunks.parse(text, null, null);
        assertNull(p.chunks(), "a definition can make a link anywhere: no stretch parses alone");
        assertSameParse(text, NoteParser.parse(text), p.model());
    }

    @Test
    void aReadingListIsParsedStretchByStretch() {
        // "]:" on every line, and no definition: a label holds no bracket
        String text = "# Week 1\n\n- [[Griffon v2]]: a model\n- [[Prepacking]]: packs prompts\n\n"
                + "## Week 2\n\n- [ ] [[Dragonfly]]: read the ablations\n";
        NoteChunks.Parsed p = NoteChunks.parse(text, null, null);
        assertNotNull(p.chunks(), "stretches, not one parse");
        assertEquals(4, p.chunks().size());
        assertSameParse(text, NoteParser.parse(text), p.model());
    }
}
