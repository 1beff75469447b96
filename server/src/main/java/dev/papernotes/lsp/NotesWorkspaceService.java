package dev.papernotes.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import dev.papernotes.config.Settings;
import dev.papernotes.features.CreateNoteAction;
import dev.papernotes.features.RenameService;
import dev.papernotes.features.MentionActionService;
import dev.papernotes.features.SymbolService;
import dev.papernotes.workspace.IgnoredNames;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.Uris;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.FileRename;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.RenameFilesParams;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Settings, watched files, workspace folders, workspace symbols and commands. */
final class NotesWorkspaceService implements WorkspaceService {
    private static final Logger LOG = Logger.getLogger(NotesWorkspaceService.class.getName());
    private static final int MAX_SYMBOLS = 100;

    private final Session session;
    volatile boolean configurationSupported;
    volatile boolean watchRegistrationSupported;

    NotesWorkspaceService(Session session) {
        this.session = session;
    }

    /** After {@code initialized}: take the client's settings, watch notes, then index and scan. */
    void afterInitialized() {
        session.clientWatchesFiles = watchRegistrationSupported && session.client != null;
        if (watchRegistrationSupported && session.client != null) {
            FileSystemWatcher md = new FileSystemWatcher(Either.forLeft("**/*.{md,markdown}"));
            // Attachments only matter by existence: their creation and deletion, not their changes.
            FileSystemWatcher any = new FileSystemWatcher(Either.forLeft("**/*"),
                    org.eclipse.lsp4j.WatchKind.Create | org.eclipse.lsp4j.WatchKind.Delete);
            // .papernotes.json ("not this paper" in the workspace) matters by its content too.
            FileSystemWatcher ignored = new FileSystemWatcher(Either.forLeft("**/" + IgnoredNames.FILE));
            Registration reg = new Registration("papernotes-notes-watcher", "workspace/didChangeWatchedFiles",
                    new DidChangeWatchedFilesRegistrationOptions(List.of(md, any, ignored)));
            session.client.registerCapability(new RegistrationParams(List.of(reg)));
        }
        if (configurationSupported && session.client != null) {
            pullConfiguration().whenComplete((ok, err) -> session.startIndexing(false));
        } else {
            session.startIndexing(false);
        }
    }

    /** Asks the client for the {@code papernotes} section and applies it. */
    private CompletableFuture<Void> pullConfiguration() {
        ConfigurationItem item = new ConfigurationItem();
        item.setSection("papernotes");
        List<ConfigurationItem> items = new ArrayList<>(List.of(item));
        List<Path> folders = session.workspace.roots();
        if (folders.size() > 1) {
            // Multi-root: each folder may name its own corpus.
            for (Path f : folders) {
                ConfigurationItem scoped = new ConfigurationItem();
                scoped.setSection("papernotes");
                scoped.setScopeUri(Uris.fromPath(f));
                items.add(scoped);
            }
        }
        return session.client.configuration(new ConfigurationParams(items))
                .orTimeout(10, TimeUnit.SECONDS)
                .handle((values, err) -> {
                    if (err != null) {
                        LOG.log(Level.INFO, "workspace/configuration failed; keeping settings", err);
                    } else if (values != null && !values.isEmpty() && values.get(0) != null) {
                        apply(toJson(values.get(0)));
                        applyFolders(folders, values);
                    }
                    return null;
                });
    }

    /** Each folder's own corpus setting, from the folder-scoped answers (index i + 1 for folder i). */
    private void applyFolders(List<Path> folders, List<Object> values) {
        java.util.Map<Path, List<String>> perFolder = new java.util.LinkedHashMap<>();
        for (int i = 0; i < folders.size() && i + 1 < values.size() && folders.size() > 1; i++) {
            Object v = values.get(i + 1);
            if (v == null) {
                continue;
            }
            Settings scoped = Settings.from(toJson(v), Settings.DEFAULTS);
            if (!scoped.corpus().isEmpty()) {
                perFolder.put(folders.get(i), scoped.corpus());
            }
        }
        session.folderCorpus = java.util.Map.copyOf(perFolder);
    }

    private static JsonElement toJson(Object o) {
        return o instanceof JsonElement j ? j : new Gson().toJsonTree(o);
    }

    /** @return whether the corpus or index folder changed (then the index is reopened) */
    private boolean apply(JsonElement json) {
        Settings before = session.settings;
        Settings after = Settings.from(json, before);
        session.settings = after;
        return !after.corpus().equals(before.corpus()) || !java.util.Objects.equals(after.indexDir(), before.indexDir());
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        session.notification("workspace/didChangeConfiguration", () -> {
            if (configurationSupported && session.client != null) {
                Settings before = session.settings;
                pullConfiguration().whenComplete((ok, err) -> afterSettingsChange(before));
            } else {
                Settings before = session.settings;
                if (params.getSettings() != null) {
                    apply(toJson(params.getSettings()));
                }
                afterSettingsChange(before);
            }
        });
    }

    private void afterSettingsChange(Settings before) {
        Settings now = session.settings;
        if (!now.corpus().equals(before.corpus()) || !java.util.Objects.equals(now.indexDir(), before.indexDir())) {
            session.startIndexing(false);
        }
        for (NoteDocument d : session.workspace.all()) {
            if (d.isOpen()) {
                session.scheduleDiagnostics(d.uri(), 0);
            }
        }
        session.refreshEditorViews(); // inlay hints may have been switched on or off
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        session.notification("workspace/didChangeWatchedFiles", () -> {
            List<FileEvent> events = params.getChanges() == null ? List.of() : params.getChanges();
            boolean notes = false;
            for (FileEvent e : events) {
                Path p = Uris.toPath(e.getUri());
                if (p != null && session.isCorpusPath(p)) {
                    session.corpusChanged(p); // read again once the writes settle
                } else {
                    notes = true;
                }
            }
            if (!notes) {
                return;
            }
            session.background.submit(() -> {
                for (FileEvent e : events) {
                    Path p = Uris.toPath(e.getUri());
                    if (p == null || session.isCorpusPath(p)) {
                        continue;
                    }
                    if (p.getFileName() != null && IgnoredNames.FILE.equals(p.getFileName().toString())) {
                        session.workspace.reloadIgnoredNames(); // edited by hand: honoured at once
                    }
                    if (e.getType() == FileChangeType.Deleted) {
                        session.workspace.fileDeleted(p);
                    } else {
                        session.workspace.fileChanged(p);
                    }
                }
                session.reanalyze();
            });
        });
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        session.notification("workspace/didChangeWorkspaceFolders", () -> {
            List<Path> roots = new ArrayList<>(session.workspace.roots());
            var event = params.getEvent();
            if (event.getRemoved() != null) {
                for (WorkspaceFolder f : event.getRemoved()) {
                    Path p = Uris.toPath(f.getUri());
                    if (p != null) {
                        roots.removeIf(r -> r.equals(p) || r.equals(p.toAbsolutePath().normalize()));
                    }
                }
            }
            if (event.getAdded() != null) {
                for (WorkspaceFolder f : event.getAdded()) {
                    Path p = Uris.toPath(f.getUri());
                    if (p != null) {
                        roots.add(p);
                    }
                }
            }
            session.workspace.setRoots(roots);
            if (configurationSupported && session.client != null) {
                pullConfiguration().whenComplete((ok, err) -> session.restartIndexing());
            } else {
                session.restartIndexing(); // the folders' corpora count too; scanning follows indexing
            }
        });
    }

    @Override
    public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
            WorkspaceSymbolParams params) {
        return Requests.async(session.workspaceRequests, "workspace/symbol", cancel -> {
            try (Session.Context ctx = session.context(true)) {
                List<WorkspaceSymbol> symbols = SymbolService.symbols(ctx.features(), params.getQuery(), MAX_SYMBOLS,
                        Requests.cancelled(cancel));
                if (session.workspaceSymbolData) {
                    return Either.forRight(symbols);
                }
                // SymbolInformation is what every client understands (WorkspaceSymbol needs LSP 3.17).
                List<SymbolInformation> out = new ArrayList<>();
                for (WorkspaceSymbol s : symbols) {
                    Location loc = s.getLocation().getLeft();
                    SymbolInformation si = new SymbolInformation(s.getName(), s.getKind(), loc, s.getContainerName());
                    out.add(si);
                }
                return Either.forLeft(out);
            }
        });
    }

    /**
     * "Not a paper" in the whole workspace: adds the name to {@code .papernotes.json} of the note's
     * workspace folder, then every note is read again under the new rules and open notes get new
     * diagnostics.
     */
    private CompletableFuture<Object> ignoreName(List<Object> args) {
        String name = args == null || args.isEmpty() ? "" : argument(args.get(0));
        String uri = args == null || args.size() < 2 ? null : argument(args.get(1));
        if (name.isBlank()) {
            return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                    ResponseErrorCode.InvalidParams, MentionActionService.IGNORE_COMMAND + ": which name?", null)));
        }
        return Requests.async(session.workspaceRequests, MentionActionService.IGNORE_COMMAND, cancel -> {
            NoteDocument doc = uri == null ? null : session.workspace.get(uri);
            Path root = doc == null ? null : session.workspace.rootOf(doc);
            if (root == null && !session.workspace.roots().isEmpty()) {
                root = session.workspace.roots().get(0);
            }
            if (root == null) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest,
                        "no workspace folder to keep " + IgnoredNames.FILE + " in; ignore the name in the note instead",
                        null));
            }
            try {
                IgnoredNames.addToWorkspaceFile(root, name);
            } catch (java.io.IOException e) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError,
                        "cannot write " + root.resolve(IgnoredNames.FILE) + ": " + e.getMessage(), null));
            }
            session.workspace.reloadIgnoredNames();
            session.background.submit(session::reanalyze);
            return null;
        });
    }

    private static String argument(Object o) {
        if (o instanceof JsonElement j && j.isJsonPrimitive()) {
            return j.getAsString();
        }
        return o == null ? "" : String.valueOf(o);
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        if (PapernotesLanguageServer.STATS_COMMAND.equals(params.getCommand())) {
            Object summary = session.latencies.summary();
            if (params.getArguments() != null && !params.getArguments().isEmpty()
                    && String.valueOf(params.getArguments().get(0)).contains("reset")) {
                session.latencies.clear();
            }
            return CompletableFuture.completedFuture(summary);
        }
        if (PapernotesLanguageServer.DEBUG_SLEEP_COMMAND.equals(params.getCommand()) && Boolean.getBoolean("papernotes.debug")) {
            // A request that takes as long as asked, for tests of cancellation and of requests that
            // must not wait behind a slow one. Only with -Dpapernotes.debug=true.
            long millis = params.getArguments() == null || params.getArguments().isEmpty() ? 1000
                    : (long) Double.parseDouble(String.valueOf(params.getArguments().get(0)));
            return Requests.async(session.workspaceRequests, "papernotes.debug.sleep", cancel -> {
                long end = System.nanoTime() + millis * 1_000_000;
                while (System.nanoTime() < end) {
                    cancel.checkCanceled();
                    Thread.sleep(5);
                }
                return "slept";
            });
        }
        if (MentionActionService.IGNORE_COMMAND.equals(params.getCommand())) {
            return ignoreName(params.getArguments());
        }
        if (CreateNoteAction.COMMAND.equals(params.getCommand())) {
            return createNote(params.getArguments());
        }
        if (!PapernotesLanguageServer.REBUILD_COMMAND.equals(params.getCommand())) {
            return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                    ResponseErrorCode.InvalidParams, "unknown command: " + params.getCommand(), null)));
        }
        session.startIndexing(true);
        return CompletableFuture.completedFuture(null);
    }

    /** {@code papernotes.createNote [uri, text]}: the create-note fix for clients that cannot create files. */
    private CompletableFuture<Object> createNote(List<Object> args) {
        if (args == null || args.size() < 2) {
            return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                    ResponseErrorCode.InvalidParams, CreateNoteAction.COMMAND + " takes [uri, text]", null)));
        }
        String uri = stringArg(args.get(0));
        String text = stringArg(args.get(1));
        return Requests.async(session.background, CreateNoteAction.COMMAND, cancel -> {
            Path file;
            try {
                file = CreateNoteAction.create(session.workspace, uri, text);
            } catch (java.io.IOException e) {
                throw new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, e.getMessage(), null));
            }
            session.workspace.fileChanged(file);
            session.reanalyze();
            if (session.showDocumentSupport && session.client != null) {
                session.client.showDocument(new org.eclipse.lsp4j.ShowDocumentParams(Uris.fromPath(file)));
            }
            return Uris.fromPath(file);
        });
    }

    private static String stringArg(Object o) {
        if (o instanceof JsonElement j && j.isJsonPrimitive()) {
            return j.getAsString();
        }
        return o == null ? "" : String.valueOf(o);
    }

    @Override
    public CompletableFuture<WorkspaceEdit> willRenameFiles(RenameFilesParams params) {
        java.util.Map<Path, Path> renames = new java.util.LinkedHashMap<>();
        if (params.getFiles() != null) {
            for (FileRename f : params.getFiles()) {
                Path from = Uris.toPath(f.getOldUri());
                Path to = Uris.toPath(f.getNewUri());
                if (from != null && to != null && !session.isOwnRename(from, to)) {
                    renames.put(from, to);
                }
            }
        }
        return Requests.async(session.workspaceRequests, "workspace/willRenameFiles", cancel -> {
            try (Session.Context ctx = session.context(true)) {
                return RenameService.willRename(ctx.features(), renames, session.edits);
            }
        });
    }
}
