package dev.papernotes.names;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tokenizer and the shared index over a text that the name rules read. */
class TokenTest {

    private static List<String> texts(String s) {
        return Token.tokenize(s).stream().map(Token::text).toList();
    }

    @Test
    void punctuationThatFramesNamesIsItsOwnToken() {
        assertEquals(List.of("Tiny", "Time", "Mixers", "(", "TTMs", ")", ":", "fast", "."),
                texts("Tiny Time Mixers (TTMs): fast."));
        assertEquals(List.of("MInference", "1.0", "and", "FlashDecoding++", "read", "TL;DR", "Q&A"),
                texts("MInference 1.0 and FlashDecoding++ read TL;DR Q&A"));
    }

    @Test
    void texDashesGluedToWordsAreDashes() {
        assertEquals(List.of("algorithm", "---", "called", "Fixed", "Point", "(", "FP", ")", "---", "is"),
                texts("algorithm---called Fixed Point (FP)---is"));
        List<Token> t = Token.tokenize("a---b");
        assertFalse(t.get(1).word());
        assertEquals("Foo-Net", texts("Foo-Net").get(0), "a single hyphen stays inside the word");
    }

    @Test
    void urlsAreOpaqueAndSentencesEndRight() {
        List<Token> t = Token.tokenize("See https://example.org/a.b, e.g. this. Next one assistant.Based on it.");
        assertEquals("https://example.org/a.b,", t.get(1).text());
        assertFalse(t.get(1).word());
        Token eg = t.get(3);
        assertEquals(".", eg.text());
        assertFalse(eg.sentenceEnd(), "no sentence ends after e.g");
        assertTrue(t.stream().filter(x -> x.is("Based")).findFirst().orElseThrow().sentenceStart());
    }

    @Test
    void lowerCaseIsSharedWhenThereIsNothingToLower() {
        Token plain = Token.tokenize("plain").get(0);
        assertTrue(plain.lower() == plain.text(), "no copy for a word without capitals");
        assertEquals("graphadapter", Token.tokenize("GraphAdapter").get(0).lower());
    }

    @Test
    void theSharedIndexFindsBracketsTriggersAndInitials() {
        List<Token> t = Token.tokenize("We propose Foo (F). The resulting model, Bar, is named Baz. Foo works.");
        Sentences s = new Sentences(t);
        assertArrayEquals(new int[] {3}, s.opens());
        assertEquals(List.of("resulting", "named"),
                java.util.Arrays.stream(s.triggers()).mapToObj(i -> t.get(i).lower()).toList());
        assertEquals(List.of("Foo", "F", "Foo"),
                java.util.Arrays.stream(s.wordsStartingLike("foo")).mapToObj(i -> t.get(i).text()).toList());
        assertEquals(0, s.start(2));
        assertEquals(7, s.end(2), "just after the full stop");
        assertEquals(7, s.start(8), "the second sentence starts after the full stop");
    }

    @Test
    void lookBacksStopAtTheWindow() {
        List<Token> t = Token.tokenize("word ".repeat(500));
        Sentences s = new Sentences(t);
        assertEquals(499 - Sentences.WINDOW, s.start(499));
    }
}
