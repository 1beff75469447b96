package dev.papernotes.lsp;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A language client for tests: starts the real server on piped streams, speaks LSP through
 * LSP4J's own client launcher, and records what the server sends on its own.
 */
public final class LspTestClient implements LanguageClient, AutoCloseable {
    public final List<MessageParams> logs = new CopyOnWriteArrayList<>();
    public final Map<String, PublishDiagnosticsParams> diagnostics = new ConcurrentHashMap<>();
    public final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
    public final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();
    public volatile JsonObject configuration = new JsonObject();
    /** Answers to folder-scoped configuration items, by scope URI (others get {@link #configuration}). */
    public final Map<String, JsonObject> scopedConfiguration = new ConcurrentHashMap<>();
    public volatile Integer exitStatus;
    /** Edits the capabilities {@link #initialize} announces (by default as above), e.g. to add resolve support. */
    public volatile java.util.function.Consumer<ClientCapabilities> capabilities = c -> { };
    /** {@code papernotes/completionRefresh} notifications received. */
    public final List<JsonObject> completionRefreshes = new CopyOnWriteArrayList<>();
    /** How many {@code workspace/inlayHint/refresh} and {@code workspace/semanticTokens/refresh} requests came. */
    public final java.util.concurrent.atomic.AtomicInteger inlayHintRefreshes = new java.util.concurrent.atomic.AtomicInteger();
    public final java.util.concurrent.atomic.AtomicInteger semanticTokensRefreshes = new java.util.concurrent.atomic.AtomicInteger();

    private final LanguageServer server;
    private final Thread serverThread;
    private final OutputStream toServer;

    public LspTestClient() throws IOException {
        // NIO pipes, not java.io piped streams: those fail the reader ("write end dead") once any
        // thread that wrote has ended, and the server writes from threads that do end.
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        InputStream serverIn = Channels.newInputStream(up.source());
        toServer = Channels.newOutputStream(up.sink());
        InputStream clientIn = Channels.newInputStream(down.source());
        OutputStream fromServer = Channels.newOutputStream(down.sink());
        serverThread = new Thread(() -> LanguageServerMain.serve(serverIn, fromServer, s -> exitStatus = s), "test-server");
        serverThread.setDaemon(true);
        serverThread.start();
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(this, clientIn, toServer);
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    public LanguageServer server() {
        return server;
    }

    /** initialize + initialized with one workspace folder and the given initializationOptions. */
    public InitializeResult initialize(Path workspace, JsonObject options) throws Exception {
        return initialize(workspace == null ? List.of() : List.of(workspace), options, caps -> { });
    }

    /**
     * initialize + initialized with any number of workspace folders; {@code tweak} changes the
     * client capabilities this client announces (what a particular editor supports).
     */
    public InitializeResult initialize(List<Path> folders, JsonObject options,
            java.util.function.Consumer<ClientCapabilities> tweak) throws Exception {
        InitializeParams p = new InitializeParams();
        p.setProcessId((int) ProcessHandle.current().pid());
        if (!folders.isEmpty()) {
            List<WorkspaceFolder> wf = new ArrayList<>();
            for (Path f : folders) {
                wf.add(new WorkspaceFolder(f.toUri().toString(), f.getFileName().toString()));
            }
            p.setWorkspaceFolders(wf);
        }
        p.setInitializationOptions(options);
        ClientCapabilities caps = new ClientCapabilities();
        var text = new org.eclipse.lsp4j.TextDocumentClientCapabilities();
        var hover = new org.eclipse.lsp4j.HoverCapabilities();
        hover.setContentFormat(List.of("markdown", "plaintext"));
        text.setHover(hover);
        var definition = new org.eclipse.lsp4j.DefinitionCapabilities();
        definition.setLinkSupport(true);
        text.setDefinition(definition);
        caps.setTextDocument(text);
        var window = new org.eclipse.lsp4j.WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        caps.setWindow(window);
        var ws = new org.eclipse.lsp4j.WorkspaceClientCapabilities();
        ws.setConfiguration(true);
        var watched = new org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities();
        watched.setDynamicRegistration(true);
        ws.setDidChangeWatchedFiles(watched);
        caps.setWorkspace(ws);
        capabilities.accept(caps);
        tweak.accept(caps);
        p.setCapabilities(caps);
        InitializeResult r = server.initialize(p).get(30, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return r;
    }

    /**
     * A server on {@code notes} over the given corpus roots (the seed corpus when none), with its
     * index in {@code indexDir}: initialized, indexed and scanned, ready for requests.
     */
    public static LspTestClient ready(Path notes, Path indexDir, Path... corpusRoots) throws Exception {
        return ready(notes, options(indexDir, corpusRoots));
    }

    /** As {@link #ready(Path, Path, Path...)}, with initializationOptions (and settings) of the test's own. */
    public static LspTestClient ready(Path notes, JsonObject options) throws Exception {
        LspTestClient client = new LspTestClient();
        client.configuration = options;
        client.initialize(notes, options);
        client.awaitReady();
        return client;
    }

    /** The options {@link #ready(Path, Path, Path...)} starts with: the corpus roots (the seed corpus when none), the index folder. */
    public static JsonObject options(Path indexDir, Path... corpusRoots) {
        JsonObject options = new JsonObject();
        com.google.gson.JsonArray corpus = new com.google.gson.JsonArray();
        for (Path root : corpusRoots.length == 0 ? new Path[] {dev.papernotes.TestCorpus.dir()} : corpusRoots) {
            corpus.add(root.toString());
        }
        options.add("corpus", corpus);
        options.addProperty("indexDir", indexDir.toString());
        return options;
    }

    /** Waits until the server has indexed and scanned the notes (it says so in the log). */
    public void awaitReady() throws Exception {
        awaitLog(m -> m.getMessage().contains("notes ready"), 120);
    }

    public MessageParams awaitLog(Predicate<MessageParams> p, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            for (MessageParams m : logs) {
                if (p.test(m)) {
                    return m;
                }
            }
            Thread.sleep(20);
        }
        throw new TimeoutException("no such log message; got " + logs);
    }

    public PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> p, int seconds)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            PublishDiagnosticsParams d = diagnostics.get(uri);
            if (d != null && p.test(d)) {
                return d;
            }
            Thread.sleep(20);
        }
        throw new TimeoutException("no matching diagnostics for " + uri + "; last: " + diagnostics.get(uri));
    }

    public void open(String uri, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "markdown", 1, text)));
    }

    public void shutdownAndExit() throws Exception {
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            StringBuilder dump = new StringBuilder("shutdown not answered in 10 s; threads:\n");
            for (var entry : Thread.getAllStackTraces().entrySet()) {
                dump.append(entry.getKey().getName()).append(" ").append(entry.getKey().getState()).append('\n');
                for (StackTraceElement el : entry.getValue()) {
                    dump.append("    at ").append(el).append('\n');
                }
            }
            throw new AssertionError(dump.toString(), e);
        }
        server.exit();
    }

    // ---- LanguageClient ----

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams d) {
        diagnostics.put(d.getUri(), d);
    }

    @Override
    public void showMessage(MessageParams m) {
        logs.add(m);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams m) {
        logs.add(m);
    }

    @Override
    public CompletableFuture<List<Object>> configuration(ConfigurationParams p) {
        List<Object> out = new ArrayList<>();
        for (var item : p.getItems()) {
            JsonObject scoped = item.getScopeUri() == null ? null : scopedConfiguration.get(item.getScopeUri());
            out.add(scoped != null ? scoped : configuration);
        }
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        registrations.add(params);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(ProgressParams params) {
        progress.add(params);
    }

    @Override
    public CompletableFuture<Void> refreshInlayHints() {
        inlayHintRefreshes.incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshSemanticTokens() {
        semanticTokensRefreshes.incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    @org.eclipse.lsp4j.jsonrpc.services.JsonNotification("papernotes/completionRefresh")
    public void completionRefresh(JsonObject params) {
        completionRefreshes.add(params);
    }

    @Override
    public void close() throws Exception {
        try {
            toServer.close();
        } catch (IOException ignored) {
            // already closed
        }
        serverThread.join(5000);
    }
}
