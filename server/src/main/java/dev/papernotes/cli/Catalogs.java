package dev.papernotes.cli;

import dev.papernotes.config.CorpusSelection;
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
     * Opens the store and updates it when this process may write; a store another process is
     * writing is used as its last commit.
     */
    static IndexStore openUpdated(CorpusSelection selection, PrintStream err, boolean progressBar, boolean rebuild)
            throws IOException {
        return openUpdated(selection, err, progressBar, rebuild, null);
    }

    /** As above, with corpus problems going to {@code warn} (when not null) instead of {@code err}. */
    static IndexStore openUpdated(CorpusSelection selection, PrintStream err, boolean progressBar, boolean rebuild,
            Consumer<CorpusWarning> warn) throws IOException {
        IndexStore store = IndexStore.open(selection.indexDir(), selection.roots(), 64);
        try {
            if (store.openNote() != null) {
                err.println("papernotes: " + store.openNote());
            }
            if (store.isWritable() && warn == null) {
                update(store, err, progressBar, rebuild);
            } else if (store.isWritable()) {
                store.update(warn, UpdateProgress.NONE, rebuild);
            }
            return store;
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
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
