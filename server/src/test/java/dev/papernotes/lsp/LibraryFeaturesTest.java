package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.index.LibraryFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A researcher's own library as the corpus (Better BibTeX in both shapes, Zotero CSL-JSON, pandoc
 * CSL-YAML, arXiv metadata lines), through the protocol: completion by author, year and title,
 * hover with authors and links, definition on each entry's line, symbols by author, and the
 * problems of an opened .bib as diagnostics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LibraryFeaturesTest {
    private Path notes;
    private Path lib;
    private LspTestClient client;
    private int counter;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        notes = Files.createDirectories(tmp.resolve("notes"));
        lib = LibraryFixtures.copyTo(tmp.resolve("library"));
        client = LspTestClient.ready(notes, tmp.resolve("index"), lib);
    }

    @AfterAll
    void stop() throws Exception {
        client.shutdownAndExit();
        client.close();
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

    private String hover(String marked) throws Exception {
        Cursor c = Cursor.of(marked);
        String uri = open(c.text());
        Hover h = client.server().getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), c.position())).get(10, TimeUnit.SECONDS);
        assertNotNull(h, marked);
        return h.getContents().getRight().getValue();
    }

    private static CompletionItem first(CompletionList list) {
        assertTrue(!list.getItems().isEmpty(), "no items");
        return list.getItems().get(0);
    }

    private static final String ATTENTION_DETAIL =
            "Attention Is All You Need — Vaswani et al. 2017, Advances in Neural Information Processing Systems";

    @Test
    void citekeyCompletionByAuthorInsertsTheLibraryKey() throws Exception {
        for (String typed : new String[] {"@vaswani‸", "@vaswani17‸", "@vaswani2017‸", "[@Vaswani‸"}) {
            CompletionItem item = first(complete("As " + typed));
            assertEquals("vaswaniAttentionAllYou2017", item.getLabel(), typed);
            assertEquals("vaswaniAttentionAllYou2017", item.getTextEdit().getLeft().getNewText(), typed);
            assertEquals(ATTENTION_DETAIL, item.getDetail(), typed);
        }
    }

    @Test
    void wikiCompletionByTitleWordsAuthorAndYear() throws Exception {
        for (String typed : new String[] {"[[attention vaswani‸", "[[vaswani 2017‸", "[[vaswani attention‸"}) {
            CompletionItem item = first(complete("Read " + typed));
            assertEquals(ATTENTION_DETAIL, item.getDetail(), typed);
            // Two papers share the title: the link names this one by its key, so it leads here alone.
            assertEquals("vaswaniAttentionAllYou2017]]", item.getTextEdit().getLeft().getNewText(), typed);
        }
        assertEquals("QINet", first(complete("[[martin 2023‸")).getLabel());
        assertEquals("WaveFlow-X", first(complete("[[hassan‸")).getLabel());
    }

    @Test
    void papersOfTheSameTitleAreToldApartByAuthorYearAndVenue() throws Exception {
        CompletionList list = complete("[[Deep Learning‸");
        List<String> details = list.getItems().stream().map(CompletionItem::getDetail)
                .filter(d -> d.startsWith("Deep Learning —")).sorted().toList();
        assertEquals(List.of("Deep Learning — Goodfellow et al. 2016", "Deep Learning — LeCun et al. 2015, Nature"),
                details);
        List<String> inserts = list.getItems().stream()
                .filter(i -> i.getDetail().startsWith("Deep Learning —"))
                .map(i -> i.getTextEdit().getLeft().getNewText()).sorted().toList();
        assertEquals(List.of("goodfellowDeepLearning2016]]", "lecunDeepLearning2015]]"), inserts);
        CompletionItem lecun = list.getItems().stream()
                .filter(i -> i.getDetail().endsWith("Nature")).findFirst().orElseThrow();
        assertEquals("LeCun et al. 2015, Nature", lecun.getLabelDetails().getDescription());
    }

    @Test
    void hoverShowsAuthorsYearVenueLinksAndWhereEachSourceCameFrom() throws Exception {
        String md = hover("As @vaswaniAttention‸AllYou2017 showed.");
        assertTrue(md.startsWith("**Attention Is All You Need**\n\n"
                + "Ashish Vaswani, Noam Shazeer, Niki Parmar et al. · 2017 · "
                + "*Advances in Neural Information Processing Systems*\n\n"), md);
        assertTrue(md.contains("[doi:10.48550/arxiv.1706.03762](https://doi.org/10.48550/arxiv.1706.03762)"), md);
        assertTrue(md.contains("[arXiv:1706.03762](https://arxiv.org/abs/1706.03762)"), md);
        assertTrue(md.contains("We propose the Transformer, an encoder–decoder model"), md);
        int bibLine = LibraryFixtures.lineOf(lib.resolve("zotero-bibtex.bib"), "@inproceedings{vaswani");
        assertTrue(md.contains("*Appeared:* arxiv.jsonl:1 (arXiv 1706.03762), zotero-bibtex.bib:" + bibLine
                + " (BibTeX @vaswaniAttentionAllYou2017), zotero.json:2 (CSL-JSON @vaswaniAttentionAllYou2017)"), md);
    }

    @Test
    void hoverShowsThreeAuthorsThenEtAlAndEscapesText() throws Exception {
        String md = hover("Tiny experts: @tanakaSparse‸Mixtures2024.");
        assertTrue(md.contains("Yuki Tanaka, Siobhán O'Brien, Văn An Nguyễn · 2024"), md);
        assertTrue(!md.contains("et al."), "exactly three authors: no et al.: " + md);
        String two = hover("See @mullerGrosse‸Sprachmodelle2023.");
        assertTrue(two.contains("**Über große Sprachmodelle: BERT und die Aufmerksamkeit — eine Fallstudie**"), two);
        assertTrue(two.contains("Anna Müller, Pieter van der Berg, Deep Learning Group · 2023 · "
                + "*Proceedings of the Eighth Conference on Invented Translation*"), two);
    }

    @Test
    void inlayHintsNameTheFirstAuthorAndYear() throws Exception {
        String uri = open("As @vaswaniAttentionAllYou2017 showed.\n");
        List<org.eclipse.lsp4j.InlayHint> hints = client.server().getTextDocumentService()
                .inlayHint(new org.eclipse.lsp4j.InlayHintParams(new TextDocumentIdentifier(uri),
                        new Range(new Position(0, 0), new Position(1, 0)))).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("Attention Is All You Need (Vaswani et al., 2017)"),
                hints.stream().map(h -> h.getLabel().getLeft().strip()).toList());
    }

    @Test
    void aLiteratureNoteOnALibraryPaperCarriesItsMetadata() throws Exception {
        Cursor c = Cursor.of("See [[vaswaniAttention‸AllYou2017]].");
        String uri = open(c.text());
        org.eclipse.lsp4j.CodeAction create = client.server().getTextDocumentService()
                .codeAction(new org.eclipse.lsp4j.CodeActionParams(new TextDocumentIdentifier(uri),
                        new Range(c.position(), c.position()), new org.eclipse.lsp4j.CodeActionContext(List.of())))
                .get(20, TimeUnit.SECONDS).stream().map(e -> e.getRight())
                .filter(a -> a.getTitle().startsWith("Create literature note")).findFirst().orElseThrow();
        String text;
        if (create.getEdit() != null && create.getEdit().getDocumentChanges() != null) {
            text = create.getEdit().getDocumentChanges().get(1).getLeft().getEdits().get(0).getLeft().getNewText();
        } else {
            // A client without resource operations: the server writes the file itself.
            client.server().getWorkspaceService().executeCommand(new org.eclipse.lsp4j.ExecuteCommandParams(
                    create.getCommand().getCommand(), create.getCommand().getArguments())).get(20, TimeUnit.SECONDS);
            try (var files = Files.list(notes)) {
                Path made = files.filter(f -> !f.getFileName().toString().matches("note\\d+\\.md"))
                        .findFirst().orElseThrow();
                text = Files.readString(made);
            }
        }
        assertTrue(text.contains("- Citekey: [@vaswaniAttentionAllYou2017]\n"
                + "- Authors: Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, Llion Jones, Aidan N. Gomez, "
                + "Łukasz Kaiser, Illia Polosukhin\n"), text);
        assertTrue(text.contains("- Venue: Advances in Neural Information Processing Systems\n"), text);
        assertTrue(text.contains("- DOI: [10.48550/arxiv.1706.03762](https://doi.org/10.48550/arxiv.1706.03762)\n"), text);
        assertTrue(text.contains("- arXiv: [1706.03762](https://arxiv.org/abs/1706.03762)\n"), text);
        assertTrue(text.contains("- Date: 2017"), text);
    }

    @Test
    void definitionGoesToTheEntryLineInEveryFile() throws Exception {
        Cursor c = Cursor.of("See [[vaswaniAttention‸AllYou2017]].");
        String uri = open(c.text());
        List<? extends LocationLink> links = client.server().getTextDocumentService()
                .definition(new DefinitionParams(new TextDocumentIdentifier(uri), c.position()))
                .get(10, TimeUnit.SECONDS).getRight();
        List<String> targets = links.stream()
                .map(l -> Path.of(java.net.URI.create(l.getTargetUri())).getFileName() + ":"
                        + (l.getTargetSelectionRange().getStart().getLine() + 1))
                .toList();
        int bibLine = LibraryFixtures.lineOf(lib.resolve("zotero-bibtex.bib"), "@inproceedings{vaswani");
        assertEquals(List.of("arxiv.jsonl:1", "zotero-bibtex.bib:" + bibLine, "zotero.json:2"), targets);
        int yamlLine = LibraryFixtures.lineOf(lib.resolve("references.yaml"), "- id: hassanFlowMatching2023");
        Cursor y = Cursor.of("See @hassanFlow‸Matching2023.");
        String yuri = open(y.text());
        List<? extends LocationLink> ylinks = client.server().getTextDocumentService()
                .definition(new DefinitionParams(new TextDocumentIdentifier(yuri), y.position()))
                .get(10, TimeUnit.SECONDS).getRight();
        assertEquals(1, ylinks.size());
        assertEquals(yamlLine - 1, ylinks.get(0).getTargetSelectionRange().getStart().getLine());
    }

    @Test
    void workspaceSymbolsFindPapersByAuthor() throws Exception {
        var result = client.server().getWorkspaceService().symbol(new WorkspaceSymbolParams("goodfellow"))
                .get(10, TimeUnit.SECONDS);
        List<String> names = result.isLeft()
                ? result.getLeft().stream().map(SymbolInformation::getName).toList()
                : result.getRight().stream().map(s -> s.getName()).toList();
        assertEquals("Deep Learning", names.get(0));
        assertEquals(1, names.stream().filter(n -> n.equals("Deep Learning")).count(), names.toString());
    }

    @Test
    void anOpenedBibShowsItsParseProblemsAndClearsThemWhenFixed() throws Exception {
        Path bib = lib.resolve("zotero-bibtex.bib");
        String uri = bib.toUri().toString();
        String text = Files.readString(bib);
        client.server().getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "bibtex", 1, text)));
        int broken = LibraryFixtures.lineOf(bib, "@inproceedings{brokenEntry2022") - 1;
        var published = client.awaitDiagnostics(uri, d -> !d.getDiagnostics().isEmpty(), 20);
        Diagnostic d = published.getDiagnostics().get(0);
        assertEquals(1, published.getDiagnostics().size(), published.toString());
        assertEquals(new Range(new Position(broken, 0), new Position(broken, "@inproceedings{brokenEntry2022,".length())),
                d.getRange());
        assertTrue(d.getMessage().getLeft().contains("'brokenEntry2022' is not closed"), d.getMessage().getLeft());
        // The user closes the braces: the warning goes.
        int titleLine = broken + 1;
        String line = text.split("\n", -1)[titleLine];
        TextDocumentContentChangeEvent fix = new TextDocumentContentChangeEvent(
                new Range(new Position(titleLine, line.length() - 1), new Position(titleLine, line.length() - 1)), "}}");
        client.server().getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, 2), List.of(fix)));
        client.awaitDiagnostics(uri, p -> p.getDiagnostics().isEmpty(), 20);
    }
}
