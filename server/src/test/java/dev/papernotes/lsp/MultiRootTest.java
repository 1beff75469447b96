package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.papernotes.TestCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersChangeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-root workspaces: every folder's corpus counts (its {@code corpus/} folder or its own
 * settings), a folder added later brings its corpus, and a note's links resolve in its own folder
 * first. Each folder holds one page of the seed corpus, with a paper found on no other page.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MultiRootTest {
    /** One paper per seed page, on that page only: Dragonfly (000), Im2win (001), Dense Text Retrieval (002). */
    private static final String PAGE_000 = "000_2d47f89bf13333c2.txt";
    private static final String PAGE_001 = "001_1d97baa6bdd1f0cd.txt";
    private static final String PAGE_002 = "002_43a92c64bc4ef029.txt";
    private static final String LINKS = "[[Dragonfly]] [[Im2win]] [[Dense Text Retrieval based on Pretrained Language Models]]\n";

    private static Path folder(Path tmp, String name, String corpusFolder, String page) throws Exception {
        Path f = Files.createDirectories(tmp.resolve(name));
        if (page != null) {
            Files.createDirectories(f.resolve(corpusFolder));
            Files.copy(TestCorpus.dir().resolve(page), f.resolve(corpusFolder).resolve(page));
        }
        Files.writeString(f.resolve("shared.md"), "# Shared note of " + name + "\n");
        return f;
    }

    private static LspTestClient start(List<Path> folders, Path index, java.util.Map<Path, JsonObject> scoped)
            throws Exception {
        LspTestClient client = new LspTestClient();
        JsonObject options = new JsonObject();
        options.addProperty("indexDir", index.toString());
        client.configuration = options;
        for (var e : scoped.entrySet()) {
            client.scopedConfiguration.put(e.getKey().toRealPath().toUri().toString(), e.getValue());
        }
        client.initialize(folders, options, caps -> { });
        client.awaitReady();
        return client;
    }

    private static List<String> messages(LspTestClient client, String uri, int expected) throws Exception {
        return client.awaitDiagnostics(uri, d -> d.getDiagnostics().size() == expected, 30).getDiagnostics().stream()
                .map(d -> d.getMessage().getLeft()).toList();
    }

    @Test
    void everyFoldersCorpusCountsAndLinksResolveInTheirOwnFolderFirst(@TempDir Path tmp) throws Exception {
        Path alpha = folder(tmp, "alpha", "corpus", PAGE_000);
        Path beta = folder(tmp, "beta", "corpus", PAGE_001);
        Path gamma = folder(tmp, "gamma", "corpus", PAGE_002);
        LspTestClient client = start(List.of(alpha, beta), tmp.resolve("index"), java.util.Map.of());
        try {
            String b = beta.resolve("b.md").toUri().toString();
            client.open(b, LINKS);
            assertEquals(List.of("No paper or note named 'Dense Text Retrieval based on Pretrained Language Models'"),
                    messages(client, b, 1));

            for (Path f : List.of(alpha, beta)) {
                String uri = f.resolve("note.md").toUri().toString();
                client.open(uri, "[[shared]]");
                var defs = client.server().getTextDocumentService().definition(new DefinitionParams(
                        new TextDocumentIdentifier(uri), new org.eclipse.lsp4j.Position(0, 4))).get(10, TimeUnit.SECONDS);
                assertEquals(List.of(f.toRealPath().resolve("shared.md").toUri().toString()),
                        defs.getRight().stream().map(l -> l.getTargetUri()).toList());
            }

            // A folder added later brings its corpus.
            client.server().getWorkspaceService().didChangeWorkspaceFolders(new DidChangeWorkspaceFoldersParams(
                    new WorkspaceFoldersChangeEvent(List.of(new WorkspaceFolder(gamma.toUri().toString(), "gamma")),
                            List.of())));
            assertEquals(List.of(), messages(client, b, 0));
        } finally {
            client.shutdownAndExit();
            client.close();
        }
    }

    @Test
    void aFoldersOwnCorpusSettingReplacesItsCorpusFolder(@TempDir Path tmp) throws Exception {
        Path alpha = folder(tmp, "alpha", "corpus", PAGE_000);
        Files.createDirectories(alpha.resolve("papers"));
        Files.copy(TestCorpus.dir().resolve(PAGE_002), alpha.resolve("papers").resolve(PAGE_002));
        Path beta = folder(tmp, "beta", "corpus", PAGE_001);
        JsonObject own = new JsonObject();
        JsonArray corpus = new JsonArray();
        corpus.add("papers");
        own.add("corpus", corpus);
        own.addProperty("indexDir", tmp.resolve("index").toString());
        LspTestClient client = start(List.of(alpha, beta), tmp.resolve("index"), java.util.Map.of(alpha, own));
        try {
            String a = alpha.resolve("a.md").toUri().toString();
            client.open(a, LINKS);
            List<Diagnostic> d = client.awaitDiagnostics(a, p -> p.getDiagnostics().size() == 1, 30).getDiagnostics();
            assertEquals("No paper or note named 'Dragonfly'", d.get(0).getMessage().getLeft());
        } finally {
            client.shutdownAndExit();
            client.close();
        }
    }
}
