package dev.papernotes.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.papernotes.corpus.Occurrence;
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
            idx.forEach(p -> out.println(gson.toJson(toJson(p))));
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
            occ.add(om);
        }
        m.put("occurrences", occ);
        return m;
    }
}
