package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded random client: initialize, open notes (the repo's example notes and fragments the
 * other protocol tests use), then random edits and requests at random, often out-of-range,
 * positions, then shutdown. Every request must be answered, none with an internal error.
 * {@code -Dfuzz.ops=N -Dfuzz.seed=S} runs longer (scripts/fuzz.sh); CI runs a short one.
 */
@Timeout(value = 1, unit = TimeUnit.HOURS)
class ProtocolFuzzTest {
    private static final String[] PIECES = {
        "Prepacking", " ", "[[", "]]", "[[Mini-Mon", "|", "#", "@hidiffusion", "[@", "; @", ", p. 3]", "\n", "\r\n", "\r",
        "`", "```\n", "<b>", "](http://x.y/z)", "[", "]", "(", ")", "---\n", "👩‍🔬", "研究", "e\u0301", "\uD83D", "\uDE00",
        "B-PROP", "PROP", "Griffon v2", "Tiny Time Mixers (TTMs)", "\t", "- ", "> ", "# ", "*", "_", "\\", "www.x.org",
        "https://github.com/a/b", "Dragonfly", "HiDiffusion", "[[Griffn v2]]", "@", "@@", "[[]]", "[[|]]", "\u0000"
    };

    @Test
    void randomSessionsNeverBreakTheServer(@TempDir Path tmp) throws Exception {
        long seed = Long.getLong("fuzz.seed", 7);
        int ops = Integer.getInteger("fuzz.ops", 1500);
        Random r = new Random(seed);
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("..", "examples", "notes"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                seeds.add(Files.readString(p));
            }
        }
        seeds.add("Read [[Mini-Mon today\nAs shown by @hidiff\nWe could try Prepa\n");
        seeds.add("🧪 研究ノート: Prepacking\r\nnext line\rlast");
        seeds.add("---\ntitle: x\n---\n`[[Mini-Mon`\n```\n[[Mini-Mon\n```\n");

        try (LspTestClient client = LspTestClient.ready(notes, tmp.resolve("index"))) {
            var docs = client.server().getTextDocumentService();
            List<String> uris = new ArrayList<>();
            int[] versions = new int[64];
            int failures = 0;
            StringBuilder report = new StringBuilder();
            for (int op = 0; op < ops; op++) {
                if (uris.isEmpty() || r.nextInt(40) == 0) {
                    String uri = notes.resolve("fuzz-" + uris.size() + ".md").toUri().toString();
                    uris.add(uri);
                    docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "markdown", 1,
                            seeds.get(r.nextInt(seeds.size())))));
                    continue;
                }
                int which = r.nextInt(uris.size());
                String uri = uris.get(which);
                TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
                Position p = new Position(r.nextInt(40) - 2, r.nextInt(120) - 5);
                CompletableFuture<?> f = null;
                switch (r.nextInt(12)) {
                    case 0, 1, 2 -> {
                        Position a = new Position(r.nextInt(30), r.nextInt(80));
                        Position b = r.nextBoolean() ? a : new Position(r.nextInt(30), r.nextInt(80));
                        StringBuilder insert = new StringBuilder();
                        for (int i = r.nextInt(4); i >= 0; i--) {
                            insert.append(PIECES[r.nextInt(PIECES.length)]);
                        }
                        docs.didChange(new DidChangeTextDocumentParams(
                                new VersionedTextDocumentIdentifier(uri, ++versions[which % 64] + 1),
                                List.of(new TextDocumentContentChangeEvent(new Range(a, b), insert.toString()))));
                    }
                    case 3 -> f = docs.completion(new CompletionParams(id, p));
                    case 4 -> f = docs.hover(new HoverParams(id, p));
                    case 5 -> f = docs.definition(new DefinitionParams(id, p));
                    case 6 -> f = docs.references(new ReferenceParams(id, p, new ReferenceContext(r.nextBoolean())));
                    case 7 -> f = docs.documentLink(new DocumentLinkParams(id));
                    case 8 -> f = docs.codeAction(new CodeActionParams(id, new Range(p, p), new CodeActionContext(
                            List.of(new Diagnostic(new Range(p, p), "x", null, "papernotes", "unresolved-link")))));
                    case 9 -> f = client.server().getWorkspaceService().symbol(
                            new WorkspaceSymbolParams(PIECES[r.nextInt(PIECES.length)]));
                    case 10 -> f = docs.completion(new CompletionParams(
                            new TextDocumentIdentifier("file:///not/open/" + r.nextInt(5) + ".md"), p));
                    default -> {
                        if (r.nextInt(5) == 0) {
                            docs.didClose(new DidCloseTextDocumentParams(id));
                            uris.remove(which);
                        }
                    }
                }
                if (f != null) {
                    try {
                        f.get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof ResponseErrorException re && re.getResponseError().getCode() == -32603) {
                            failures++;
                            report.append("op ").append(op).append(": ").append(re.getResponseError().getMessage()).append('\n');
                        } else {
                            throw e;
                        }
                    }
                }
            }
            if (failures > 0) {
                fail(failures + " internal errors (seed " + seed + "):\n" + report);
            }
            client.shutdownAndExit();
        }
    }
}
