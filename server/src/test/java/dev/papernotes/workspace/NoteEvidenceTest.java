package dev.papernotes.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.notes.NoteChunks;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoteEvidenceTest {
    private static String block(String text, String word) {
        int at = text.indexOf(word);
        return text.substring(NoteEvidence.blockStart(text, at), NoteEvidence.blockEnd(text, at + word.length()));
    }

    @Test
    void aBlockIsAWrappedParagraphOrOneItem() {
        String text = "# Head\nfirst line\nsecond TSM line\nthird\n\nnext paragraph\n";
        assertEquals("first line\nsecond TSM line\nthird", block(text, "TSM"));
        String list = "- one\n- two TSM\n  wrapped\n- three\n";
        assertEquals("- two TSM\n  wrapped", block(list, "TSM"));
        String table = "| a | b |\n| TSM | c |\n| d | e |\n";
        assertEquals("| TSM | c |", block(table, "TSM"));
        assertEquals("1. TSM", block("1. TSM\n2. other\n", "TSM"));
        assertEquals("TSM", block("TSM", "TSM"));
        assertEquals("x TSM", block("a\r\n\r\nx TSM\r\n\r\nb", "TSM"));
    }

    /** The block's edges as they were first written: whole lines walked, no window. */
    private static int plainBlockStart(String text, int offset) {
        int start = dev.papernotes.notes.Lines.start(text, offset);
        while (start > 0 && !startsItemPlain(text, start)) {
            int prev = dev.papernotes.notes.Lines.start(text, start - 1);
            if (text.substring(prev, start - 1).isBlank() || oneLinePlain(text, prev)) {
                break;
            }
            start = prev;
        }
        return start;
    }

    private static int plainBlockEnd(String text, int offset) {
        int end = dev.papernotes.notes.Lines.end(text, offset);
        if (oneLinePlain(text, dev.papernotes.notes.Lines.start(text, offset))) {
            return end;
        }
        while (end < text.length()) {
            int next = dev.papernotes.notes.Lines.next(text, end);
            if (next >= text.length() || startsItemPlain(text, next)
                    || text.substring(next, dev.papernotes.notes.Lines.end(text, next)).isBlank()) {
                break;
            }
            end = dev.papernotes.notes.Lines.end(text, next);
        }
        return end;
    }

    private static boolean oneLinePlain(String text, int lineStart) {
        String rest = text.substring(lineStart).replaceFirst("^[ \\t]+", "");
        return rest.startsWith("#") || rest.startsWith("|");
    }

    private static boolean startsItemPlain(String text, int lineStart) {
        String line = text.substring(lineStart, dev.papernotes.notes.Lines.end(text, lineStart));
        String t = line.replaceFirst("^[ \t]+", "");
        return t.startsWith("#") || t.startsWith("|") || t.startsWith(">") || t.matches("^[-*+] .*")
                || t.matches("^[0-9]+[.)] .*");
    }

    /**
     * The edges of the block around an occurrence, read within the window only, are the block's edges
     * clipped to the window: on random texts of lines, items, headings, table rows and blank lines.
     */
    @Test
    void aBlockReadWithinAWindowIsTheBlockClippedToIt() {
        Random r = new Random(20261203);
        String alphabet = "aaaa  \n\n\r\t-#|>1.)*+";
        int clipped = 0;
        for (int round = 0; round < 20000; round++) {
            String text = RandomEdits.text(r, alphabet, 120);
            int offset = r.nextInt(text.length() + 1);
            int floor = Math.max(0, offset - r.nextInt(40));
            int cap = offset + r.nextInt(40);
            int start = plainBlockStart(text, offset);
            int end = plainBlockEnd(text, offset);
            assertEquals(start, NoteEvidence.blockStart(text, offset), () -> "start of " + offset + " in " + quoted(text));
            assertEquals(end, NoteEvidence.blockEnd(text, offset), () -> "end of " + offset + " in " + quoted(text));
            assertEquals(Math.max(start, floor), NoteEvidence.blockStart(text, offset, floor),
                    () -> "start of " + offset + " from " + floor + " in " + quoted(text));
            assertEquals(Math.min(end, cap), NoteEvidence.blockEnd(text, offset, cap),
                    () -> "end of " + offset + " up to " + cap + " in " + quoted(text));
            clipped += start < floor || end > cap ? 1 : 0;
        }
        assertTrue(clipped > 5000, "blocks the window clipped: " + clipped);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "\"";
    }

    @Test
    void aLowerCaseWordIsAWholeRunOfLettersWithoutCapitals() {
        assertTrue(NoteEvidence.writesWord("the halo around it", "halo"));
        assertFalse(NoteEvidence.writesWord("the HALO around it", "halo"));
        assertFalse(NoteEvidence.writesWord("a haloed lamp and ahalo", "halo"));
        assertTrue(NoteEvidence.writesWord("ahalo, halo.", "halo"));
        assertTrue(NoteEvidence.writesWord("(halo)", "halo"));
        assertTrue(NoteEvidence.writesWord("halo-like", "halo"));
        assertFalse(NoteEvidence.writesWord("Halo", "halo"));
        assertFalse(NoteEvidence.writesWord("", "halo"));
    }

    /**
     * The search per name (notes parsed whole) says what the set of all lower-case words says (a
     * stretch's words, in notes parsed in stretches).
     */
    @Test
    void searchingOneWordAgreesWithTheSetOfAllLowerCaseWords() {
        Random r = new Random(20261130);
        String alphabet = "aAbBhHlLoO é-\n.()1İı";
        for (int round = 0; round < 2000; round++) {
            String text = RandomEdits.text(r, alphabet, 60);
            Set<String> words = NoteEvidence.lowerCaseWords(text);
            for (int k = 0; k < 10; k++) {
                StringBuilder w = new StringBuilder();
                for (int i = 1 + r.nextInt(3); i > 0; i--) {
                    w.append("abhloé".charAt(r.nextInt(6)));
                }
                String word = w.toString();
                assertEquals(words.contains(word), NoteEvidence.writesWord(text, word),
                        () -> "\"" + word + "\" in \"" + text + "\"");
            }
        }
    }

    /**
     * In a note the editor owns, parsed in stretches, whether the note writes a name in lower case
     * is looked up in each stretch's words: it must say what a search of the whole note says, as
     * edits go on and stretches are kept from version to version.
     */
    @Test
    void lookingInEachStretchAgreesWithSearchingTheWholeNote() {
        Random r = new Random(20261201);
        String[] pieces = {"halo", "Halo", "HALO", "lamp", "Lamp", "haloed", " ", " ", "\n", "\n\n", "\r\n\r\n", "-",
            ".", "(", "é", "İ", "ı", "# ", "- ", "> ", "```\n", "[[Halo]]", "1"};
        String[] names = {"Halo", "HALO", "Lamp", "LAMP", "Haloed", "Ha", "İo", "Halo1"};
        StringBuilder text = new StringBuilder();
        NoteChunks chunks = null;
        int split = 0;
        int written = 0;
        RandomEdits edits = new RandomEdits(r, java.util.List.of(pieces), 4, 6, 400, 150);
        for (int round = 0; round < 3000; round++) {
            edits.edit(text);
            String note = text.toString();
            NoteChunks.Parsed parsed = NoteChunks.parse(note, null, chunks);
            chunks = parsed.chunks();
            split += chunks == null ? 0 : 1;
            NoteEvidence evidence = new NoteEvidence(null, note, chunks, null, MentionContext.NONE, Set.of(), java.util.Map.of());
            for (String name : names) {
                boolean expected = EvidenceRule.isWordShaped(name)
                        && NoteEvidence.writesWord(note, name.toLowerCase(java.util.Locale.ROOT));
                assertEquals(expected, evidence.writesLowerCase(name), () -> name + " in \"" + note + "\"");
                written += expected ? 1 : 0;
            }
        }
        assertTrue(split > 1000, "versions parsed in stretches: " + split);
        assertTrue(written > 1000, "names written in lower case: " + written);
    }
}
