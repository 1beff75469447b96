package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.index.IndexStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexInput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.RandomAccessInput;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Failures inside the server become messages and error replies; the server carries on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FaultsTest {
    /** Set to make every index read fail, as a dying disk would. */
    private static final AtomicBoolean DISK_FAILS = new AtomicBoolean();

    private LspTestClient client;
    private Path notes;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        IndexStore.wrapDirectoriesForTests(d -> new FilterDirectory(d) {
            @Override
            public IndexInput openInput(String name, IOContext context) throws IOException {
                return new Failing(in.openInput(name, context));
            }
        });
        notes = Files.createDirectories(tmp.resolve("notes"));
        client = LspTestClient.ready(notes, tmp.resolve("index"));
    }

    @AfterAll
    void stop() throws Exception {
        IndexStore.wrapDirectoriesForTests(null);
        DISK_FAILS.set(false);
        client.shutdownAndExit();
        client.close();
    }

    private Hover hover(String uri, int character) throws Exception {
        return client.server().getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(0, character))).get(20, TimeUnit.SECONDS);
    }

    @Test
    void aNotificationItsHandlerCannotServeIsReportedAndTheServerCarriesOn() throws Exception {
        String uri = notes.resolve("a.md").toUri().toString();
        client.open(uri, "Prepacking\n");
        // An open without its document: refused before the handler, in words, to the user.
        client.server().getTextDocumentService().didOpen(new org.eclipse.lsp4j.DidOpenTextDocumentParams());
        var m = client.awaitLog(l -> l.getMessage().contains("textDocument/didOpen: params.textDocument is missing"), 20);
        assertEquals(MessageType.Error, m.getType());
        assertNotNull(hover(uri, 3));
    }

    @Test
    void anExceptionInANotificationHandlerIsReported() {
        java.util.List<String> reported = new java.util.ArrayList<>();
        Lifecycle lifecycle = new Lifecycle(new org.eclipse.lsp4j.jsonrpc.Endpoint() {
            @Override
            public java.util.concurrent.CompletableFuture<?> request(String method, Object parameter) {
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }

            @Override
            public void notify(String method, Object parameter) {
                throw new IllegalStateException("handler broke");
            }
        }, status -> { }, reported::add);
        lifecycle.request("initialize", null);
        lifecycle.notify("textDocument/didSave", null);
        assertEquals(java.util.List.of("papernotes: textDocument/didSave failed: IllegalStateException: handler broke"),
                reported);
    }

    @Test
    void aRequestWithoutItsDocumentIsInvalidParamsWithoutAStackTrace() throws Exception {
        HoverParams broken = new HoverParams();
        broken.setPosition(new Position(0, 0));
        var f = client.server().getTextDocumentService().hover(broken);
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(20, TimeUnit.SECONDS));
        ResponseErrorException re = (ResponseErrorException) e.getCause();
        assertEquals(-32602, re.getResponseError().getCode());
        assertNull(re.getResponseError().getData());
        assertEquals("textDocument/hover: params.textDocument is missing", re.getResponseError().getMessage());
    }

    @Test
    void aDiskErrorIsAnErrorReplyAndTheServerStaysUp() throws Exception {
        String uri = notes.resolve("b.md").toUri().toString();
        client.open(uri, "Prepacking and Dragonfly\n");
        assertNotNull(hover(uri, 3));
        DISK_FAILS.set(true);
        try {
            ExecutionException e = assertThrows(ExecutionException.class, () -> hover(uri, 17));
            ResponseErrorException re = (ResponseErrorException) e.getCause();
            assertEquals(-32603, re.getResponseError().getCode());
            assertTrue(re.getResponseError().getMessage().contains("disk read failed"), re.getResponseError().getMessage());
            assertFalse(re.getResponseError().getMessage().contains("Exception"), "words, not Java classes: "
                    + re.getResponseError().getMessage());
        } finally {
            DISK_FAILS.set(false);
        }
        assertNotNull(hover(uri, 17), "answers again once the disk does");
    }

    /** Every read checks the switch; clones and slices too. */
    private static final class Failing extends FilterIndexInput {
        Failing(IndexInput in) {
            super("failing(" + in + ")", in);
        }

        private void check() throws IOException {
            if (DISK_FAILS.get()) {
                throw new IOException("simulated disk read failed");
            }
        }

        @Override
        public byte readByte() throws IOException {
            check();
            return in.readByte();
        }

        @Override
        public void readBytes(byte[] b, int offset, int len) throws IOException {
            check();
            in.readBytes(b, offset, len);
        }

        @Override
        public void seek(long pos) throws IOException {
            check();
            in.seek(pos);
        }

        @Override
        public IndexInput clone() {
            return new Failing(in.clone());
        }

        @Override
        public IndexInput slice(String description, long offset, long length) throws IOException {
            return new Failing(in.slice(description, offset, length));
        }

        @Override
        public RandomAccessInput randomAccessSlice(long offset, long length) throws IOException {
            RandomAccessInput r = in.randomAccessSlice(offset, length);
            return new RandomAccessInput() {
                @Override
                public long length() {
                    return r.length();
                }

                @Override
                public byte readByte(long pos) throws IOException {
                    check();
                    return r.readByte(pos);
                }

                @Override
                public short readShort(long pos) throws IOException {
                    check();
                    return r.readShort(pos);
                }

                @Override
                public int readInt(long pos) throws IOException {
                    check();
                    return r.readInt(pos);
                }

                @Override
                public long readLong(long pos) throws IOException {
                    check();
                    return r.readLong(pos);
                }
            };
        }
    }
}
