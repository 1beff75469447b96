package dev.papernotes.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoredNamesTest {
    private static String applied(String text, String name) {
        IgnoredNames.Edit e = IgnoredNames.frontMatterEdit(text, name);
        return text.substring(0, e.start()) + e.text() + text.substring(e.end());
    }

    /** A hand-written loop now (it runs for every mention at every edit): what the regex did. */
    @Test
    void normalizingStripsAndCollapsesWhitespaceAsTheRegexDid() {
        java.util.Random r = new java.util.Random(20261201);
        String alphabet = "ab  \t\n\r\u000B\f\u00A0\u2003\u3000-é";
        for (int round = 0; round < 20000; round++) {
            String n = RandomEdits.text(r, alphabet, 12);
            assertEquals(n.strip().replaceAll("\\s+", " "), IgnoredNames.normalize(n), () -> "\"" + n + "\"");
        }
        assertEquals("Griffon v2", IgnoredNames.normalize("  Griffon \t\n v2 "));
    }

    @Test
    void frontMatterListsFlowBlockOrScalar() {
        assertEquals(Set.of("TSM", "SOLO"), IgnoredNames.fromFrontMatter("---\npapernotes-ignore: [TSM, SOLO]\n---\nbody"));
        assertEquals(Set.of("TSM", "TL;DR"), IgnoredNames.fromFrontMatter("---\npapernotes-ignore:\n  - TSM\n  - \"TL;DR\"\n...\n"));
        assertEquals(Set.of("PaLM 2"), IgnoredNames.fromFrontMatter("---\r\npapernotes-ignore: PaLM   2\r\n---\r\n"));
        assertEquals(Set.of(), IgnoredNames.fromFrontMatter("---\npapernotes-ignore: [unclosed\n---\n"));
        assertEquals(Set.of(), IgnoredNames.fromFrontMatter("no front matter papernotes-ignore: [X]"));
        assertEquals(Set.of(), IgnoredNames.fromFrontMatter("---\ntags: [a]\n---\n"));
    }

    @Test
    void editsAddTheNameWhereverTheListIs() {
        assertEquals("---\npapernotes-ignore: [TSM]\n---\n# Note\n", applied("# Note\n", "TSM"));
        assertEquals("---\r\npapernotes-ignore: [TSM]\r\n---\r\nx\r\n", applied("x\r\n", "TSM"));
        assertEquals("---\ntags: [a]\npapernotes-ignore: [TSM]\n---\nx\n", applied("---\ntags: [a]\n---\nx\n", "TSM"));
        assertEquals("---\npapernotes-ignore: [SOLO, TSM]\n---\n", applied("---\npapernotes-ignore: [SOLO]\n---\n", "TSM"));
        assertEquals("---\npapernotes-ignore: [TSM]\n---\n", applied("---\npapernotes-ignore: []\n---\n", "TSM"));
        assertEquals("---\npapernotes-ignore:\n    - SOLO\n    - TSM\ntags: x\n---\n",
                applied("---\npapernotes-ignore:\n    - SOLO\ntags: x\n---\n", "TSM"));
        assertEquals("---\npapernotes-ignore: [SOLO, \"TL;DR: x\"]\n---\n",
                applied("---\npapernotes-ignore: SOLO\n---\n", "TL;DR: x"));
        // What an edit writes reads back as the same names.
        for (String name : new String[] {"TSM", "TL;DR", "a \"quoted\" name", "true", "x: y", "C++", "50%"}) {
            assertEquals(Set.of(name), IgnoredNames.fromFrontMatter(applied("body\n", name)), name);
        }
    }

    @Test
    void theWorkspaceFileKeepsOtherKeysAndIsWrittenWhole(@TempDir Path dir) throws IOException {
        assertEquals(Set.of(), IgnoredNames.fromWorkspaceFile(dir));
        assertTrue(IgnoredNames.addToWorkspaceFile(dir, "TSM"));
        assertFalse(IgnoredNames.addToWorkspaceFile(dir, " TSM "));
        Files.writeString(dir.resolve(".papernotes.json"), "{\"other\": 1, \"ignore\": [\"SOLO\"]}");
        assertTrue(IgnoredNames.addToWorkspaceFile(dir, "TSM"));
        assertEquals(Set.of("SOLO", "TSM"), IgnoredNames.fromWorkspaceFile(dir));
        assertTrue(Files.readString(dir.resolve(".papernotes.json")).contains("\"other\": 1"));
        Files.writeString(dir.resolve(".papernotes.json"), "{broken");
        assertEquals(Set.of(), IgnoredNames.fromWorkspaceFile(dir));
        assertThrows(IOException.class, () -> IgnoredNames.addToWorkspaceFile(dir, "X"));
        assertEquals("{broken", Files.readString(dir.resolve(".papernotes.json")));
    }
}
