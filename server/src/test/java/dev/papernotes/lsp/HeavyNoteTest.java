package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.TestCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A note that links the same papers and notes thousands of times, in many paragraphs with code
 * spans between them (the shape that made parsing quadratic): every link still gets its own
 * target, and references list every one of them. How fast is the benchmark's business
 * ({@code HeavyNoteBenchmark}); this pins what the faster code answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HeavyNoteTest {
    private static final int REPEATS = 1500;
    private static final String LINE = "[[Dragonfly]] `code` @dragonfly [[Prepacking]] [[ideas]] [[nosuch]] @nokey\n\n";
    private Path notes;
    private LspTestClient client;
    private String uri;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        notes = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(notes.resolve("ideas.md"), "# Ideas\n");
        client = LspTestClient.ready(notes, tmp.resolve("index"));
        uri = notes.resolve("heavy.md").toUri().toString();
        client.open(uri, LINE.repeat(REPEATS));
    }

    @AfterAll
    void stop() throws Exception {
        client.shutdownAndExit();
        client.close();
    }

    @Test
    void everyLinkGetsItsOwnTarget() throws Exception {
        List<DocumentLink> links = client.server().getTextDocumentService()
                .documentLink(new DocumentLinkParams(new TextDocumentIdentifier(uri))).get(60, TimeUnit.SECONDS);
        assertEquals(4 * REPEATS, links.size());
        String dragonfly = corpusLine("Dragonfly: Multi-Resolution Zoom");
        String prepacking = corpusLine("Prepacking: A Simple Method");
        String ideas = notes.resolve("ideas.md").toUri().toString();
        for (int i = 0; i < REPEATS; i++) {
            int line = 2 * i;
            expect(links.get(4 * i), line, 2, 11, dragonfly);
            expect(links.get(4 * i + 1), line, 21, 31, dragonfly);
            expect(links.get(4 * i + 2), line, 34, 44, prepacking);
            expect(links.get(4 * i + 3), line, 49, 54, ideas);
        }
        assertTrue(links.get(0).getTooltip().startsWith("Dragonfly: Multi-Resolution Zoom"), links.get(0).getTooltip());
    }

    @Test
    void referencesListEveryMention() throws Exception {
        List<? extends Location> refs = client.server().getTextDocumentService().references(new ReferenceParams(
                new TextDocumentIdentifier(uri), new Position(0, 4), new ReferenceContext(false))).get(60, TimeUnit.SECONDS);
        assertEquals(2 * REPEATS, refs.size());
        assertEquals(new Range(new Position(2 * (REPEATS - 1), 21), new Position(2 * (REPEATS - 1), 31)),
                refs.get(refs.size() - 1).getRange());
    }

    private static void expect(DocumentLink link, int line, int start, int end, String target) {
        assertEquals(new Range(new Position(line, start), new Position(line, end)), link.getRange());
        assertEquals(target, link.getTarget());
    }

    /** The uri#Lline of the first corpus page (in corpus order) whose line starts with {@code title}. */
    private static String corpusLine(String title) throws Exception {
        try (var files = Files.list(TestCorpus.dir())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).startsWith(title)) {
                        return f.toRealPath().toUri() + "#L" + (i + 1);
                    }
                }
            }
        }
        throw new AssertionError("not in the corpus: " + title);
    }
}
