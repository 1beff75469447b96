package dev.papernotes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void parsesTheDocumentedOptions() {
        CorpusGenerator.Options o = CorpusGenerator.parse(new String[] {"--papers", "1_000_000", "--out", "x",
            "--seed", "42", "--per-page", "150", "--duplicates=0.2", "--damage", "0.01", "--threads", "3"});
        assertEquals(new CorpusGenerator.Options(1_000_000, Path.of("x"), 42, 150, 0.2, 0.01, 3, null), o);
        CorpusGenerator.Options d = CorpusGenerator.parse(new String[] {"--papers", "5", "--out", "y", "--seed", "1"});
        assertEquals(120, d.perPage());
        assertEquals(0.17, d.duplicates());
        assertEquals(0.0, d.damage());
        assertNull(CorpusGenerator.parse(new String[] {"--help"}));
    }

    @Test
    void rejectsBadArguments() {
        for (String[] args : new String[][] {
            {"--papers", "5", "--out", "y"},
            {"--papers", "0", "--out", "y", "--seed", "1"},
            {"--papers", "five", "--out", "y", "--seed", "1"},
            {"--papers", "5", "--out", "y", "--seed", "1", "--duplicates", "1.5"},
            {"--papers", "5", "--out", "y", "--seed", "1", "--bogus", "1"},
            {"--papers", "5", "--out", "y", "--seed"},
        }) {
            assertThrows(IllegalArgumentException.class, () -> CorpusGenerator.parse(args), String.join(" ", args));
        }
    }

    @Test
    void articlesAgreeWithTheNextWord() {
        assertEquals("an efficient and a unified model, an LLM, a GPU",
                PaperFactory.fixArticles("a efficient and an unified model, a LLM, an GPU"));
        assertEquals("GraphAdapter-2.0", PaperFactory.repoName("GraphAdapter 2.0"));
        assertEquals("PixArt", PaperFactory.repoName("PixArt-α"));
    }
}
