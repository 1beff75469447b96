package dev.papernotes.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.papernotes.notes.NoteModel.Span;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InlineMathTest {
    private static List<String> outside(String text) {
        return InlineMath.outside(text, new Span(0, text.length())).stream()
                .map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void inlineAndDisplayMathAreLeftOut() {
        assertEquals(List.of("The update ", " is small."), outside("The update $\\Delta W = BA$ is small."));
        assertEquals(List.of("a ", " b"), outside("a $$x^2 + PaLM$$ b"));
        assertEquals(List.of("x ", " and ", " y"), outside("x $a$ and $b$ y"));
    }

    @Test
    void dollarsThatAreNoFormulaStay() {
        assertEquals(List.of("It costs $5 and $10 now."), outside("It costs $5 and $10 now."));
        assertEquals(List.of("a $ b $ c"), outside("a $ b $ c"));
        assertEquals(List.of("price \\$x\\$ here"), outside("price \\$x\\$ here"));
        assertEquals(List.of("open $x"), outside("open $x"));
    }

    @Test
    void randomTextNeverLosesOrReordersCharactersOutsideMath() {
        Random r = new Random(12);
        String alphabet = "ab $\\\n5 ";
        for (int round = 0; round < 2000; round++) {
            String text = RandomEdits.text(r, alphabet, 40);
            int last = 0;
            for (Span s : InlineMath.outside(text, new Span(0, text.length()))) {
                org.junit.jupiter.api.Assertions.assertTrue(
                        s.start() >= last && s.end() <= text.length() && s.start() < s.end(), text);
                last = s.end();
            }
        }
    }
}
