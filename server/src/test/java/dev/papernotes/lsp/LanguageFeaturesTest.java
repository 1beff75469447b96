package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.papernotes.TestCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.LocationLink;
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
 * Completion, hover and definition through the protocol, on the seed corpus, LemMinX-style: a
 * note with a cursor marker and the exact answers expected there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LanguageFeaturesTest {
    private Path tmp;
    private Path notes;
    private LspTestClient client;
    private InitializeResult init;
    private int counter;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        tmp = dir;
        notes = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(notes.resolve("reading-list.md"), "# Reading list\n\nPrepacking looks useful; see also [[Griffon v2]].\n");
        client = new LspTestClient();
        JsonObject options = new JsonObject();
        JsonArray corpus = new JsonArray();
        corpus.add(TestCorpus.dir().toString());
        options.add("corpus", corpus);
        options.addProperty("indexDir", tmp.resolve("index").toString());
        client.configuration = options;
        init = client.initialize(notes, options);
        client.awaitReady();
    }

    @AfterAll
    void stop() throws Exception {
        client.shutdownAndExit();
        client.close();
        assertEquals(0, client.exitStatus);
    }

    private String open(String text) {
        String uri = notes.resolve("note" + (counter++) + ".md").toUri().toString();
        client.open(uri, text);
        return uri;
    }

    private CompletionList complete(String marked) throws Exception {
        Cursor c = Cursor.of(marked);
        String uri = open(c.text());
        return client.server().getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(uri), c.position()))
                .get(10, TimeUnit.SECONDS).getRight();
    }

    private Hover hover(String marked) throws Exception {
        Cursor c = Cursor.of(marked);
        String uri = open(c.text());
        return client.server().getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), c.position())).get(10, TimeUnit.SECONDS);
    }

    private List<? extends LocationLink> definition(String marked) throws Exception {
        Cursor c = Cursor.of(marked);
        String uri = open(c.text());
        var result = client.server().getTextDocumentService()
                .definition(new DefinitionParams(new TextDocumentIdentifier(uri), c.position()))
                .get(10, TimeUnit.SECONDS);
        if (result.isLeft()) {
            // An empty JSON array reads as either side of the Either; anything else must be links.
            assertEquals(List.of(), result.getLeft());
            return List.of();
        }
        return result.getRight();
    }

    private static List<String> labels(CompletionList list) {
        return list.getItems().stream().map(CompletionItem::getLabel).toList();
    }

    @Test
    void announcesWhatIsImplemented() {
        var caps = init.getCapabilities();
        assertEquals(List.of("[", "@", "#", "^"), caps.getCompletionProvider().getTriggerCharacters());
        assertTrue(caps.getCompletionProvider().getResolveProvider());
        assertTrue(caps.getHoverProvider().getLeft());
        assertTrue(caps.getDefinitionProvider().getLeft());
        assertEquals(org.eclipse.lsp4j.TextDocumentSyncKind.Incremental,
                caps.getTextDocumentSync().getRight().getChange());
    }

    @Test
    void wikiCompletionByNamePrefixClosesTheLink() throws Exception {
        CompletionList list = complete("Read [[Mini-Mon‸ today");
        assertTrue(list.isIncomplete());
        CompletionItem first = list.getItems().get(0);
        assertEquals("Mini-Monkey", first.getLabel());
        assertEquals("Mini-Monkey: Multi-Scale Adaptive Cropping for Multimodal Large Language Models", first.getDetail());
        assertEquals("Mini-Mon", first.getFilterText());
        var edit = first.getTextEdit().getLeft();
        assertEquals("Mini-Monkey]]", edit.getNewText());
        assertEquals(new Range(new Position(0, 7), new Position(0, 15)), edit.getRange());
    }

    @Test
    void wikiCompletionReplacesAnEditorsAutoClosedBrackets() throws Exception {
        CompletionList list = complete("[[Mini-Mon‸]]");
        var edit = list.getItems().get(0).getTextEdit().getLeft();
        assertEquals("Mini-Monkey]]", edit.getNewText());
        assertEquals(new Range(new Position(0, 2), new Position(0, 12)), edit.getRange());
    }

    @Test
    void wikiCompletionFindsATitleWord() throws Exception {
        assertEquals("Mini-Monkey", labels(complete("[[cropping‸")).get(0));
    }

    @Test
    void wikiCompletionSurvivesMultiWordQueries() throws Exception {
        CompletionList list = complete("[[time mixers‸");
        assertEquals("Tiny Time Mixers (TTMs): Fast Pre-trained Models for Enhanced Zero/Few-Shot Forecasting of Multivariate Time Series",
                list.getItems().get(0).getDetail());
        assertEquals("time mixers", list.getItems().get(0).getFilterText());
    }

    @Test
    void wikiCompletionForgivesTypos() throws Exception {
        assertEquals("PETALface", labels(complete("[[petalfcae‸")).get(0));
    }

    @Test
    void aTypoStaysForgivenWhileTheNameIsTypedOnPastTheFuzzyPart() throws Exception {
        // The typo-tolerant tiers look at the first ten characters; past them each keystroke asks the
        // question the one before did, and gets its answer from the snapshot's memory.
        String title = "Tiny Time Mixers (TTMs): Fast Pre-trained Models for Enhanced Zero/Few-Shot Forecasting of Multivariate Time Series";
        String typed = "Tiny Tme Mixers (T";
        for (int n = "Tiny Tme".length(); n <= typed.length(); n++) {
            CompletionList list = complete("[[" + typed.substring(0, n) + "‸");
            assertEquals(title, list.getItems().get(0).getDetail(), "after typing " + typed.substring(0, n));
        }
    }

    @Test
    void aLongTitleTypedOnPastItsCompletionInputStaysFirst() throws Exception {
        // The completion FST keeps a title's first 32 characters; past them the titles found are
        // checked against what was typed.
        String title = "An Emulator for Fine-Tuning Large Language Models using Small Language Models";
        for (int n = 20; n <= title.length(); n += n < title.length() - 5 ? 5 : 1) {
            CompletionList list = complete("[[" + title.substring(0, n) + "‸");
            assertEquals(title, list.getItems().get(0).getDetail(), "after typing " + title.substring(0, n));
        }
    }

    @Test
    void citekeyCompletionAfterAt() throws Exception {
        CompletionList list = complete("As shown by @hidiff‸");
        CompletionItem first = list.getItems().get(0);
        assertEquals("hidiffusion", first.getLabel());
        assertEquals("hidiffusion", first.getTextEdit().getLeft().getNewText());
        assertEquals(new Range(new Position(0, 13), new Position(0, 19)), first.getTextEdit().getLeft().getRange());
    }

    @Test
    void proseCompletionOffersMethodNames() throws Exception {
        assertEquals("Prepacking", labels(complete("We could try Prepa‸")).get(0));
    }

    @Test
    void proseCompletionContinuesANameOfSeveralWords() throws Exception {
        CompletionList list = complete("We compare against Swin Tra‸");
        CompletionItem first = list.getItems().get(0);
        assertEquals("Swin Transformer V2", first.getLabel());
        assertEquals("Swin Tra", first.getFilterText());
        assertEquals(new Range(new Position(0, 19), new Position(0, 27)), first.getTextEdit().getLeft().getRange());
        assertEquals("Swin Transformer V2", first.getTextEdit().getLeft().getNewText());
        // after the space, before the next word's first letter: nothing is being typed yet
        assertEquals(List.of(), labels(complete("We compare against Swin ‸")));
        // words that begin no name: the word being typed alone, as before
        assertEquals("Prepacking", labels(complete("We could try Prepa‸")).get(0));
        assertEquals("Prepacking", labels(complete("the compare Prepa‸")).get(0));
        // punctuation before stops the name there
        assertEquals(List.of(), labels(complete("(Swin) Tra‸")).stream().filter(l -> l.startsWith("Swin")).toList());
    }

    @Test
    void noCompletionInsideCode() throws Exception {
        assertEquals(List.of(), labels(complete("`[[Mini-Mon‸`")));
        assertEquals(List.of(), labels(complete("```\n[[Mini-Mon‸\n```\n")));
    }

    @Test
    void completionItemResolvesToTheHoverSummary() throws Exception {
        CompletionItem first = complete("[[Prepack‸").getItems().get(0);
        CompletionItem resolved = client.server().getTextDocumentService().resolveCompletionItem(first).get(10, TimeUnit.SECONDS);
        String doc = resolved.getDocumentation().getRight().getValue();
        assertTrue(doc.contains("prefilling"), doc);
    }

    @Test
    void hoverOnABareMentionShowsWhatThePaperDid() throws Exception {
        Hover h = hover("Today I read about Prepa‸cking and liked it.");
        assertNotNull(h);
        String md = h.getContents().getRight().getValue();
        assertTrue(md.contains("**Prepacking: A Simple Method for Fast Prefilling"), md);
        assertTrue(md.contains("we propose Prepacking"), md);
        assertTrue(md.contains("@prepacking"), md);
        assertTrue(md.contains("Mar"), md);
        assertTrue(md.contains("Related"), md);
        assertTrue(md.contains("Mentioned in"), md);
        assertEquals(new Range(new Position(0, 19), new Position(0, 29)), h.getRange());
    }

    @Test
    void hoverPositionsAreUtf16AfterEmojiAndCjk() throws Exception {
        Hover h = hover("🧪 研究ノート: Prepa‸cking\r\nnext line");
        assertNotNull(h);
        // 🧪 is two UTF-16 code units; the mention starts at 2 + 1 + 5 + 2 = 10.
        assertEquals(new Range(new Position(0, 10), new Position(0, 20)), h.getRange());
    }

    @Test
    void hoverOnAWikiLinkAndACitation() throws Exception {
        assertTrue(hover("See [[Griff‸on v2]].").getContents().getRight().getValue().contains("Griffon v2"));
        assertTrue(hover("See [@hidiff‸usion, p. 3].").getContents().getRight().getValue().contains("HiDiffusion"));
    }

    @Test
    void aNameBrokenByAnyUnicodeSpaceStillResolves() throws Exception {
        // The mention scanner and the index both treat any whitespace run as one space.
        for (String space : new String[] {"\n", "\u2003", "\u3000"}) {
            Hover h = hover("We compared Griff‸on" + space + "v2 with others.");
            assertTrue(h != null && h.getContents().getRight().getValue().contains("Griffon v2"), "space U+"
                    + Integer.toHexString(space.charAt(0)) + ": " + h);
        }
    }

    @Test
    void aTldrHeadingIsNoPaper() throws Exception {
        // The corpus has a paper whose name is "TL;DR"; a note's TL;DR heading is not about it.
        assertNull(hover("## TL;‸DR\n\nWe shrink the data we train on."));
    }

    @Test
    void noHoverInCodeOrOnPlainWords() throws Exception {
        assertNull(hover("`Prepa‸cking`"));
        assertNull(hover("plain wo‸rds here"));
        assertNull(hover("[link](https://example.com/Prepa‸cking)"));
    }

    @Test
    void definitionLandsOnTheTitleLineOfEveryOccurrence() throws Exception {
        List<? extends LocationLink> links = definition("I liked Prepa‸cking.");
        assertFalse(links.isEmpty());
        for (LocationLink l : links) {
            Path file = Path.of(java.net.URI.create(l.getTargetUri()));
            String line = Files.readAllLines(file).get(l.getTargetRange().getStart().getLine());
            assertTrue(line.startsWith("Prepacking: A Simple Method"), line);
            assertEquals(new Range(new Position(0, 8), new Position(0, 18)), l.getOriginSelectionRange());
        }
    }

    @Test
    void definitionOfAWikiLinkToANote() throws Exception {
        List<? extends LocationLink> links = definition("See [[reading-li‸st]].");
        assertEquals(1, links.size());
        assertEquals(notes.resolve("reading-list.md").toUri().toString(), links.get(0).getTargetUri());
    }
}
