package dev.papernotes.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import dev.papernotes.config.Settings;
import dev.papernotes.features.SymbolService;
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
import org.eclipse.lsp4j.FileSystemWatcher;
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
            Registration reg = new Registration("papernotes-notes-watcher", "workspace/didChangeWatchedFiles",
                    new DidChangeWatchedFilesRegistrationOptions(List.of(md)));
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
        return session.client.configuration(new ConfigurationParams(List.of(item)))
                .orTimeout(10, TimeUnit.SECONDS)
                .handle((values, err) -> {
                    if (err != null) {
                        LOG.log(Level.INFO, "workspace/configuration failed; keeping settings", err);
                    } else if (values != null && !values.isEmpty() && values.get(0) != null) {
                        apply(toJson(values.get(0)));
                    }
                    return null;
                });
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
            session.background.submit(session::scanNotes);
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
        if (!PapernotesLanguageServer.REBUILD_COMMAND.equals(params.getCommand())) {
            return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                    ResponseErrorCode.InvalidParams, "unknown command: " + params.getCommand(), null)));
        }
        session.startIndexing(true);
        return CompletableFuture.completedFuture(null);
    }
}
