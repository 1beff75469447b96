package dev.papernotes.lsp;

import dev.papernotes.config.CorpusSelection;
import dev.papernotes.config.Settings;
import dev.papernotes.corpus.CorpusWarning;
import dev.papernotes.features.DiagnosticsService;
import dev.papernotes.features.FeatureContext;
import dev.papernotes.index.IndexStore;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.index.UpdateResult;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.NoteWorkspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.Diagnostic;
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
    volatile Settings settings = Settings.DEFAULTS;
    volatile boolean markdownHover = true;
    volatile boolean markdownCompletion = true;
    volatile boolean progressSupported;
    volatile boolean linkSupport;
    /** The client takes LSP 3.17 WorkspaceSymbol (with data), not only SymbolInformation. */
    volatile boolean workspaceSymbolData;
    private volatile IndexStore store;
    private volatile CorpusSelection selection;
    private final Map<String, ScheduledFuture<?>> pendingDiagnostics = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> refreshTimer;
    private volatile Future<?> indexJob;

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
        indexJob = background.submit(() -> runIndexing(rebuild));
    }

    private void runIndexing(boolean rebuild) {
        try {
            CorpusSelection wanted = resolveSelection();
            IndexStore s = store;
            if (s == null || selection == null || !selection.equals(wanted)) {
                IndexStore opened = IndexStore.open(wanted.indexDir(), wanted.roots(), 32);
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
            if (s.isWritable()) {
                List<CorpusWarning> warnings = new ArrayList<>();
                UpdateResult r;
                try (Progress progress = new Progress(client, progressSupported, "Indexing papers")) {
                    r = s.update(warnings::add, progress, rebuild);
                    progress.end(r.papers() + " papers");
                }
                for (int i = 0; i < Math.min(MAX_WARNINGS_LOGGED, warnings.size()); i++) {
                    log(MessageType.Warning, warnings.get(i).toString());
                }
                if (warnings.size() > MAX_WARNINGS_LOGGED) {
                    log(MessageType.Warning, (warnings.size() - MAX_WARNINGS_LOGGED) + " more corpus warnings");
                }
                log(MessageType.Info, String.format("papernotes: index ready: %d papers (%d files read) in %.1f s",
                        r.papers(), r.filesRead(), r.millis() / 1000.0));
                if (r.filesRead() > 0) {
                    // Building grew the heap; a full collection now, while the user waits for nothing,
                    // lets the collector give it back (the launchers' Serial GC shrinks after one).
                    System.gc();
                }
            } else {
                scheduleRefresh();
                try (Context ctx = context(true)) {
                    log(MessageType.Info, "papernotes: index ready (read-only): "
                            + ctx.features().index().paperCount() + " papers");
                }
            }
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

    private CorpusSelection resolveSelection() throws IOException {
        Settings st = settings;
        List<Path> roots = workspace.roots();
        Path base = roots.isEmpty() ? Path.of("").toAbsolutePath() : roots.get(0);
        return CorpusSelection.resolve(st.corpus(), st.indexDir(), base, roots.isEmpty() ? null : roots.get(0));
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
        ScheduledFuture<?> r = refreshTimer;
        if (r != null) {
            r.cancel(false);
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
