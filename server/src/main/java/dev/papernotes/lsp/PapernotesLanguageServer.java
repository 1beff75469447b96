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
import org.eclipse.lsp4j.FileOperationFilter;
import org.eclipse.lsp4j.FileOperationOptions;
import org.eclipse.lsp4j.FileOperationPattern;
import org.eclipse.lsp4j.FileOperationPatternKind;
import org.eclipse.lsp4j.FileOperationPatternOptions;
import org.eclipse.lsp4j.FileOperationsServerCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InlayHintRegistrationOptions;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import dev.papernotes.features.SemanticTokensService;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.RenameOptions;
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
        CompletionOptions completion = new CompletionOptions(true, List.of("[", "@", "#", "^"));
        caps.setCompletionProvider(completion);
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setWorkspaceSymbolProvider(true);
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite)));
        caps.setDocumentLinkProvider(new DocumentLinkOptions(false));
        InlayHintRegistrationOptions inlayHints = new InlayHintRegistrationOptions();
        inlayHints.setResolveProvider(true);
        caps.setInlayHintProvider(inlayHints);
        caps.setDocumentSymbolProvider(true);
        caps.setFoldingRangeProvider(true);
        caps.setSemanticTokensProvider(
                new SemanticTokensWithRegistrationOptions(SemanticTokensService.legend(), true, true));
        caps.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(REBUILD_COMMAND, STATS_COMMAND,
                dev.papernotes.features.CreateNoteAction.COMMAND, dev.papernotes.features.MentionActionService.IGNORE_COMMAND)));
        caps.setRenameProvider(session.prepareRenameSupport ? Either.forRight(new RenameOptions(true))
                : Either.forLeft(true));
        WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
        folders.setSupported(true);
        folders.setChangeNotifications(true);
        WorkspaceServerCapabilities workspaceCaps = new WorkspaceServerCapabilities(folders);
        workspaceCaps.setFileOperations(fileOperations());
        caps.setWorkspace(workspaceCaps);
        String version = PapernotesLanguageServer.class.getPackage().getImplementationVersion();
        return CompletableFuture.completedFuture(
                new InitializeResult(caps, new ServerInfo("papernotes", version == null ? "dev" : version)));
    }

    /** Renames and moves of notes and folders in the editor's explorer: links follow ({@code willRenameFiles}). */
    private static FileOperationsServerCapabilities fileOperations() {
        List<FileOperationFilter> filters = new ArrayList<>();
        for (String glob : List.of("**/*.md", "**/*.markdown")) {
            FileOperationPattern p = new FileOperationPattern(glob);
            p.setMatches(FileOperationPatternKind.File);
            p.setOptions(new FileOperationPatternOptions(true));
            filters.add(new FileOperationFilter(p, "file"));
        }
        FileOperationPattern folder = new FileOperationPattern("**");
        folder.setMatches(FileOperationPatternKind.Folder);
        filters.add(new FileOperationFilter(folder, "file"));
        FileOperationsServerCapabilities ops = new FileOperationsServerCapabilities();
        ops.setWillRename(new FileOperationOptions(filters));
        return ops;
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
            session.hierarchicalSymbols = text.getDocumentSymbol() != null
                    && Boolean.TRUE.equals(text.getDocumentSymbol().getHierarchicalDocumentSymbolSupport());
            session.foldingRangeLimit = text.getFoldingRange() == null ? null : text.getFoldingRange().getRangeLimit();
            session.prepareRenameSupport = text.getRename() != null
                    && Boolean.TRUE.equals(text.getRename().getPrepareSupport());
        }
        var ws = caps.getWorkspace();
        session.inlayHintRefresh = ws != null && ws.getInlayHint() != null
                && Boolean.TRUE.equals(ws.getInlayHint().getRefreshSupport());
        session.semanticTokensRefresh = ws != null && ws.getSemanticTokens() != null
                && Boolean.TRUE.equals(ws.getSemanticTokens().getRefreshSupport());
        session.completionRefreshSupported = caps.getExperimental() instanceof com.google.gson.JsonObject x
                && x.get("papernotesCompletionRefresh") instanceof com.google.gson.JsonPrimitive p
                && p.isBoolean() && p.getAsBoolean();
        session.workspaceSymbolData = ws != null && ws.getSymbol() != null && ws.getSymbol().getResolveSupport() != null;
        workspace.configurationSupported = ws != null && Boolean.TRUE.equals(ws.getConfiguration());
        var workspaceEdit = ws == null ? null : ws.getWorkspaceEdit();
        List<String> resourceOps = workspaceEdit == null || workspaceEdit.getResourceOperations() == null ? List.of()
                : workspaceEdit.getResourceOperations();
        // Resource operations exist only in documentChanges, so a client that lists them takes those
        // (the spec: "neither documentChanges nor resourceOperations: then only plain changes").
        // Neovim lists them without documentChanges.
        session.edits = new dev.papernotes.features.NoteEdits(
                workspaceEdit != null && (Boolean.TRUE.equals(workspaceEdit.getDocumentChanges()) || !resourceOps.isEmpty()),
                resourceOps.contains(org.eclipse.lsp4j.ResourceOperationKind.Rename),
                resourceOps.contains(org.eclipse.lsp4j.ResourceOperationKind.Create));
        session.showDocumentSupport = window != null && window.getShowDocument() != null
                && window.getShowDocument().isSupport();
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
