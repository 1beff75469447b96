package dev.papernotes.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.papernotes.corpus.Author;
import dev.papernotes.corpus.Occurrence;
import dev.papernotes.corpus.PaperMetadata;
import dev.papernotes.index.IndexStore;
import dev.papernotes.index.Paper;
import dev.papernotes.index.PaperIndex;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "The catalog, one paper a line, in corpus order.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "FORMAT", description = "Output format: jsonl (default).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("jsonl")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown format '" + format + "' (supported: jsonl)");
        }
        PrintWriter out = spec.commandLine().getOut();
        Gson gson = new GsonBuilder().disableHtmlEscaping().create();
        try (IndexStore store = Catalogs.openForReading(Catalogs.select(corpus), corpus, System.err);
                PaperIndex idx = store.acquire()) {
            idx.forEach(p -> out.println(gson.toJson(toJson(p))), false); // the catalog has no abstracts
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> toJson(Paper p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("title", p.title());
        m.put("methods", p.methods());
        m.put("citekey", p.citekey());
        List<Map<String, Object>> occ = new ArrayList<>();
        for (Occurrence o : p.occurrences()) {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("file", o.file().toString());
            om.put("line", o.line());
            om.put("date", o.date());
            if (!o.handle().isEmpty()) {
                om.put("entry", o.handle()); // the entry's key or id in its library file
            }
            occ.add(om);
        }
        m.put("occurrences", occ);
        // Library metadata, where a source has it (daily pages have none).
        PaperMetadata meta = p.metadata();
        if (!meta.authors().isEmpty()) {
            List<Map<String, String>> authors = new ArrayList<>();
            for (Author a : meta.authors()) {
                Map<String, String> am = new LinkedHashMap<>();
                am.put("family", a.family());
                if (!a.given().isEmpty()) {
                    am.put("given", a.given());
                }
                authors.add(am);
            }
            m.put("authors", authors);
            if (meta.moreAuthors()) {
                m.put("moreAuthors", true);
            }
        }
        putIfPresent(m, "year", meta.year());
        putIfPresent(m, "date", meta.date());
        putIfPresent(m, "venue", meta.venue());
        putIfPresent(m, "doi", meta.doi());
        putIfPresent(m, "arxiv", meta.arxivId());
        putIfPresent(m, "url", meta.url());
        if (!meta.keywords().isEmpty()) {
            m.put("keywords", meta.keywords());
        }
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (!value.isEmpty()) {
            m.put(key, value);
        }
    }
}
