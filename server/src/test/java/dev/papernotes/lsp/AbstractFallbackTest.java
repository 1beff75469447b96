package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inside {@code [[}, a query that names no paper and no title word still finds the papers whose
 * abstract says it, below everything the name and title tiers found. On the seed corpus.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AbstractFallbackTest {
    private static final String ABSTRACT = "in abstract";

    private Path notes;
    private LspTestClient client;
    private int counter;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        notes = Files.createDirectories(tmp.resolve("notes"));
        client = LspTestClient.ready(notes, tmp.resolve("index"));
    }

    @AfterAll
    void stop() throws Exception {
        client.shutdownAndExit();
        client.close();
    }

    private CompletionList complete(String marked) throws Exception {
        Cursor c = Cursor.of(marked);
        String uri = notes.resolve("q" + (counter++) + ".md").toUri().toString();
        client.open(uri, c.text());
        return client.server().getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(uri), c.position()))
                .get(10, TimeUnit.SECONDS).getRight();
    }

    /** Each item as its detail (the full title), marked {@code (abstract)} when it came from the fallback. */
    private static List<String> described(CompletionList list) {
        List<String> out = new ArrayList<>();
        for (CompletionItem item : list.getItems()) {
            boolean fromAbstract = item.getLabelDetails() != null
                    && ABSTRACT.equals(item.getLabelDetails().getDescription());
            out.add(item.getDetail() + (fromAbstract ? " (abstract)" : ""));
        }
        return out;
    }

    @Test
    void aPhraseFromAnAbstractFindsThePaper() throws Exception {
        CompletionList list = complete("As in [[token detection task‸");
        assertTrue(list.isIncomplete());
        // The two abstracts that hold all three words ("replaced token detection" itself is ELECTRA's name).
        assertEquals(List.of(
                "ELECTRA: Pre-training Text Encoders as Discriminators Rather Than Generators (abstract)",
                "BudgetLongformer: Can we Cheaply Pretrain a SotA Legal Language Model From Scratch? (abstract)"),
                described(list));
        CompletionItem first = list.getItems().get(0);
        assertEquals("ELECTRA", first.getLabel());
        assertEquals("token detection task", first.getFilterText());
        assertEquals("ELECTRA]]", first.getTextEdit().getLeft().getNewText());
        assertEquals(new Range(new Position(0, 8), new Position(0, 28)), first.getTextEdit().getLeft().getRange());
    }

    @Test
    void aHyphenatedPhraseAndAWordStillBeingTyped() throws Exception {
        assertEquals("Im2win: An Efficient Convolution Paradigm on GPU (abstract)",
                described(complete("[[window-order convolution‸")).get(0));
        // "convol" is half a word; the finished ones find it.
        assertEquals(List.of("Im2win: An Efficient Convolution Paradigm on GPU (abstract)"),
                described(complete("[[window-order convol‸]]")));
    }

    @Test
    void abstractMatchesRankBelowEveryTitleMatch() throws Exception {
        List<String> got = described(complete("[[sparse attention‸"));
        assertEquals(List.of(
                "HiP Attention: Sparse Sub-Quadratic Attention with Hierarchical Attention Pruning",
                "MInference 1.0: Accelerating Pre-filling for Long-Context LLMs via Dynamic Sparse Attention"),
                got.subList(0, 2));
        assertTrue(got.size() > 2, got.toString());
        for (String d : got.subList(2, got.size())) {
            assertTrue(d.endsWith(" (abstract)"), got.toString());
        }
    }

    @Test
    void aQueryTheTitlesAnswerWellGetsNoAbstractMatches() throws Exception {
        List<String> got = described(complete("[[token‸"));
        assertTrue(got.size() >= 5, got.toString());
        for (String d : got) {
            assertTrue(!d.endsWith(" (abstract)"), got.toString());
        }
    }

    @Test
    void aPaperTheTitlesFoundIsNotOfferedAgainFromItsAbstract() throws Exception {
        assertEquals(List.of("Tiny Time Mixers (TTMs): Fast Pre-trained Models for Enhanced Zero/Few-Shot Forecasting of Multivariate Time Series"),
                described(complete("[[zero-shot forecasting‸")));
    }

    @Test
    void abstractMatchesAreFewAndMatchingNothingIsEmpty() throws Exception {
        // About a hundred abstracts say "extensive experiments": ten of them, below whatever else matched.
        List<String> got = described(complete("[[extensive experiments‸"));
        List<String> fromAbstracts = got.stream().filter(d -> d.endsWith(" (abstract)")).toList();
        assertEquals(10, fromAbstracts.size(), got.toString());
        assertEquals(fromAbstracts, got.subList(got.size() - 10, got.size()));
        assertEquals(List.of(), described(complete("[[xyzzy plugh‸")));
    }
}
