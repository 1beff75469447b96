package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inlay hints, semantic tokens, the outline and folding, through the protocol, on a small corpus
 * written for it: two papers share the name PROP, one is Lanternfish, one GeoLens v2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EditorViewsTest {
    private static final String FILLER = "It is evaluated on several benchmarks against strong baselines. ".repeat(6);

    private Path notes;
    private LspTestClient client;
    private InitializeResult init;
    private int counter;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("page.txt"), "new\n\nSubscribe\n\nMar 1\n\n"
                + "PROP: Pre-training with Representative Words Prediction for Ad-hoc Retrieval\n\n"
                + "We propose PROP, a pre-training method for ad-hoc retrieval. " + FILLER + "\n\n"
                + "PROP: Probabilistic Robot Object Placement\n\n"
                + "We present PROP, a planner for placing objects on shelves. " + FILLER + "\n\n"
                + "Lanternfish: Reading Scanned Field Notebooks with Layout-Aware Transformers\n\n"
                + "We propose Lanternfish, a layout-aware model that reads scanned field notebooks. " + FILLER + "\n\n"
                + "GeoLens v2: Mapping Street Imagery to Land Use at City Scale\n\n"
                + "We introduce GeoLens v2, which maps street imagery to land use. " + FILLER + "\n");
        notes = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(notes.resolve("other-note.md"), "# Other\n");
        client = new LspTestClient();
        client.capabilities = caps -> {
            var symbols = new org.eclipse.lsp4j.DocumentSymbolCapabilities();
            symbols.setHierarchicalDocumentSymbolSupport(true);
            caps.getTextDocument().setDocumentSymbol(symbols);
            var inlay = new org.eclipse.lsp4j.InlayHintCapabilities();
            inlay.setResolveSupport(new org.eclipse.lsp4j.InlayHintResolveSupportCapabilities(List.of("tooltip")));
            caps.getTextDocument().setInlayHint(inlay);
            caps.getWorkspace().setInlayHint(new org.eclipse.lsp4j.InlayHintWorkspaceCapabilities(true));
            caps.getWorkspace().setSemanticTokens(new org.eclipse.lsp4j.SemanticTokensWorkspaceCapabilities(true));
        };
        JsonObject options = new JsonObject();
        com.google.gson.JsonArray roots = new com.google.gson.JsonArray();
        roots.add(corpus.toString());
        options.add("corpus", roots);
        options.addProperty("indexDir", tmp.resolve("index").toString());
        client.configuration = options;
        init = client.initialize(notes, options);
        client.awaitReady();
    }

    @AfterAll
    void stop() throws Exception {
        client.shutdownAndExit();
        client.close();
    }

    private String open(String text) {
        String uri = notes.resolve("view" + (counter++) + ".md").toUri().toString();
        client.open(uri, text);
        return uri;
    }

    private List<InlayHint> hints(String uri, Range range) throws Exception {
        return client.server().getTextDocumentService()
                .inlayHint(new InlayHintParams(new TextDocumentIdentifier(uri), range)).get(10, TimeUnit.SECONDS);
    }

    private static Range lines(int from, int to) {
        return new Range(new Position(from, 0), new Position(to, 0));
    }

    /** Each hint as {@code line:character label}, in order. */
    private static List<String> described(List<InlayHint> hints) {
        List<String> out = new ArrayList<>();
        for (InlayHint h : hints) {
            out.add(h.getPosition().getLine() + ":" + h.getPosition().getCharacter() + " " + h.getLabel().getLeft());
        }
        return out;
    }

    private static final String HINTED_NOTE = "# Notes\n\n"
            + "Compare [[PROP]] with @lanternfish and [[Lanternfish|the notebook reader]].\n"
            + "The full title needs none: [[Lanternfish: Reading Scanned Field Notebooks with Layout-Aware Transformers]].\n"
            + "A note link [[other-note]] and a missing [[Nothing Here]] get none; nor does Lanternfish in prose.\n"
            + "Robots: [@prop-2, p. 3].\n";

    @Test
    void announcesTheEditorViews() {
        var caps = init.getCapabilities();
        assertTrue(caps.getInlayHintProvider().getRight().getResolveProvider());
        assertTrue(caps.getDocumentSymbolProvider().getLeft());
        assertTrue(caps.getFoldingRangeProvider().getLeft());
        var tokens = caps.getSemanticTokensProvider();
        assertEquals(List.of("class", "decorator", "namespace"), tokens.getLegend().getTokenTypes());
        assertEquals(List.of("ambiguous", "unresolved"), tokens.getLegend().getTokenModifiers());
        assertTrue(tokens.getFull().getLeft());
        assertTrue(tokens.getRange().getLeft());
    }

    @Test
    void inlayHintsGiveTheShortTitleAndSayWhenANameIsAmbiguous() throws Exception {
        String uri = open(HINTED_NOTE);
        List<InlayHint> hints = hints(uri, lines(0, 6));
        assertEquals(List.of(
                "2:16 ambiguous: 2 papers",
                "2:34 Reading Scanned Field Notebooks with…",
                "2:74 Reading Scanned Field Notebooks with…",
                "5:16 PROP: Probabilistic Robot Object…"), described(hints));
        for (InlayHint h : hints) {
            assertTrue(h.getPaddingLeft());
        }
        // Few hints: tooltips come at once. The ambiguous one lists both papers, picking neither.
        String ambiguous = hints.get(0).getTooltip().getRight().getValue();
        assertTrue(ambiguous.startsWith("2 papers are called `PROP`"), ambiguous);
        assertTrue(ambiguous.contains("Ad-hoc Retrieval (@prop)") && ambiguous.contains("Object Placement (@prop-2)"),
                ambiguous);
        String one = hints.get(1).getTooltip().getRight().getValue();
        assertTrue(one.startsWith("**Lanternfish: Reading Scanned Field Notebooks"), one);
        assertTrue(one.contains("@lanternfish"), one);
    }

    @Test
    void inlayHintsOnlyInTheAskedRange() throws Exception {
        String uri = open(HINTED_NOTE);
        assertEquals(List.of("5:16 PROP: Probabilistic Robot Object…"), described(hints(uri, lines(3, 6))));
    }

    @Test
    void aLongListOfHintsLeavesTooltipsToResolve() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append("Cited @lanternfish here.\n");
        }
        String uri = open(text.toString());
        List<InlayHint> hints = hints(uri, lines(0, 30));
        assertEquals(30, hints.size());
        for (InlayHint h : hints) {
            assertEquals("Reading Scanned Field Notebooks with…", h.getLabel().getLeft());
            assertNull(h.getTooltip());
        }
        InlayHint resolved = client.server().getTextDocumentService().resolveInlayHint(hints.get(7))
                .get(10, TimeUnit.SECONDS);
        assertEquals(new Position(7, 18), resolved.getPosition());
        String tooltip = resolved.getTooltip().getRight().getValue();
        assertTrue(tooltip.startsWith("**Lanternfish: Reading Scanned Field Notebooks"), tooltip);
    }

    @Test
    void theInlayHintsSettingSwitchesThemOffAndOn() throws Exception {
        String uri = open(HINTED_NOTE);
        assertEquals(4, hints(uri, lines(0, 6)).size());
        try {
            setInlayHints(false);
            assertEquals(List.of(), hints(uri, lines(0, 6)));
        } finally {
            setInlayHints(true);
        }
        assertEquals(4, hints(uri, lines(0, 6)).size());
    }

    /** Changes the setting the way VS Code does, and waits for the server to ask for hints again. */
    private void setInlayHints(boolean on) throws Exception {
        JsonObject options = client.configuration.deepCopy();
        JsonObject group = new JsonObject();
        group.addProperty("enabled", on);
        options.add("inlayHints", group);
        client.configuration = options;
        int before = client.inlayHintRefreshes.get();
        client.server().getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(new JsonObject()));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (client.inlayHintRefreshes.get() == before) {
            assertTrue(System.nanoTime() < end, "no workspace/inlayHint/refresh after the settings changed");
            Thread.sleep(10);
        }
    }

    /**
     * An open note is parsed again only where an edit changed it, the rest taken from the version
     * before: after every edit of a random note, sent as incremental changes, the outline, the tokens
     * and the links must be those of the same text opened afresh.
     */
    @Test
    void anEditedNoteAnswersAsItsTextOpenedAfresh() throws Exception {
        java.util.Random r = new java.util.Random(20261130);
        var docs = client.server().getTextDocumentService();
        for (int n = 0; n < 4; n++) {
            String text = dev.papernotes.notes.RandomNotes.note(r) + "\nWe compare PROP with Lanternfish and GeoLens v2.\n";
            String uri = open(text);
            for (int version = 2; version < 14; version++) {
                int at = r.nextInt(text.length() + 1);
                int to = Math.min(text.length(), at + (r.nextInt(3) == 0 ? r.nextInt(30) : 0));
                String insert = switch (r.nextInt(4)) {
                    case 0 -> "\n";
                    case 1 -> "\n\n## Lanternfish\n\n";
                    case 2 -> " PROP";
                    default -> "";
                };
                dev.papernotes.notes.LineIndex lines = new dev.papernotes.notes.LineIndex(text);
                Range range = new Range(position(lines, at), position(lines, to));
                docs.didChange(new org.eclipse.lsp4j.DidChangeTextDocumentParams(
                        new org.eclipse.lsp4j.VersionedTextDocumentIdentifier(uri, version),
                        List.of(new org.eclipse.lsp4j.TextDocumentContentChangeEvent(range, insert))));
                text = text.substring(0, at) + insert + text.substring(to);
                String fresh = open(text);
                String where = "version " + version + " of:\n" + text;
                assertEquals(views(fresh), views(uri), where);
            }
        }
    }

    private static Position position(dev.papernotes.notes.LineIndex lines, int offset) {
        int line = lines.line(offset);
        return new Position(line, offset - lines.lineStart(line));
    }

    /** What the editor shows of a note: its outline, its semantic tokens and its links. */
    private List<Object> views(String uri) throws Exception {
        var docs = client.server().getTextDocumentService();
        TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
        return List.of(
                docs.documentSymbol(new DocumentSymbolParams(id)).get(10, TimeUnit.SECONDS).toString(),
                docs.semanticTokensFull(new SemanticTokensParams(id)).get(10, TimeUnit.SECONDS).getData(),
                docs.documentLink(new org.eclipse.lsp4j.DocumentLinkParams(id)).get(10, TimeUnit.SECONDS).toString());
    }

    private static final String TOKENS_NOTE = "---\n"
            + "title: PROP and Lanternfish\n"
            + "tags: [Lanternfish, \"@lanternfish\"]\n"
            + "---\n"
            + "# Lanternfish notes\n"
            + "\n"
            + "Lanternfish reads notebooks; see [[PROP]] and @lanternfish.\n"
            + "\n"
            + "```\n"
            + "@lanternfish [[PROP]] Lanternfish\n"
            + "```\n"
            + "\n"
            + "    Lanternfish in indented code\n"
            + "\n"
            + "<div>\n"
            + "Lanternfish in HTML\n"
            + "</div>\n"
            + "\n"
            + "Inline `Lanternfish` code, [[other-note]], [[Nothing Here]] and @nokey.\n";

    @Test
    void semanticTokensMarkPapersCitationsAndNotesButNothingInCodeOrFrontMatter() throws Exception {
        String uri = open(TOKENS_NOTE);
        List<Integer> data = client.server().getTextDocumentService()
                .semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(uri)))
                .get(10, TimeUnit.SECONDS).getData();
        // line delta, character delta, length, type (0 class, 1 decorator, 2 namespace), modifiers
        // (1 ambiguous, 2 unresolved): nothing on lines 0-3 (front matter) or 8-16 (code, HTML).
        assertEquals(List.of(
                4, 2, 11, 0, 0,     // # Lanternfish notes
                2, 0, 11, 0, 0,     // Lanternfish reads
                0, 35, 4, 0, 1,     // [[PROP]]: two papers
                0, 11, 12, 1, 0,    // @lanternfish
                12, 29, 10, 2, 0,   // [[other-note]]: a note
                0, 16, 12, 2, 2,    // [[Nothing Here]]: no paper, no note (yet)
                0, 19, 6, 1, 2),    // @nokey: no such key
                data);
    }

    @Test
    void semanticTokensForARange() throws Exception {
        String uri = open(TOKENS_NOTE);
        List<Integer> data = client.server().getTextDocumentService()
                .semanticTokensRange(new SemanticTokensRangeParams(new TextDocumentIdentifier(uri), lines(6, 7)))
                .get(10, TimeUnit.SECONDS).getData();
        assertEquals(List.of(6, 0, 11, 0, 0, 0, 35, 4, 0, 1, 0, 11, 12, 1, 0), data);
    }

    @Test
    void aNameBrokenAcrossLinesIsOneTokenPerLineInUtf16() throws Exception {
        String uri = open("🧪 We tried GeoLens\r\n  v2 today.\r\n");
        List<Integer> data = client.server().getTextDocumentService()
                .semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(uri)))
                .get(10, TimeUnit.SECONDS).getData();
        assertEquals(List.of(0, 12, 7, 0, 0, 1, 2, 2, 0, 0), data);
    }

    private static final String OUTLINE_NOTE = String.join("\r\n",
            "---", "title: Lab", "---",
            "# 🧪 Lab notes", "", "Intro.", "",
            "## M\u00e9thodes 📚", "",
            "```python", "# not a heading", "```", "",
            "### D\u00e9tails", "text", "",
            "## Results", "Done.", "",
            "# Appendix",
            "Setext heading 🎯", "--------------",
            "last line");

    @Test
    void documentSymbolsNestHeadingsByLevel() throws Exception {
        String uri = open(OUTLINE_NOTE);
        var result = client.server().getTextDocumentService()
                .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri))).get(10, TimeUnit.SECONDS);
        List<DocumentSymbol> roots = new ArrayList<>();
        result.forEach(e -> roots.add(e.getRight()));
        assertEquals(List.of(
                "🧪 Lab notes (3:0-17:5) sel (3:0-3:14) [",
                "  Méthodes 📚 (7:0-14:4) sel (7:0-7:14) [",
                "    Détails (13:0-14:4) sel (13:0-13:11)",
                "  ]",
                "  Results (16:0-17:5) sel (16:0-16:10)",
                "]",
                "Appendix (19:0-22:9) sel (19:0-19:10) [",
                "  Setext heading 🎯 (20:0-22:9) sel (20:0-21:14)",
                "]"), outline(roots));
        assertEquals(SymbolKind.String, roots.get(0).getKind());
    }

    private static List<String> outline(List<DocumentSymbol> symbols) {
        List<String> out = new ArrayList<>();
        outline(symbols, "", out);
        return out;
    }

    private static void outline(List<DocumentSymbol> symbols, String indent, List<String> out) {
        for (DocumentSymbol s : symbols) {
            boolean children = s.getChildren() != null && !s.getChildren().isEmpty();
            out.add(indent + s.getName() + " (" + span(s.getRange()) + ") sel (" + span(s.getSelectionRange()) + ")"
                    + (children ? " [" : ""));
            if (children) {
                outline(s.getChildren(), indent + "  ", out);
                out.add(indent + "]");
            }
        }
    }

    private static String span(Range r) {
        return r.getStart().getLine() + ":" + r.getStart().getCharacter() + "-" + r.getEnd().getLine() + ":"
                + r.getEnd().getCharacter();
    }

    @Test
    void foldingCoversFrontMatterSectionsAndFencedCode() throws Exception {
        String uri = open(OUTLINE_NOTE);
        List<FoldingRange> ranges = client.server().getTextDocumentService()
                .foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(uri))).get(10, TimeUnit.SECONDS);
        List<String> got = new ArrayList<>();
        for (FoldingRange r : ranges) {
            got.add(r.getStartLine() + "-" + r.getEndLine());
            assertNull(r.getKind());
        }
        assertEquals(List.of("0-2", "3-17", "7-14", "9-11", "13-14", "16-17", "19-22", "20-22"), got);
    }

    @Test
    void aNoteWithoutHeadingsHasNoOutline() throws Exception {
        String uri = open("Just a line about Lanternfish.\n");
        var symbols = client.server().getTextDocumentService()
                .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri))).get(10, TimeUnit.SECONDS);
        assertNotNull(symbols);
        assertEquals(0, symbols.size());
        assertEquals(List.of(), client.server().getTextDocumentService()
                .foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(uri))).get(10, TimeUnit.SECONDS));
    }
}
