package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.papernotes.TestCorpus;
import dev.papernotes.index.IndexStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A completion asked while the first index is being built. The index is held back by a gate in
 * front of its directory: nothing is written (so nothing is committed or served) until the test
 * opens it, whatever the machine's speed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CompletionWhileIndexingTest {
    private final CountDownLatch gate = new CountDownLatch(1);

    private static final String WAIT = "papernotes.completion.indexWaitMs";

    @AfterEach
    void openGate() {
        gate.countDown();
        IndexStore.wrapDirectoriesForTests(null);
        System.clearProperty(WAIT);
    }

    /** The folder a directory writes to (the store may switch between a mapped and a plain one). */
    private static Path pathOf(org.apache.lucene.store.Directory d) {
        org.apache.lucene.store.Directory u = FilterDirectory.unwrap(d);
        if (u instanceof FSDirectory fs) {
            return fs.getDirectory().toAbsolutePath().normalize();
        }
        if (u instanceof org.apache.lucene.store.FileSwitchDirectory both) {
            return pathOf(both.getPrimaryDir());
        }
        return null;
    }

    /** The server on the seed corpus, its index in {@code indexDir} held shut until the gate opens. */
    private LspTestClient startHeldBack(Path notes, Path indexDir, boolean refreshCapability) throws Exception {
        return startHeldBack(notes, indexDir, TestCorpus.dir(), null, gate, refreshCapability);
    }

    /**
     * As above, on {@code corpusDir}, writes held until {@code writes} is counted down; with
     * {@code opening}, the index folder is not even opened until that latch is.
     */
    private LspTestClient startHeldBack(Path notes, Path indexDir, Path corpusDir, CountDownLatch opening,
            CountDownLatch writes, boolean refreshCapability) throws Exception {
        Path held = indexDir.toAbsolutePath().normalize();
        IndexStore.wrapDirectoriesForTests(d -> {
            if (!held.equals(pathOf(d))) {
                return d;
            }
            try {
                if (opening != null && !opening.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test never let the index open");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted before opening the index", e);
            }
            return new FilterDirectory(d) {
                @Override
                public IndexOutput createOutput(String name, IOContext context) throws IOException {
                    try {
                        if (!writes.await(60, TimeUnit.SECONDS)) {
                            throw new IOException("test gate never opened");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted at the test gate", e);
                    }
                    return in.createOutput(name, context);
                }
            };
        });
        LspTestClient client = new LspTestClient();
        if (refreshCapability) {
            client.capabilities = caps -> {
                JsonObject experimental = new JsonObject();
                experimental.addProperty("papernotesCompletionRefresh", true);
                caps.setExperimental(experimental);
            };
        }
        JsonObject options = new JsonObject();
        com.google.gson.JsonArray corpus = new com.google.gson.JsonArray();
        corpus.add(corpusDir.toString());
        options.add("corpus", corpus);
        options.addProperty("indexDir", indexDir.toString());
        client.configuration = options;
        client.initialize(notes, options);
        return client;
    }

    private static CompletableFuture<Either<java.util.List<CompletionItem>, CompletionList>> complete(
            LspTestClient client, String uri, Cursor c) {
        return client.server().getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(uri), c.position()));
    }

    @Test
    void aCompletionWaitsForTheIndexInsteadOfAnsweringEmpty(@TempDir Path tmp) throws Exception {
        // The default bound is 3 s; here it is long enough that a loaded machine cannot outlast it.
        System.setProperty(WAIT, "60000");
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        try (LspTestClient client = startHeldBack(notes, tmp.resolve("index"), false)) {
            Cursor c = Cursor.of("Read [[Mini-Mon‸ today");
            String uri = notes.resolve("a.md").toUri().toString();
            client.open(uri, c.text());
            var answer = complete(client, uri, c);
            var waiting = client.awaitLog(m -> m.getMessage().contains("completion waits for the index"), 30);
            assertEquals(MessageType.Log, waiting.getType());
            assertFalse(answer.isDone(), "answered while nothing was indexed: " + (answer.isDone() ? answer.get() : ""));
            gate.countDown();
            CompletionList list = answer.get(30, TimeUnit.SECONDS).getRight();
            assertTrue(list.isIncomplete());
            assertEquals("Mini-Monkey", list.getItems().get(0).getLabel());
            assertEquals("Mini-Monkey]]", list.getItems().get(0).getTextEdit().getLeft().getNewText());
            client.shutdownAndExit();
        }
    }

    /**
     * After a restart the index an earlier session left answers as soon as its folder is open: the
     * check of the corpus files against it (most of a second at a million papers), and here an
     * update that writes, go on behind the answer.
     */
    @Test
    void aRestartAnswersFromTheIndexOnDiskWhileTheCorpusIsChecked(@TempDir Path tmp) throws Exception {
        System.setProperty(WAIT, "60000");
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        try (var files = Files.list(TestCorpus.dir())) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, corpus.resolve(f.getFileName().toString()));
            }
        }
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Path index = tmp.resolve("index");
        try (LspTestClient first = startHeldBack(notes, index, corpus, null, new CountDownLatch(0), false)) {
            first.awaitReady();
            first.shutdownAndExit();
        }
        // While no server runs, a page is added: the next start has papers to write.
        try (var files = Files.list(corpus)) {
            Path page = files.sorted().findFirst().orElseThrow();
            Files.copy(page, corpus.resolve("zz-added-" + page.getFileName()));
        }

        CountDownLatch writes = new CountDownLatch(1);
        CountDownLatch opening = new CountDownLatch(1);
        LspTestClient client = startHeldBack(notes, index, corpus, opening, writes, false);
        try (client) {
            Cursor c = Cursor.of("Read [[Mini-Mon‸ today");
            String uri = notes.resolve("a.md").toUri().toString();
            client.open(uri, c.text());
            var answer = complete(client, uri, c);
            // Asked before the folder was open: it waits, then answers once the index is open.
            client.awaitLog(m -> m.getMessage().contains("completion waits for the index"), 30);
            opening.countDown();
            CompletionList list = answer.get(30, TimeUnit.SECONDS).getRight();
            assertEquals("Mini-Monkey", list.getItems().get(0).getLabel());
            assertEquals(1, writes.getCount(), "the update is still held");
            assertFalse(client.logs.stream().anyMatch(m -> m.getMessage().contains("index ready")),
                    "answered only after the update");
            writes.countDown();
            client.awaitLog(m -> m.getMessage().contains("index ready"), 60);
            client.shutdownAndExit();
        } finally {
            writes.countDown();
            opening.countDown();
        }
    }

    @Test
    void pastTheWaitItAnswersIncompleteAndAsksTheClientToCompleteAgain(@TempDir Path tmp) throws Exception {
        System.setProperty(WAIT, "500");
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        try (LspTestClient client = startHeldBack(notes, tmp.resolve("index"), true)) {
            Cursor c = Cursor.of("See @hidiff‸");
            String uri = notes.resolve("b.md").toUri().toString();
            client.open(uri, c.text());
            // The gate stays shut past the server's bound on waiting (shortened from 3 s).
            CompletionList empty = complete(client, uri, c).get(30, TimeUnit.SECONDS).getRight();
            assertTrue(empty.isIncomplete());
            assertEquals(java.util.List.of(), empty.getItems());
            assertEquals(java.util.List.of(), client.completionRefreshes, "nothing is ready yet");

            gate.countDown();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (client.completionRefreshes.isEmpty()) {
                assertTrue(System.nanoTime() < end, "no papernotes/completionRefresh once the index was served");
                Thread.sleep(10);
            }
            JsonObject refresh = client.completionRefreshes.get(0);
            assertEquals(uri, refresh.getAsJsonObject("textDocument").get("uri").getAsString());
            assertEquals(0, refresh.getAsJsonObject("position").get("line").getAsInt());
            assertEquals(11, refresh.getAsJsonObject("position").get("character").getAsInt());

            CompletionList list = complete(client, uri, c).get(30, TimeUnit.SECONDS).getRight();
            assertEquals("hidiffusion", list.getItems().get(0).getLabel());
            assertEquals(1, client.completionRefreshes.size(), "asked once, not again");
            client.shutdownAndExit();
        }
    }

    @Test
    void withoutTheCapabilityNoCustomNotificationIsSent(@TempDir Path tmp) throws Exception {
        System.setProperty(WAIT, "500");
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        try (LspTestClient client = startHeldBack(notes, tmp.resolve("index"), false)) {
            Cursor c = Cursor.of("See @hidiff‸");
            String uri = notes.resolve("c.md").toUri().toString();
            client.open(uri, c.text());
            CompletionList empty = complete(client, uri, c).get(30, TimeUnit.SECONDS).getRight();
            assertTrue(empty.isIncomplete());
            assertEquals(java.util.List.of(), empty.getItems());
            gate.countDown();
            client.awaitReady();
            assertEquals("hidiffusion", complete(client, uri, c).get(30, TimeUnit.SECONDS).getRight().getItems().get(0)
                    .getLabel());
            assertEquals(java.util.List.of(), client.completionRefreshes);
            client.shutdownAndExit();
        }
    }
}
