package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
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
 * Nothing the server answers points outside the corpus roots and the workspace folders, links and
 * loops do not lead it astray, and corpus text is data: matched literally, shown escaped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SecurityTest {
    private static final String FILLER = "The method is evaluated on many benchmarks with strong baselines. ".repeat(8);
    /** A title that would be a catastrophic regular expression, if anyone built one from it. */
    private static final String REGEX_LIKE = "(a+)+$ Backtracking? Study: When A|B|C Meets (x*)*y";
    /** A title that would be links, HTML and code, if anyone rendered it as Markdown. */
    private static final String CRAFTED = "Clickbait [click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>"
            + ": A Study of $x$ and `code`";
    private Path tmp;
    private Path notes;
    private Path outside;
    private LspTestClient client;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        tmp = dir;
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(corpus.resolve("page.txt"), "Mar 1\n\n"
                + "Prepacking: A Simple Method for Fast Prefilling\n\nWe propose Prepacking, a method. " + FILLER + "\n\n"
                + CRAFTED + "\n\nWe study crafted titles. " + FILLER + "\n\n"
                + REGEX_LIKE + "\n\nWe study regular expressions. " + FILLER + "\n");
        Files.writeString(outside.resolve("secret.txt"), "Mar 2\n\nSecretnet: Hidden Paper Outside the Corpus\n\n"
                + "We propose Secretnet, a hidden method. " + FILLER + "\n");
        Files.createSymbolicLink(corpus.resolve("linked.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(corpus.resolve("loop"), corpus); // a folder that contains itself

        notes = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(notes.resolve("inside.md"), "Prepacking is inside.\n");
        Files.writeString(outside.resolve("evil.md"), "Prepacking from outside the workspace.\n");
        Files.createSymbolicLink(notes.resolve("evil.md"), outside.resolve("evil.md"));
        Files.createSymbolicLink(notes.resolve("loop"), notes);

        client = LspTestClient.ready(notes, tmp.resolve("index"), corpus);
    }

    @AfterAll
    void stop() throws Exception {
        client.shutdownAndExit();
        client.close();
    }

    private List<? extends Location> references(String uri, Position p) throws Exception {
        return client.server().getTextDocumentService()
                .references(new ReferenceParams(new TextDocumentIdentifier(uri), p, new ReferenceContext(true)))
                .get(20, TimeUnit.SECONDS);
    }

    @Test
    void aCorpusLinkLeadingOutIsNotIndexedAndLoopsEnd() throws Exception {
        String uri = notes.resolve("a.md").toUri().toString();
        client.open(uri, "[[Secretnet]] and [[Prepacking]]\n");
        var d = client.awaitDiagnostics(uri, p -> !p.getDiagnostics().isEmpty(), 20);
        assertEquals("No paper or note named 'Secretnet'", d.getDiagnostics().get(0).getMessage().getLeft());
        assertTrue(client.logs.stream().anyMatch(m -> m.getMessage().contains("index ready: 3 papers")), client.logs.toString());
    }

    @Test
    void referencesStayInsideTheWorkspaceAndTheCorpus() throws Exception {
        String inside = notes.resolve("b.md").toUri().toString();
        client.open(inside, "Prepacking\n");
        // Documents an editor opened outside the workspace, or on another host, are not linked to.
        client.open(outside.resolve("open-outside.md").toUri().toString(), "Prepacking again\n");
        client.open("file://fileserver/share/remote.md", "Prepacking remote\n");
        client.open(notes.toUri() + "%2e%2e/%2e%2e/escape.md", "Prepacking escape\n");
        List<? extends Location> refs = references(inside, new Position(0, 3));
        assertFalse(refs.isEmpty());
        for (Location l : refs) {
            Path p = Path.of(java.net.URI.create(l.getUri())).normalize();
            Path real = Files.exists(p) ? p.toRealPath() : p;
            boolean inWorkspace = p.startsWith(notes) && !real.startsWith(outside);
            boolean inCorpus = real.startsWith(tmp.resolve("corpus").toRealPath());
            assertTrue(inWorkspace || inCorpus, "points outside: " + l.getUri());
        }
        assertTrue(refs.stream().anyMatch(l -> l.getUri().endsWith("inside.md")), refs.toString());
        assertTrue(refs.stream().noneMatch(l -> l.getUri().contains("evil") || l.getUri().contains("outside")
                || l.getUri().contains("fileserver") || l.getUri().contains("escape")), refs.toString());
    }

    @Test
    void titlesAreMatchedAsLiteralText() throws Exception {
        String uri = notes.resolve("c.md").toUri().toString();
        client.open(uri, "See " + REGEX_LIKE + " for details, and aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n");
        Hover h = client.server().getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(0, 6))).get(20, TimeUnit.SECONDS);
        assertNotNull(h, "the full title is a mention, matched as literal text");
        assertEquals(4, h.getRange().getStart().getCharacter());
        assertEquals(4 + REGEX_LIKE.length(), h.getRange().getEnd().getCharacter());
    }

    @Test
    void hoverShowsCorpusTextEscaped() throws Exception {
        String abstractText = "We study crafted titles. " + FILLER;
        String key = dev.papernotes.names.Citekeys.base(
                dev.papernotes.names.MethodNames.extract(CRAFTED, abstractText), CRAFTED);
        String uri = notes.resolve("d.md").toUri().toString();
        client.open(uri, "As in @" + key + ".\n");
        Hover h = client.server().getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(0, 8))).get(20, TimeUnit.SECONDS);
        assertNotNull(h, "@" + key);
        String md = h.getContents().getRight().getValue();
        assertFalse(md.contains("[click](command:"), md);
        assertFalse(java.util.regex.Pattern.compile("(?<!\\\\)<img").matcher(md).find(), "unescaped HTML: " + md);
        assertTrue(md.contains("\\[click\\]"), md);
        assertTrue(md.contains("\\<img"), md);
    }
}
