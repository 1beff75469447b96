package dev.papernotes.lsp;

import com.google.gson.JsonObject;
import dev.papernotes.config.CorpusSelection;
import dev.papernotes.config.Settings;
import dev.papernotes.corpus.CorpusFormat;
import dev.papernotes.corpus.CorpusWarning;
import dev.papernotes.corpus.CorpusWatcher;
import dev.papernotes.features.CorpusFileDiagnostics;
import dev.papernotes.features.DiagnosticsService;
import dev.papernotes.features.FeatureContext;
import dev.papernotes.index.IndexStore;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.index.UpdateResult;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.NoteWorkspace;
import dev.papernotes.workspace.Uris;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Everything one client's server holds: settings, the index store, the notes, the executors, and
 * the background work that keeps them current. Requests read it; notifications and background
 * jobs change it.
 */
final class Session {
    private static final Logger LOG = Logger.getLogger(Session.class.getName());
    private static final long DIAGNOSTICS_DELAY_MS = 200;
    private static final int MAX_WARNINGS_LOGGED = 20;

    final NoteWorkspace workspace = new NoteWorkspace();
    final Latencies latencies = new Latencies();

    Session() {
        Requests.latencies = latencies;
    }
    /** Document requests, one at a time and in order: answers match the version they asked about. */
    final ExecutorService documents = Executors.newSingleThreadExecutor(named("papernotes-documents"));
    /** Workspace-wide requests (references, symbols), which may be slow; they must not delay typing. */
    final ExecutorService workspaceRequests = Executors.newFixedThreadPool(2, named("papernotes-workspace"));
    /** Indexing and scanning, one job at a time. */
    final ExecutorService background = Executors.newSingleThreadExecutor(named("papernotes-background"));
    final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(named("papernotes-timers"));

    volatile LanguageClient client;
    /** The server's JSON handler, for the warm-up to read and write through; none in tests without streams. */
    volatile WireRehearsal wire = WireRehearsal.NONE;
    volatile Settings settings = Settings.DEFAULTS;
    volatile boolean markdownHover = true;
    volatile boolean markdownCompletion = true;
    volatile boolean progressSupported;
    volatile boolean linkSupport;
    /** The client takes LSP 3.17 WorkspaceSymbol (with data), not only SymbolInformation. */
    volatile boolean workspaceSymbolData;
    volatile boolean hierarchicalSymbols;
    volatile Integer foldingRangeLimit;
    /** The client takes workspace/inlayHint/refresh and workspace/semanticTokens/refresh. */
    volatile boolean inlayHintRefresh;
    volatile boolean semanticTokensRefresh;
    /** The client re-asks completion on papernotes/completionRefresh (the VS Code client does). */
    volatile boolean completionRefreshSupported;
    /** What the client's workspace edits may hold (documentChanges, file renames and creations). */
    volatile dev.papernotes.features.NoteEdits edits = dev.papernotes.features.NoteEdits.PLAIN;
    volatile boolean prepareRenameSupport;
    volatile boolean showDocumentSupport;
    /** Per workspace folder, the corpus its own settings name (folder-scoped workspace/configuration). */
    volatile Map<Path, List<String>> folderCorpus = Map.of();
    /**
     * Renames this server just asked the client to do (old path to new path, with when): the client
     * may announce them again as willRenameFiles, and the links were already rewritten.
     */
    private final Map<Path, Map.Entry<Path, Long>> ownRenames = new ConcurrentHashMap<>();
    private static final long OWN_RENAME_MILLIS = 60_000;

    void rememberOwnRename(Path from, Path to) {
        ownRenames.put(from, Map.entry(to, System.currentTimeMillis()));
    }

    /** Whether {@code from → to} is a rename this server's own edit asked for (then it is forgotten). */
    boolean isOwnRename(Path from, Path to) {
        Map.Entry<Path, Long> e = ownRenames.remove(from);
        return e != null && e.getKey().equals(to) && System.currentTimeMillis() - e.getValue() < OWN_RENAME_MILLIS;
    }
    private volatile IndexStore store;
    private volatile CorpusSelection selection;
    private final Map<String, ScheduledFuture<?>> pendingDiagnostics = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> refreshTimer;
    private volatile Future<?> indexJob;
    /**
     * Completes when the index job under way has its index served (or has ended): what a
     * completion asked before then waits for. Pending from the start, since the first job starts
     * only once the client's settings are in.
     */
    private volatile CompletableFuture<Void> indexServed = new CompletableFuture<>();
    /**
     * Completes when the index job under way has opened its index folder (or has ended). An index
     * an earlier run left there answers from then on, while the job checks the corpus files against
     * it (at a million papers most of a second, which a first completion after a start used to wait).
     */
    private volatile CompletableFuture<Void> indexOpened = new CompletableFuture<>();
    /** A completion answered empty while the index loaded: where to ask the client to complete again. */
    private final AtomicReference<JsonObject> completionToRefresh = new AtomicReference<>();
    /** The index build for which "completion waits" was logged: once per build, not per keystroke. */
    private final AtomicReference<CompletableFuture<Void>> waitLoggedFor = new AtomicReference<>();
    /** Whether the editor watches files for us (workspace/didChangeWatchedFiles with registration). */
    volatile boolean clientWatchesFiles;
    private volatile CorpusWatcher corpusWatcher;
    private volatile boolean corpusWatchRegistered;
    private volatile ScheduledFuture<?> corpusTimer;
    private volatile boolean closing;
    /** Library files open in the editor, by uri: their text, for diagnostics as they are edited. */
    final Map<String, String> corpusDocuments = new ConcurrentHashMap<>();

    // ---- what requests see ----

    /** The context a request is answered from; close it when done (it holds an index snapshot). */
    Context context(boolean markdown) {
        IndexStore s = store;
        PaperIndex index;
        try {
            index = s == null ? emptyIndex() : s.acquire();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CorpusSelection sel = selection;
        List<Path> roots = sel == null ? List.of() : sel.roots();
        return new Context(new FeatureContext(index, workspace, settings, roots, markdown));
    }

    record Context(FeatureContext features) implements AutoCloseable {
        @Override
        public void close() {
            try {
                features.index().close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing index snapshot", e);
            }
        }
    }

    private static PaperIndex emptyIndex() throws IOException {
        return PaperIndex.empty();
    }

    List<Path> corpusRoots() {
        CorpusSelection sel = selection;
        return sel == null ? List.of() : sel.roots();
    }

    // ---- index lifecycle ----

    /**
     * Opens the index for the current settings and brings it up to date in the background; notes
     * are scanned meanwhile. Requests keep being answered from the last commit (or empty).
     */
    synchronized void startIndexing(boolean rebuild) {
        Future<?> previous = indexJob;
        if (previous != null && !previous.isDone() && !rebuild) {
            return;
        }
        submitIndexing(rebuild);
    }

    /** Indexing again after the running job (if any): the corpus roots may have changed meanwhile. */
    synchronized void restartIndexing() {
        submitIndexing(false);
    }

    private void submitIndexing(boolean rebuild) {
        CompletableFuture<Void> served = indexServed;
        if (served.isDone()) {
            served = new CompletableFuture<>();
            indexServed = served;
        }
        CompletableFuture<Void> opened = indexOpened;
        if (opened.isDone()) {
            opened = new CompletableFuture<>();
            indexOpened = opened;
        }
        CompletableFuture<Void> job = served;
        CompletableFuture<Void> open = opened;
        indexJob = background.submit(() -> {
            try {
                runIndexing(rebuild, job, open);
            } finally {
                open.complete(null);
                job.complete(null);
            }
        });
    }


    /**
     * Whether the index is still being built with nothing served yet: answers would be empty for
     * no other reason than timing. An index left by an earlier run is served at once and is not loading.
     */
    boolean indexLoading() {
        if (indexServed.isDone()) {
            return false;
        }
        IndexStore s = store;
        if (s == null) {
            return true;
        }
        PaperIndex idx = s.acquire();
        try {
            return idx.isEmpty();
        } finally {
            try {
                idx.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing index snapshot", e);
            }
        }
    }

    /**
     * True once the index is served, false when {@code timeoutMs} pass first; already true when no
     * index is loading. Waiting holds no thread: the caller continues on whichever completes it.
     */
    CompletableFuture<Boolean> indexReady(long timeoutMs) {
        if (!indexLoading()) {
            return CompletableFuture.completedFuture(true);
        }
        CompletableFuture<Void> served = indexServed;
        if (waitLoggedFor.getAndSet(served) != served) {
            log(MessageType.Log, "papernotes: completion waits for the index");
        }
        // Opened is enough when it holds papers already; an empty or new one is waited for until served.
        return indexOpened.thenCompose(v -> indexLoading() ? served : CompletableFuture.<Void>completedFuture(null))
                .thenApply(v -> true).completeOnTimeout(false, timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * After a completion had to answer empty because the index was loading: once it is served,
     * ask the client (if it can) to complete at that place again. Only the latest place counts.
     */
    void completionRefreshWanted(String uri, org.eclipse.lsp4j.Position position) {
        if (!completionRefreshSupported || position == null) {
            return;
        }
        JsonObject params = new JsonObject();
        JsonObject doc = new JsonObject();
        doc.addProperty("uri", uri);
        params.add("textDocument", doc);
        JsonObject pos = new JsonObject();
        pos.addProperty("line", position.getLine());
        pos.addProperty("character", position.getCharacter());
        params.add("position", pos);
        completionToRefresh.set(params);
        indexServed.thenRun(() -> {
            JsonObject p = completionToRefresh.getAndSet(null);
            if (p != null && client instanceof PapernotesClient c) {
                c.completionRefresh(p);
            }
        });
    }

    /** Inlay hints and semantic tokens depend on the index and the notes: ask the client to fetch them again. */
    void refreshEditorViews() {
        LanguageClient c = client;
        if (c == null) {
            return;
        }
        try {
            if (inlayHintRefresh) {
                c.refreshInlayHints();
            }
            if (semanticTokensRefresh) {
                c.refreshSemanticTokens();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "refresh request failed", e);
        }
    }

    /**
     * The index writer's buffer in the editor's server. While a first build reads the corpus the
     * buffer is most of the live heap: at 1M papers 24 MB peaked 7 MB lower in anonymous memory than
     * 32, for the same CPU (bench/results/bulk-build.md); 16 MB cost 5 % more CPU.
     */
    static final int INDEX_BUFFER_MB = 24;

    private void runIndexing(boolean rebuild, CompletableFuture<Void> served, CompletableFuture<Void> storeOpened) {
        try {
            CorpusSelection wanted = resolveSelection();
            IndexStore s = store;
            if (s == null || selection == null || !selection.equals(wanted)) {
                if (s != null && selection != null && selection.indexDir().equals(wanted.indexDir())) {
                    // Same folder, other corpus roots (a workspace folder came or went): our own
                    // writer must let go first, or the new store would find it and go read-only.
                    store = null;
                    s.close();
                }
                IndexStore opened = IndexStore.open(wanted.indexDir(), wanted.roots(), INDEX_BUFFER_MB);
                IndexStore old = store;
                selection = wanted;
                store = opened;
                if (old != null) {
                    old.close();
                }
                s = opened;
                if (opened.openNote() != null) {
                    boolean damage = opened.isWritable();
                    log(damage ? MessageType.Warning : MessageType.Info, "papernotes: " + opened.openNote());
                    LanguageClient c = client;
                    if (damage && c != null) {
                        c.showMessage(new MessageParams(MessageType.Warning, "papernotes: " + opened.openNote()));
                    }
                }
            }
            storeOpened.complete(null);
            watchCorpus(selection);
            if (s.isWritable()) {
                List<CorpusWarning> warnings = new ArrayList<>();
                UpdateResult r;
                try (Progress progress = new Progress(client, progressSupported, "Indexing papers")) {
                    r = s.update(warnings::add, progress, rebuild);
                    progress.end(r.papers() + " papers");
                }
                served.complete(null);
                for (int i = 0; i < Math.min(MAX_WARNINGS_LOGGED, warnings.size()); i++) {
                    log(MessageType.Warning, warnings.get(i).toString());
                }
                if (warnings.size() > MAX_WARNINGS_LOGGED) {
                    log(MessageType.Warning, (warnings.size() - MAX_WARNINGS_LOGGED) + " more corpus warnings");
                }
                log(MessageType.Info, String.format("papernotes: index ready: %d papers (%d files read) in %.1f s%s",
                        r.papers(), r.filesRead(), r.millis() / 1000.0, r.phases()));
                if (r.filesRead() > 0) {
                    // Building grew the heap; a full collection now, while the user waits for nothing,
                    // lets the collector give it back (the launchers' Serial GC shrinks after one).
                    System.gc();
                }
                widenHeapForServing();
            } else {
                served.complete(null);
                widenHeapForServing();
                scheduleRefresh();
                try (Context ctx = context(true)) {
                    log(MessageType.Info, "papernotes: index ready (read-only): "
                            + ctx.features().index().paperCount() + " papers");
                }
            }
            warmUp();
            scanNotes();
        } catch (CorpusSelection.MissingCorpusException e) {
            log(MessageType.Error, "papernotes: " + e.getMessage() + " (setting papernotes.corpus)");
            scanNotes();
        } catch (Throwable e) {
            LOG.log(Level.SEVERE, "indexing failed", e);
            log(MessageType.Error, "papernotes: indexing failed: " + Requests.describe(e));
            haltOnOutOfMemory(e);
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean heapWidened = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Once, a second after the first index is ready: the management classes it loads stay off the
     * path of the first requests.
     */
    private void widenHeapForServing() {
        if (heapWidened.compareAndSet(false, true)) {
            timers.schedule(() -> LOG.info("papernotes: " + ServingHeap.widen()), SERVING_HEAP_DELAY_S, TimeUnit.SECONDS);
        }
    }

    private static final long SERVING_HEAP_DELAY_S = 1;

    private final Object warmupLock = new Object();
    private boolean warmupRunning;
    private boolean warmupAgain;

    /**
     * Whenever a new index is served, a keystroke's code runs once over on a thread of its own
     * ({@link Warmup}), beside the scan of the notes: the first time so that the user's first
     * keystrokes find it compiled, after a reload because each first letter's ranking is
     * remembered per index snapshot. An index served empty is not warmed; the next one is. One
     * warm-up at a time: an index served meanwhile is warmed once more after it.
     */
    private void warmUp() {
        if (Boolean.getBoolean("papernotes.noWarmup") || closing) {
            return;
        }
        synchronized (warmupLock) {
            if (warmupRunning) {
                warmupAgain = true;
                return;
            }
            warmupRunning = true;
        }
        Warmup.start(this, () -> closing, this::warmUpAgain);
    }

    /** Asked by a finished warm-up: whether to run once more, on the index served since it started. */
    private boolean warmUpAgain() {
        synchronized (warmupLock) {
            if (warmupAgain && !closing) {
                warmupAgain = false;
                return true;
            }
            warmupRunning = false;
            return false;
        }
    }

    private CorpusSelection resolveSelection() throws IOException {
        Settings st = settings;
        List<Path> roots = workspace.roots();
        if (roots.size() <= 1 && folderCorpus.isEmpty()) {
            Path base = roots.isEmpty() ? Path.of("").toAbsolutePath() : roots.get(0);
            return CorpusSelection.resolve(st.corpus(), st.indexDir(), base, roots.isEmpty() ? null : roots.get(0));
        }
        // Several folders: each one's corpus counts (its own setting, else its corpus/ folder).
        return CorpusSelection.resolveFolders(roots, folderCorpus, st.corpus(), st.indexDir(),
                m -> log(MessageType.Warning, "papernotes: " + m));
    }

    /** A read-only store follows the writing process's commits. */
    private void scheduleRefresh() {
        if (refreshTimer != null) {
            return;
        }
        refreshTimer = timers.scheduleWithFixedDelay(() -> {
            IndexStore s = store;
            try {
                if (s != null && s.refresh()) {
                    warmUp();
                    background.submit(this::reanalyze);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "refresh failed", e);
            }
        }, 2, 2, TimeUnit.SECONDS);
    }

    /** Reads the workspace's notes from disk and resolves them all against the index. */
    void scanNotes() {
        long start = System.nanoTime();
        int n = workspace.scan(() -> Thread.currentThread().isInterrupted());
        reanalyze();
        log(MessageType.Info, String.format("papernotes: notes ready: %d notes in %d ms", n,
                (System.nanoTime() - start) / 1_000_000));
    }

    void reanalyze() {
        try (Context ctx = context(true)) {
            workspace.analyzeAll(ctx.features().index(), () -> Thread.currentThread().isInterrupted());
        }
        for (NoteDocument d : workspace.all()) {
            if (d.isOpen()) {
                scheduleDiagnostics(d.uri(), 0);
            }
        }
        refreshEditorViews();
    }

    // ---- corpus files changing on disk ----

    /**
     * Bursts of writes are read once: Better BibTeX rewrites an export in several writes, and an
     * editor saves by writing a temporary file and moving it.
     */
    static final long CORPUS_DEBOUNCE_MS = 300;

    /**
     * Watches the corpus roots the editor does not watch: those outside the workspace folders, or
     * all of them when the editor cannot register file watchers. Roots inside the workspace come
     * through {@code workspace/didChangeWatchedFiles}, registered here once.
     */
    private synchronized void watchCorpus(CorpusSelection sel) {
        CorpusWatcher old = corpusWatcher;
        corpusWatcher = null;
        if (old != null) {
            try {
                old.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing corpus watcher", e);
            }
        }
        List<Path> outside = new ArrayList<>();
        boolean inside = false;
        for (Path root : sel.roots()) {
            boolean inWorkspace = false;
            for (Path ws : workspace.roots()) {
                inWorkspace |= root.startsWith(ws);
            }
            if (inWorkspace && clientWatchesFiles) {
                inside = true;
            } else {
                outside.add(root);
            }
        }
        if (!outside.isEmpty()) {
            try {
                corpusWatcher = new CorpusWatcher(outside, this::corpusChanged);
            } catch (IOException | RuntimeException e) {
                log(MessageType.Warning, "papernotes: cannot watch the corpus for changes (" + e.getMessage()
                        + "); run the command papernotes.rebuildIndex after changing it");
            }
        }
        LanguageClient c = client;
        if (inside && !corpusWatchRegistered && c != null) {
            corpusWatchRegistered = true;
            StringBuilder glob = new StringBuilder("**/*.{");
            List<String> exts = CorpusFormat.allExtensions();
            for (int i = 0; i < exts.size(); i++) {
                glob.append(i == 0 ? "" : ",").append(exts.get(i).substring(1));
            }
            glob.append('}');
            FileSystemWatcher w = new FileSystemWatcher(Either.forLeft(glob.toString()));
            c.registerCapability(new RegistrationParams(List.of(new Registration("papernotes-corpus-watcher",
                    "workspace/didChangeWatchedFiles", new DidChangeWatchedFilesRegistrationOptions(List.of(w))))));
        }
    }

    /** Whether {@code p} is (or holds, or held) a file of the corpus. */
    boolean isCorpusPath(Path p) {
        CorpusSelection sel = selection;
        if (sel == null || p == null) {
            return false;
        }
        Path abs = p.toAbsolutePath().normalize();
        for (Path root : sel.roots()) {
            if (abs.equals(root) || root.startsWith(abs)) {
                return true;
            }
            if (abs.startsWith(root) && (CorpusFormat.byExtension(abs) != null || !abs.getFileName().toString().contains("."))) {
                return true;
            }
        }
        return false;
    }

    /** A corpus file changed on disk: read it again once the writes have settled. */
    void corpusChanged(Path p) {
        if (closing || !isCorpusPath(p)) {
            return;
        }
        ScheduledFuture<?> old = corpusTimer;
        if (old != null) {
            old.cancel(false);
        }
        corpusTimer = timers.schedule(() -> background.submit(this::reloadCorpus), CORPUS_DEBOUNCE_MS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Reads what changed in the corpus and serves it. Requests keep being answered from the last
     * commit while this runs; the new one is served as soon as it is committed.
     */
    private void reloadCorpus() {
        IndexStore s = store;
        if (s == null || !s.isWritable() || closing) {
            return;
        }
        try {
            List<CorpusWarning> warnings = new ArrayList<>();
            UpdateResult r = s.update(warnings::add, dev.papernotes.index.UpdateProgress.NONE, false);
            for (int i = 0; i < Math.min(MAX_WARNINGS_LOGGED, warnings.size()); i++) {
                log(MessageType.Warning, warnings.get(i).toString());
            }
            if (closing) {
                return;
            }
            if (r.committed()) {
                String dictionary = r.millis() > r.servedMillis() ? String.format(
                        " (mention dictionary rebuilt %.2f s later)", (r.millis() - r.servedMillis()) / 1000.0) : "";
                log(MessageType.Info, String.format("papernotes: corpus reloaded: %d papers (%d files read, %d papers "
                        + "written) in %.2f s%s", r.papers(), r.filesRead(), r.papersWritten(),
                        r.servedMillis() / 1000.0, dictionary));
                warmUp();
                reanalyze();
            }
        } catch (Throwable e) {
            LOG.log(Level.SEVERE, "corpus reload failed", e);
            log(MessageType.Error, "papernotes: corpus reload failed: " + Requests.describe(e));
            haltOnOutOfMemory(e);
        }
    }

    /** Problems of a library file open in the editor, as diagnostics, from the editor's text. */
    void scheduleCorpusDiagnostics(String uri, long delayMs) {
        ScheduledFuture<?> f = timers.schedule(() -> workspaceRequests.submit(() -> publishCorpusDiagnostics(uri)),
                delayMs, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> old = pendingDiagnostics.put(uri, f);
        if (old != null) {
            old.cancel(false);
        }
    }

    private void publishCorpusDiagnostics(String uri) {
        String text = corpusDocuments.get(uri);
        LanguageClient c = client;
        Path path = Uris.toPath(uri);
        if (text == null || c == null || path == null) {
            return;
        }
        try {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, CorpusFileDiagnostics.diagnostics(path, text)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "diagnostics failed for " + uri, e);
        }
    }

    // ---- diagnostics ----

    void scheduleDiagnostics(String uri, long delayMs) {
        ScheduledFuture<?> f = timers.schedule(() -> workspaceRequests.submit(() -> publishDiagnostics(uri)),
                delayMs, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> old = pendingDiagnostics.put(uri, f);
        if (old != null) {
            old.cancel(false);
        }
    }

    void scheduleDiagnostics(String uri) {
        scheduleDiagnostics(uri, DIAGNOSTICS_DELAY_MS);
    }

    /** Where the user is typing, and since when: a link there is not "unresolved" yet, only unfinished. */
    private record Typing(int offset, long nanos) {
    }

    private static final long TYPING_QUIET_MS = 1500;
    private final Map<String, Typing> typing = new ConcurrentHashMap<>();

    void recordTyping(String uri, int caret) {
        if (caret >= 0) {
            typing.put(uri, new Typing(caret, System.nanoTime()));
        } else {
            typing.remove(uri);
        }
    }

    private void publishDiagnostics(String uri) {
        NoteDocument doc = workspace.get(uri);
        LanguageClient c = client;
        if (c == null || doc == null || !doc.isOpen()) {
            return;
        }
        Typing t = typing.get(uri);
        long sinceTyping = t == null ? Long.MAX_VALUE : (System.nanoTime() - t.nanos()) / 1_000_000;
        int quietAt = sinceTyping < TYPING_QUIET_MS ? t.offset() : -1;
        try (Context ctx = context(true)) {
            List<Diagnostic> list = settings.diagnosticsEnabled()
                    ? DiagnosticsService.diagnostics(ctx.features(), doc, quietAt)
                    : List.of();
            if (quietAt >= 0) {
                // Say it once typing has paused, if it is still unresolved then.
                scheduleDiagnostics(uri, TYPING_QUIET_MS - sinceTyping + 50);
            }
            PublishDiagnosticsParams p = new PublishDiagnosticsParams(uri, list);
            p.setVersion(doc.version());
            c.publishDiagnostics(p);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "diagnostics failed for " + uri, e);
        }
    }

    void clearDiagnostics(String uri) {
        ScheduledFuture<?> old = pendingDiagnostics.remove(uri);
        if (old != null) {
            old.cancel(false);
        }
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    // ---- messages ----

    private final java.util.Set<String> warnedTooLarge = ConcurrentHashMap.newKeySet();

    /** Says once per note that it is too large for links, mentions and completion. */
    void warnTooLarge(NoteDocument doc) {
        if (!warnedTooLarge.add(doc.uri())) {
            return;
        }
        String name = doc.uri().substring(doc.uri().lastIndexOf('/') + 1);
        String message = String.format("papernotes: %s is too large (%.1f MB) to read for links and mentions; "
                + "papernotes is off for this note.", name, doc.text().length() / 1048576.0);
        LanguageClient c = client;
        if (c != null) {
            c.showMessage(new MessageParams(MessageType.Warning, message));
        }
        LOG.warning(message);
    }

    /**
     * Runs a notification handler. LSP4J only logs what a notification handler throws; here the
     * user is told (window/logMessage) and the server carries on.
     */
    void notification(String method, Runnable body) {
        long start = System.nanoTime();
        long cpu = Latencies.threadCpuNanos();
        try {
            body.run();
            latencies.record(method, System.nanoTime() - start, cpu < 0 ? -1 : Latencies.threadCpuNanos() - cpu);
        } catch (Throwable e) {
            haltOnOutOfMemory(e);
            LOG.log(Level.WARNING, method + " failed", e);
            log(MessageType.Error, "papernotes: " + method + " failed: " + Requests.describe(e));
        }
    }

    /** The out-of-memory policy of every thread here: a JVM that cannot allocate must not linger. */
    static void haltOnOutOfMemory(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            try {
                System.err.println("papernotes: out of memory; exiting");
            } finally {
                Runtime.getRuntime().halt(3);
            }
        }
    }

    void log(MessageType type, String message) {
        LOG.info(message);
        LanguageClient c = client;
        if (c != null) {
            c.logMessage(new MessageParams(type, message));
        }
    }

    void shutdown() {
        // Nothing more to tell the client; jobs being stopped must not write to it.
        client = null;
        closing = true;
        ScheduledFuture<?> r = refreshTimer;
        if (r != null) {
            r.cancel(false);
        }
        ScheduledFuture<?> reload = corpusTimer;
        if (reload != null) {
            reload.cancel(false);
        }
        CorpusWatcher w = corpusWatcher;
        if (w != null) {
            try {
                w.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing corpus watcher", e);
            }
        }
        // A corpus reload takes a moment: let it finish rather than interrupt it while it may be
        // writing to the client (an interrupted write closes an interruptible channel for good).
        background.shutdown();
        try {
            background.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        background.shutdownNow();
        timers.shutdownNow();
        documents.shutdown();
        workspaceRequests.shutdown();
        IndexStore s = store;
        store = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing index", e);
            }
        }
    }

    private static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
