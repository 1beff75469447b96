package dev.papernotes.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.papernotes.index.IndexStore;
import dev.papernotes.index.Paper;
import dev.papernotes.index.PaperIndex;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "The papers a query finds, best first (names, titles and abstracts).")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "Words to search for.")
    List<String> query;

    @Option(names = "--json", description = "Print a JSON array instead of text.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "At most N papers (default ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (IndexStore store = Catalogs.openForReading(Catalogs.select(corpus), corpus, System.err);
                PaperIndex idx = store.acquire()) {
            List<Paper> hits = idx.search(String.join(" ", query), limit);
            if (json) {
                Gson gson = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();
                out.println(gson.toJson(hits.stream().map(ExportCommand::toJson).toList()));
            } else if (hits.isEmpty()) {
                out.println("no papers found");
            } else {
                int i = 1;
                for (Paper p : hits) {
                    out.printf("%2d. %s%n%s    @%s%s  %s:%d%n", i++, p.title(),
                            p.byline().isEmpty() ? "" : "    " + p.byline() + System.lineSeparator(), p.citekey(),
                            p.methods().isEmpty() ? "" : "  names: " + String.join(", ", p.methods()),
                            p.occurrences().get(0).file(), p.occurrences().get(0).line());
                }
            }
            out.flush();
            return 0;
        }
    }
}
