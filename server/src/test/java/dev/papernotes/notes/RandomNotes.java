package dev.papernotes.notes;

import java.util.Random;

/**
 * Random notes made of the Markdown that changes what is prose and where blocks end: fences with
 * blank lines inside, indented code, lists with indented paragraphs and code, block quotes, raw and
 * block HTML, lone tags, front matter, setext headings, link reference definitions, CRLF and CR.
 * For tests that compare a parse of part of a note with a parse of the whole.
 */
public final class RandomNotes {
    private static final String[] PROSE = {"See [[Griffon v2]] and [[Prep", "We tried Prepacking and @hidif",
        "as in [@zeroquantfp, p. 3] and `code [[not` here", "<span>[[inline html</span> then [[Dra",
        "a URL https://example.com/[[x and <https://a.b/@c> then @d", "[text](note.md#[[dest) and [[Tiny Time",
        "**bold [[Mixers** and _em @key_", "plain words only", "trailing [[", "email a@b.com and @x",
        "a block ^blk-1", "a [ref] here and [Ref][] there", "![img](pic.png) and [[Note#Heading|shown]] and ![[embed]]", "[[]] and [[ ]]"};

    private RandomNotes() {
    }

    public static String block(Random r) {
        String p = PROSE[r.nextInt(PROSE.length)];
        return switch (r.nextInt(31)) {
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
            // Reading lists and footnotes: "]:" where no definition is, next to definitions in
            // containers, over two lines, with escapes, and lines that only look like one.
            case 27 -> "- [[Griffon v2]]: " + p + "\n- **[[Prepacking]]**: a [ref] and [ref][]\n- [ ] [[Dra]]: todo";
            case 28 -> r.nextBoolean() ? "[^1]: See the paper, " + p : "Text[^1] and [ref].\n\n[^1]: https://example.com";
            case 29 -> switch (r.nextInt(4)) {
                case 0 -> "> [ref]: https://example.com\n> " + p;
                case 1 -> "- [ref]: https://example.com \"t\"\n- " + p;
                case 2 -> "[re\nf]: https://example.com";
                default -> "[r\\]ef]: /u\n[ref]:\n/url";
            };
            case 30 -> "[ref]: /url bar " + p + "\n[ref]: <my url> 'title'";
            default -> p + "\n" + PROSE[r.nextInt(PROSE.length)];
        };
    }

    public static String note(Random r) {
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

}
