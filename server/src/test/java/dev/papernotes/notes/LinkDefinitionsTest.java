package dev.papernotes.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Which notes may hold a link reference definition: "maybe" for every note CommonMark finds one in
 * (checked against its parser on random notes), "no" for the {@code ]:} of reading lists.
 */
class LinkDefinitionsTest {
    private static final Parser COMMONMARK = Parser.builder().build();

    @Test
    void readingListsAndTasksDefineNothing() {
        assertRead(List.of(
                "- [[Griffon v2]]: a vision-language model\n- [[Prepacking]]: packs prompts\n",
                "**[[Mini-Monkey]]**: multi-scale crops",
                "- [ ] [[Dragonfly]]: read the ablations",
                "1. [x] done: [[LLaMA]]",
                "> [[Paper]]: quoted",
                "[^1]: See the paper, section 3.",
                "[ref]: /url bar",
                "Time: 10:30 [note]",
                "`[x]: y` in code"), false);
    }

    @Test
    void definitionsAreFoundInAnyContainer() {
        assertRead(List.of(
                "[ref]: https://example.com",
                "text\n\n[ref]: https://example.com \"title\"",
                "> [ref]: https://example.com",
                "- [ref]: https://example.com",
                "1. > - [ref]: /u 'title'",
                "[ref]:\n/url",
                "[ref]: <my url>",
                "[r\\]ef]: /u",
                "[re\nf]: /u",
                "[^1]: https://arxiv.org/abs/1706.03762"), true);
    }

    /** Each note defines one link (or none), and is read as maybe defining (or not), as CommonMark reads it. */
    private static void assertRead(List<String> notes, boolean defines) {
        for (String text : notes) {
            assertEquals(defines, mayDefine(text), text);
            assertEquals(defines ? 1 : 0, definitions(text), "CommonMark agrees: " + text);
        }
    }

    @Test
    void everyNoteWithADefinitionIsAMaybe() {
        Random r = new Random(20261202);
        int withDefinitions = 0;
        int readAsNone = 0;
        for (int n = 0; n < 3000; n++) {
            String text = RandomNotes.note(r);
            boolean defines = definitions(text) > 0;
            boolean maybe = mayDefine(text);
            if (defines) {
                withDefinitions++;
                assertTrue(maybe, () -> "missed a definition in:\n" + text);
            } else if (!maybe && text.contains("]:")) {
                readAsNone++;
            }
        }
        assertTrue(withDefinitions > 100, "the random notes hold definitions: " + withDefinitions);
        assertTrue(readAsNone > 100, "and notes with \"]:\" that define nothing: " + readAsNone);
    }

    private static boolean mayDefine(String text) {
        return LinkDefinitions.mayDefine(text, new LineIndex(text));
    }

    private static int definitions(String text) {
        Node doc = COMMONMARK.parse(text);
        assertNotNull(doc);
        int[] n = {0};
        doc.accept(new AbstractVisitor() {
            @Override
            protected void visitChildren(Node parent) {
                for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof LinkReferenceDefinition) {
                        n[0]++;
                    }
                    c.accept(this);
                }
            }
        });
        return n[0];
    }
}
