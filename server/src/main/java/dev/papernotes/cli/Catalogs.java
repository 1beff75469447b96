package dev.papernotes.cli;

import dev.papernotes.config.CorpusSelection;
import dev.papernotes.corpus.CorpusFiles;
import dev.papernotes.corpus.CorpusWarning;
import dev.papernotes.index.IndexStore;
import dev.papernotes.index.UpdateProgress;
import dev.papernotes.index.UpdateResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Opens the index a command asked for and brings it up to date, as every command needs first. */
final class Catalogs {
    private Catalogs() {
    }

    static CorpusSelection select(CorpusOptions options) throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        return CorpusSelection.resolve(options.corpus, options.index, cwd, cwd);
    }

    /**
     * Opens the store for a command that only reads (search, export, check). A store this process
     * may write is first brought up to date — built, saying so, when there is no index yet; but
     * when an earlier update was stopped before its commit, finishing it could take minutes, so
     * the command answers from the last commit at once and says how to catch up. A store another
     * process is writing is used as its last commit.
     */
    static IndexStore openForReading(CorpusSelection selection, CorpusOptions options, PrintStream err)
            throws IOException {
        return openForReading(selection, options, err, w -> err.println(w));
    }

    /** As above, with corpus problems going to {@code warn} ({@code check} reports them from the index). */
    static IndexStore openForReading(CorpusSelection selection, CorpusOptions options, PrintStream err,
            Consumer<CorpusWarning> warn) throws IOException {
        IndexStore store = IndexStore.open(selection.indexDir(), selection.roots(), 64);
        try {
            if (store.openNote() != null) {
                err.println("papernotes: " + store.openNote());
            }
            if (!store.isWritable()) {
                return store;
            }
            boolean terminal = System.console() != null;
            if (store.hasCommit() && store.unfinishedUpdate() != null) {
                err.println("papernotes: the index is behind the corpus (" + store.unfinishedUpdate()
                        + "); answering from the last complete index. Run '" + indexCommand(options)
                        + "' to bring it up to date.");
            } else if (!store.hasCommit()) {
                err.println("papernotes: building the index of " + corpusFileCount(selection) + " files"
                        + (terminal ? "" : " (this takes a while once; later commands reuse it)") + "\u2026");
                update(store, err, warn, terminal ? null : UpdateProgress.NONE, false);
            } else {
                update(store, err, warn, terminal ? null : announce(err), false);
            }
            return store;
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** {@code papernotes index} with the corpus and index options the user gave. */
    static String indexCommand(CorpusOptions options) {
        StringBuilder sb = new StringBuilder("papernotes index");
        for (String c : options.corpus) {
            sb.append(" --corpus ").append(quote(c));
        }
        if (options.index != null) {
            sb.append(" --index ").append(quote(options.index));
        }
        return sb.toString();
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_./:=@%+,-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    private static int corpusFileCount(CorpusSelection selection) {
        Consumer<CorpusWarning> quiet = w -> { };
        return CorpusFiles.list(CorpusFiles.roots(selection.roots(), quiet), quiet).size();
    }

    /** Says on stderr, once, that corpus files changed and are being read (no bar: not a terminal). */
    private static UpdateProgress announce(PrintStream err) {
        return new UpdateProgress() {
            @Override
            public void reading(long totalBytes) {
                err.printf("papernotes: updating the index (%.1f MiB of new or changed corpus files)\u2026%n",
                        totalBytes / 1048576.0);
            }
        };
    }

    /** With {@code progress} null, a bar on the terminal. */
    private static UpdateResult update(IndexStore store, PrintStream err, Consumer<CorpusWarning> warn,
            UpdateProgress progress, boolean rebuild) throws IOException {
        if (progress != null) {
            return store.update(warn, progress, rebuild);
        }
        try (BarProgress bar = new BarProgress()) {
            return store.update(warn, bar, rebuild);
        }
    }

    static UpdateResult update(IndexStore store, PrintStream err, boolean progressBar, boolean rebuild)
            throws IOException {
        Consumer<CorpusWarning> warn = w -> err.println(w);
        if (!progressBar) {
            return store.update(warn, UpdateProgress.NONE, rebuild);
        }
        try (BarProgress bar = new BarProgress()) {
            return store.update(warn, bar, rebuild);
        }
    }

    /** A terminal progress bar over the bytes of corpus files read, drawn on stderr. */
    private static final class BarProgress implements UpdateProgress, AutoCloseable {
        private ProgressBar bar;

        @Override
        public void reading(long totalBytes) {
            bar = new ProgressBarBuilder()
                    .setTaskName("Indexing")
                    .setInitialMax(Math.max(1, totalBytes / 1024))
                    .setUnit(" KiB", 1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200)
                    .continuousUpdate()
                    .build();
        }

        private long pending;

        @Override
        public void advance(long bytes) {
            if (bar == null) {
                return;
            }
            pending += bytes;
            if (pending >= 1024) {
                bar.stepBy(pending / 1024);
                pending %= 1024;
            }
        }

        @Override
        public void phase(String name) {
            if (bar != null) {
                bar.setExtraMessage(name);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.stepTo(bar.getMax());
                bar.close();
            }
        }
    }
}
