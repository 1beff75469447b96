package dev.papernotes.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every sub-command shares. */
final class CorpusOptions {
    @Option(names = "--corpus", paramLabel = "PATH",
            description = "A corpus file or folder (repeatable). Default: ./corpus if it exists, else the bundled corpus.")
    List<String> corpus = new ArrayList<>();

    @Option(names = "--index", paramLabel = "DIR",
            description = "Index folder. Default: a folder under $XDG_CACHE_HOME/papernotes keyed by the corpus.")
    String index;
}
