package dev.papernotes.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.notes.NoteModel.Link;
import dev.papernotes.notes.NoteModel.MarkdownLink;
import dev.papernotes.notes.NoteModel.Span;
import dev.papernotes.notes.NoteModel.WikiLink;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The link model the parser builds: exact cases for each form, and seeded random notes for its invariants. */
class NoteLinksParserTest {

    private static String describe(Link l, String text) {
        String kind = l instanceof WikiLink w ? (w.embed() ? "embed" : "wiki") : (l.embed() ? "image" : "md");
        String s = kind + " '" + l.target() + "'@" + text.substring(l.targetSpan().start(), l.targetSpan().end());
        if (l.anchor() != null) {
            s += " #" + l.anchor() + "@" + text.substring(l.anchorSpan().start(), l.anchorSpan().end());
        }
        if (l instanceof WikiLink w && w.alias() != null) {
            s += " |" + w.alias();
        }
        return s;
    }

    private static List<String> links(String text) {
        NoteModel m = NoteParser.parse(text);
        return m.links().stream().map(l -> describe(l, text)).toList();
    }

    @Test
    void everyWikiForm() {
        assertEquals(List.of("wiki 'note'@note", "wiki 'folder/note.md'@folder/note.md #Heading@Heading |shown",
                "wiki ''@ #Local@Local", "wiki 'note'@note #^blk-1@^blk-1", "embed 'Pasted image 1.png'@Pasted image 1.png",
                "embed 'paper.pdf'@paper.pdf #page=3@page=3"),
                links("[[note]] [[ folder/note.md#Heading|shown]] [[#Local]] [[note#^blk-1]] ![[Pasted image 1.png]] "
                        + "![[paper.pdf#page=3]]"));
    }

    @Test
    void aBarEscapedInATableCellStillSeparatesTheAlias() {
        assertEquals(List.of("wiki 'note'@note |cell"), links("| a | [[note\\|cell]] |"));
    }

    @Test
    void escapedCodeAndFrontMatterAreNoLinks() {
        assertEquals(List.of(), links("\\[[not a link]] `[[code]]`\n\n```\n[[fenced]]\n```\n"));
        assertEquals(List.of("wiki 'after'@after"), links("---\nup: \"[[front]]\"\n---\n[[after]]\n"));
    }

    @Test
    void markdownLinksToLocalPathsOnly() {
        assertEquals(List.of("md 'other note.md'@other%20note.md #my-heading@my-heading",
                "md 'with spaces.md'@with spaces.md", "image 'a/b.png'@a/b.png", "md ''@ #top@top",
                "md 'x(1).md'@x\\(1\\).md"),
                links("[a](other%20note.md#my-heading) [b](<with spaces.md>) ![c](a/b.png) [web](https://x.org/a.md) "
                        + "[m](mailto:a@b.c) [same](#top) [paren](x\\(1\\).md) [ref][r]\n\n[r]: elsewhere.md\n"));
        MarkdownLink angled = (MarkdownLink) NoteParser.parse("[b](<with spaces.md>)").links().get(0);
        assertTrue(angled.angled());
        MarkdownLink encoded = (MarkdownLink) NoteParser.parse("[a](other%20note.md)").links().get(0);
        assertTrue(encoded.encoded());
    }

    @Test
    void blockIdsEndALineAndAreNotProse() {
        String text = "A claim. ^claim-1\n\n- item ^item2\n\n^alone\n\nx^2 and a ^ b\n";
        NoteModel m = NoteParser.parse(text);
        assertEquals(List.of("claim-1", "item2", "alone"), m.blockIds().stream().map(NoteModel.BlockId::id).toList());
        int caret = text.indexOf("^claim-1");
        assertTrue(!m.inProse(caret + 2), "a block id is not prose");
    }

    @Test
    void aliasesFromFrontMatter() {
        assertEquals(List.of("One", "Two: three"), NoteParser.parse("---\naliases: [One, \"Two: three\"]\n---\n# x\n").aliases());
        assertEquals(List.of("Single"), NoteParser.parse("---\nalias: Single\n---\n").aliases());
        assertEquals(List.of("Listed", "Second"),
                NoteParser.parse("---\naliases:\n  - Listed\n  - \"[[Second]]\"\n---\n").aliases());
        assertEquals(List.of(), NoteParser.parse("---\naliases: [unclosed\n---\n").aliases());
        assertEquals(List.of(), NoteParser.parse("no front matter\naliases: [x]\n").aliases());
        assertEquals(List.of(), NoteParser.parse("---\naliases: [never closed]\n").aliases());
    }

    @Test
    void percentEncodingAndEscapesAreDecoded() {
        assertEquals("a b/ü.md", MarkdownLinks.decode("a%20b/%C3%BC.md"));
        assertEquals("50%", MarkdownLinks.decode("50%"));
        assertEquals("a(b).md", MarkdownLinks.decode("a\\(b\\).md"));
        assertEquals("my%20note%28v2%29.md", MarkdownLinks.encode("my note(v2).md"));
        assertEquals("results-so-far", MarkdownLinks.slug("Results so far!"));
    }

    /** Random notes made of link syntax and its near misses: the model's invariants always hold. */
    @Test
    void randomNotesKeepTheInvariants() {
        String[] pieces = {"[[", "]]", "![[", "[", "]", "(", ")", "<", ">", "|", "\\|", "#", "^", "!", "note", "a b",
                "folder/", ".md", "%20", "\\", "`", "```", "\n", "\r\n", "\r", " ", "---", "aliases: [x]", "# H",
                "https://x", "é", "😀", "^id", "@key"};
        for (long seed = 0; seed < 400; seed++) {
            Random r = new Random(seed);
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(60);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            NoteModel m = NoteParser.parse(text);
            int previousEnd = -1;
            for (Link l : m.links()) {
                Span s = l.span();
                String where = "seed " + seed + " in " + text.replace("\n", "\\n") + ": " + l;
                assertTrue(s.start() >= 0 && s.end() <= text.length() && s.start() < s.end(), where);
                assertTrue(s.start() >= previousEnd || l instanceof MarkdownLink, where);
                assertTrue(within(l.targetSpan(), s), where);
                assertTrue(l.anchorSpan() == null || within(l.anchorSpan(), s), where);
                if (l instanceof WikiLink w) {
                    String whole = text.substring(s.start(), s.end());
                    assertTrue((whole.startsWith("[[") || whole.startsWith("![[")) && whole.endsWith("]]"), where);
                    assertEquals(w.target(), text.substring(w.targetSpan().start(), w.targetSpan().end()), where);
                    previousEnd = s.end();
                }
                assertSame(l, m.linkAt(s.start()), where);
            }
            for (WikiLink w : m.wikiLinks()) {
                assertTrue(!w.target().isEmpty());
            }
            assertNull(m.linkAt(-1));
        }
    }

    private static boolean within(Span inner, Span outer) {
        return inner.start() >= outer.start() && inner.end() <= outer.end() && inner.start() <= inner.end();
    }
}
