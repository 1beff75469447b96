package dev.papernotes.cli;

import dev.papernotes.config.CorpusSelection;
import dev.papernotes.index.IndexStore;
import dev.papernotes.index.UpdateResult;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Build or update the index: only new or changed corpus files are read.")
final class IndexCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Option(names = "--rebuild", description = "Start from nothing instead of updating.")
    boolean rebuild;

    @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CorpusSelection selection = Catalogs.select(corpus);
        var out = spec.commandLine().getOut();
        var err = System.err;
        boolean bar = !noProgress && System.console() != null;
        try (IndexStore store = openForWriting(selection, err)) {
            if (store.openNote() != null) {
                err.println("papernotes: " + store.openNote());
            }
            UpdateResult r = Catalogs.update(store, err, bar, rebuild);
            long bytes = size(selection.indexDir());
            out.printf("%s %d papers (%d entries read from %d changed files, %d removed, %d warnings) in %.1f s%s; index %s (%.1f MiB)%n",
                    r.committed() ? (r.rebuilt() ? "indexed" : "updated") : "up to date:",
                    r.papers(), r.entries(), r.filesRead(), r.filesRemoved(), r.warnings(), r.millis() / 1000.0,
                    r.phases(), selection.indexDir(), bytes / 1048576.0);
            out.flush();
            return 0;
        }
    }

    /** Waits while another process holds the index, so two `index` runs both succeed. */
    private static IndexStore openForWriting(CorpusSelection selection, java.io.PrintStream err) throws Exception {
        boolean told = false;
        while (true) {
            IndexStore store = IndexStore.open(selection.indexDir(), selection.roots(), 64);
            if (store.isWritable()) {
                return store;
            }
            store.close();
            if (!told) {
                err.println("papernotes: another papernotes process is updating " + selection.indexDir() + "; waiting");
                told = true;
            }
            Thread.sleep(300);
        }
    }

    private static long size(java.nio.file.Path dir) {
        try (Stream<java.nio.file.Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
