package dev.papernotes.lsp;

import dev.papernotes.config.Settings;
import dev.papernotes.workspace.Uris;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SetTraceParams;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The LSP entry: lifecycle and capabilities. Features live in the two services. */
public final class PapernotesLanguageServer implements LanguageServer, LanguageClientAware {
    static final String REBUILD_COMMAND = "papernotes.rebuildIndex";
    /** Request durations inside the server, per method (percentiles in ms); {@code "reset"} clears them. */
    static final String STATS_COMMAND = "papernotes.stats";
    /** Test-only (with {@code -Dpapernotes.debug=true}): a request that sleeps, cancellably. */
    static final String DEBUG_SLEEP_COMMAND = "papernotes.debug.sleep";

    private final Session session = new Session();
    private final NotesDocumentService documents = new NotesDocumentService(session);
    private final NotesWorkspaceService workspace = new NotesWorkspaceService(session);
    private final IntConsumer exit;

    public PapernotesLanguageServer(IntConsumer exit) {
        this.exit = exit;
    }

    @Override
    public void connect(LanguageClient client) {
        session.client = client;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        session.settings = Settings.from(params.getInitializationOptions() instanceof com.google.gson.JsonElement j
                ? j : null, Settings.DEFAULTS);
        session.workspace.setRoots(workspaceRoots(params));
        readCapabilities(params.getCapabilities());
        watchParent(params.getProcessId());

        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        caps.setTextDocumentSync(sync);
        CompletionOptions completion = new CompletionOptions(true, List.of("[", "@"));
        caps.setCompletionProvider(completion);
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setWorkspaceSymbolProvider(true);
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        caps.setDocumentLinkProvider(new DocumentLinkOptions(false));
        caps.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(REBUILD_COMMAND, STATS_COMMAND)));
        WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
        folders.setSupported(true);
        folders.setChangeNotifications(true);
        caps.setWorkspace(new WorkspaceServerCapabilities(folders));
        String version = PapernotesLanguageServer.class.getPackage().getImplementationVersion();
        return CompletableFuture.completedFuture(
                new InitializeResult(caps, new ServerInfo("papernotes", version == null ? "dev" : version)));
    }

    private static List<Path> workspaceRoots(InitializeParams params) {
        List<Path> roots = new ArrayList<>();
        List<WorkspaceFolder> folders = params.getWorkspaceFolders();
        if (folders != null) {
            for (WorkspaceFolder f : folders) {
                Path p = Uris.toPath(f.getUri());
                if (p != null) {
                    roots.add(p);
                }
            }
        }
        @SuppressWarnings("deprecation")
        String rootUri = params.getRootUri();
        if (roots.isEmpty() && rootUri != null) {
            Path p = Uris.toPath(rootUri);
            if (p != null) {
                roots.add(p);
            }
        }
        return roots;
    }

    private void readCapabilities(ClientCapabilities caps) {
        if (caps == null) {
            return;
        }
        var window = caps.getWindow();
        session.progressSupported = window != null && Boolean.TRUE.equals(window.getWorkDoneProgress());
        var text = caps.getTextDocument();
        if (text != null) {
            if (text.getHover() != null && text.getHover().getContentFormat() != null) {
                session.markdownHover = text.getHover().getContentFormat().contains(MarkupKind.MARKDOWN);
            }
            var completion = text.getCompletion();
            if (completion != null && completion.getCompletionItem() != null
                    && completion.getCompletionItem().getDocumentationFormat() != null) {
                session.markdownCompletion = completion.getCompletionItem().getDocumentationFormat()
                        .contains(MarkupKind.MARKDOWN);
            }
            session.linkSupport = text.getDefinition() != null
                    && Boolean.TRUE.equals(text.getDefinition().getLinkSupport());
        }
        var ws = caps.getWorkspace();
        session.workspaceSymbolData = ws != null && ws.getSymbol() != null && ws.getSymbol().getResolveSupport() != null;
        workspace.configurationSupported = ws != null && Boolean.TRUE.equals(ws.getConfiguration());
        workspace.watchRegistrationSupported = ws != null && ws.getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(ws.getDidChangeWatchedFiles().getDynamicRegistration());
    }

    /** The server must not outlive its editor: when the client process is gone, exit. */
    private void watchParent(Integer pid) {
        if (pid == null || pid <= 0) {
            return;
        }
        session.timers.scheduleWithFixedDelay(() -> {
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                exit.accept(1);
            }
        }, 2, 2, TimeUnit.SECONDS);
    }

    @Override
    public void initialized(InitializedParams params) {
        session.notification("initialized", workspace::afterInitialized);
        // Off the reader thread: which heap and flags this JVM runs with, for the client's log
        // (stderr had it at start).
        session.timers.execute(() -> {
            Latencies.threadCpuNanos(); // loads the CPU timer here rather than in the first request
            var c = session.client;
            if (c != null) {
                c.logMessage(new org.eclipse.lsp4j.MessageParams(MessageType.Info, LanguageServerMain.runtimeSummary()));
            }
        });
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        // Closing the index waits for merges to stop: not on the reader thread, and not forever.
        CompletableFuture<Object> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                session.shutdown();
            } finally {
                done.complete(null);
            }
        }, "papernotes-shutdown");
        t.setDaemon(true);
        t.start();
        return done.completeOnTimeout(null, 5, TimeUnit.SECONDS);
    }

    @Override
    public void exit() {
        exit.accept(0);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    @Override
    public void setTrace(SetTraceParams params) {
        // Tracing is the client's business (LSP4J traces on its side); accepted so clients do not see an error.
    }

    Session session() {
        return session;
    }
}
