package dev.papernotes.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hiding wiki-link brackets from CommonMark (a speed-up for notes with thousands of links) must
 * not change what the parser finds: on random notes built from every construct that meets a wiki
 * link — code, HTML, Markdown links around and after it, headings, lists, quotes, escapes,
 * unclosed and nested brackets, URLs, citations — the model is the same with and without the mask.
 */
class WikiBracketMaskTest {
    private static final String[] PIECES = {
        "[[Foo]]", "[[Foo|shown]]", "[[note#Heading]]", "[[note#^block]]", "![[image.png]]", "[[Foo]](http://x.org)",
        "[[Foo]][ref]", "[a [[b]] c](u.md)", "[[a [b] c]]", "[[[triple]]]", "[[unclosed", "]] stray", "\\[[escaped]]",
        "`[[in code]]`", "``a [[b]] `c` ``", "<span title=\"[[x]]\">[[y]]</span>", "*[[em]]*", "**[[strong]]**",
        "https://example.com/[[a]]", "www.example.com/path", "<https://x.org/[[b]]>", "@dragonfly", "[@key, p. 3]",
        "[@a; @b]", "@{odd key}", "Dragonfly", "text", "word.", "[ref]: http://ref.example", "[[a]][[b]]", "[[]]",
        "[[ spaced ]]", "[[x\\|y]]", " ^block1", "[[Griffon v2]]", "(see [[Foo]])", "[[Foo]]:", "!", "[", "]", "|",
        "word*[[x]]*", "_[[y]]_", "path/[[z]])", "(www.x.com/[[a]])", "\u2E28", "é[[ü]]"};
    private static final String[] LINE_STARTS = {"", "", "", "# ", "## ", "- ", "1. ", "> ", "    ", "| ", "```\n",
        "```\n", "<div>\n", "---\n"};

    @Test
    void maskedAndPlainParsesAgree() {
        Random random = new Random(16_2);
        for (int round = 0; round < 3000; round++) {
            StringBuilder note = new StringBuilder();
            int lines = 1 + random.nextInt(12);
            for (int l = 0; l < lines; l++) {
                note.append(LINE_STARTS[random.nextInt(LINE_STARTS.length)]);
                int pieces = 1 + random.nextInt(6);
                for (int p = 0; p < pieces; p++) {
                    note.append(PIECES[random.nextInt(PIECES.length)]);
                    note.append(random.nextInt(4) == 0 ? "" : " ");
                }
                note.append(random.nextInt(3) == 0 ? "\n\n" : "\n");
            }
            String text = note.toString();
            NoteModel plain = NoteParser.parse(text, false);
            NoteModel masked = NoteParser.parse(text, true);
            assertEquals(plain.wikiLinks(), masked.wikiLinks(), text);
            assertEquals(plain.citations(), masked.citations(), text);
            assertEquals(plain.prose(), masked.prose(), text);
            assertEquals(plain.headings(), masked.headings(), text);
            assertEquals(plain.links(), masked.links(), text);
            assertEquals(plain.blockIds(), masked.blockIds(), text);
        }
    }

    @Test
    void maskKeepsEveryOffset() {
        String text = "a [[Foo|x]] b `[[c]]` ` [[c]] ` \\[[d]] [[e]](u) [[f\n]] [[[g]]] [[h]]]";
        String masked = NoteParser.maskWikiBrackets(text);
        assertEquals(text.length(), masked.length());
        assertEquals("a \u2E28\u2E28Foo|x\u2E29\u2E29 b `[[c]]` ` \u2E28\u2E28c\u2E29\u2E29 ` \\[[d]] [[e]](u) [[f\n]] [[[g]]] [[h]]]", masked);
        String already = "\u2E28 [[x]]";
        assertEquals(already, NoteParser.maskWikiBrackets(already));
    }
}
