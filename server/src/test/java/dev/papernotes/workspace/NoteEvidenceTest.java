package dev.papernotes.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
