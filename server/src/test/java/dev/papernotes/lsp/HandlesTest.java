package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.papernotes.features.DiagnosticsService;
import dev.papernotes.index.LibraryFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @} in prose as pandoc and GitHub/Obsidian users mean it, through the protocol: a handle
 * ("thanks to @someone", "follow @lab on X", a credit line, "@0.5IOU") is no citation and gets no
 * warning; an unknown key in brackets, with a locator, in a pandoc note or with a citekey's year is
 * a citation and is warned. The cursor marks the {@code @}; every note also holds an unresolved
 * wiki link, so its diagnostics have been published when they are read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HandlesTest {
    private static final String SENTINEL = "\n\nSee [[No Such Note Anywhere]].\n";
    private Path notes;
    private LspTestClient client;
    private int counter;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        notes = Files.createDirectories(tmp.resolve("notes"));
        Path lib = LibraryFixtures.copyTo(tmp.resolve("library"));
        client = LspTestClient.ready(notes, tmp.resolve("index"), lib);
    }

    @AfterAll
    void stop() throws Exception {
        client.shutdownAndExit();
        client.close();
    }

    /** The unknown-citekey warnings of the note, and the hover at the cursor. */
    private record Seen(List<Diagnostic> citekeyWarnings, Hover hover, Position cursor) {
    }

    private Seen open(String marked) throws Exception {
        Cursor c = Cursor.of(marked + SENTINEL);
        String uri = notes.resolve("note" + (counter++) + ".md").toUri().toString();
        client.open(uri, c.text());
        PublishDiagnosticsParams p = client.awaitDiagnostics(uri, d -> d.getDiagnostics().stream()
                .anyMatch(x -> x.getMessage().getLeft().contains("No Such Note Anywhere")), 20);
        List<Diagnostic> warnings = p.getDiagnostics().stream()
                .filter(d -> DiagnosticsService.UNKNOWN_CITEKEY.equals(d.getCode().getLeft())).toList();
        Hover h = client.server().getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), c.position())).get(10, TimeUnit.SECONDS);
        return new Seen(warnings, h, c.position());
    }

    private void assertHandle(String marked) throws Exception {
        Seen s = open(marked);
        assertEquals(List.of(), s.citekeyWarnings(), marked);
        assertNull(s.hover(), marked);
    }

    /** Exactly one unknown-citekey warning starting at the cursor, for {@code key}. */
    private void assertWarned(String marked, String key) throws Exception {
        Seen s = open(marked);
        List<String> here = s.citekeyWarnings().stream().filter(d -> d.getRange().getStart().equals(s.cursor()))
                .map(d -> d.getMessage().getLeft()).toList();
        assertEquals(List.of("Unknown citekey '@" + key + "'"), here, marked + ": " + s.citekeyWarnings());
    }

    @Test
    void handlesAfterThanksFollowAndCcAreNoCitations() throws Exception {
        assertHandle("Thanks to ‸@SomeUser2024 for the figure.");
        assertHandle("Great thread, thanks ‸@mira_k!");
        assertHandle("Follow ‸@papernotes_lab on X for updates.");
        assertHandle("cc ‸@reviewer2 who asked about the ablation.");
        assertHandle("The authors (‸@deepgroup on GitHub) answer issues fast.");
    }

    @Test
    void aNumberAfterAtIsNoCitation() throws Exception {
        assertHandle("Box AP ‸@0.5IOU is 41.2 on the validation set.");
        assertHandle("Throughput ‸@30fps on one GPU.");
    }

    @Test
    void handlesInANoteThatCitesNoWayArePeople() throws Exception {
        assertHandle("‸@YuShen1116\n\nNotes on the augmentation paper.");
        assertHandle("- Parametric continuous convolution (‸@Acme, sensor fusion)");
        assertHandle("Slides by ‸@someone are linked below.");
    }

    @Test
    void anEmailAddressIsNoCitation() throws Exception {
        assertHandle("Write to ann‸@example.org with questions.");
    }

    @Test
    void anUnknownKeyInBracketsIsAlwaysACitation() throws Exception {
        assertWarned("As argued before [‸@missingKey].", "missingKey");
        assertWarned("Thanks to [‸@SomeUser] again.", "SomeUser");
        assertWarned("[see ‸@missingKey, p. 3; @vaswaniAttentionAllYou2017]", "missingKey");
        assertWarned("[-‸@missingKey] shows the same.", "missingKey");
    }

    @Test
    void anUnknownInTextKeyIsACitationWhereTheNoteCitesThePandocWay() throws Exception {
        // the note cites a key the library has
        assertWarned("@vaswaniAttentionAllYou2017 and ‸@Acme agree.", "Acme");
        // the note has a bracketed citation elsewhere
        assertWarned("‸@Acme says so, unlike [@otherKey].\n", "Acme"); // (and @otherKey is warned too)
        // the front matter names a bibliography
        assertWarned("---\nbibliography: refs.bib\n---\n‸@Acme says so.", "Acme");
        // a locator after the key
        assertWarned("‸@Acme [p. 33] says so.", "Acme");
    }

    @Test
    void anUnknownKeyWithAYearIsACitationAnywhere() throws Exception {
        assertWarned("Tried ‸@nosuchkey2024 too.", "nosuchkey2024");
        assertWarned("As ‸@smith17 shows.", "smith17");
    }

    @Test
    void aKnownKeyIsACitationWhateverTheWordsAround() throws Exception {
        Seen s = open("Thanks to ‸@vaswaniAttentionAllYou2017 for attention.");
        assertEquals(List.of(), s.citekeyWarnings());
        assertNotNull(s.hover());
    }
}
