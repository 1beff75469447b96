package dev.papernotes.cli;

import dev.papernotes.config.CorpusSelection;
import dev.papernotes.config.Settings;
import dev.papernotes.corpus.CorpusWarning;
import dev.papernotes.features.DiagnosticsService;
import dev.papernotes.features.FeatureContext;
import dev.papernotes.index.IndexStore;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.NoteWorkspace;
import dev.papernotes.workspace.Uris;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Lint notes like a compiler: file:line:col: warning: ... for every unresolved link or "
                + "citation, and file:line: warning: ... for every problem in the corpus files (a library entry "
                + "that does not parse); exit status 1 if there are any.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    CorpusOptions corpus;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Notes, or folders of notes.")
    List<Path> paths;

    @Option(names = "--all", description = "Also print information (names that several papers share).")
    boolean all;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Set<Path> roots = new LinkedHashSet<>();
        List<Path> notes = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no such file or folder: " + p);
            }
            Path abs = p.toAbsolutePath().normalize();
            roots.add(Files.isDirectory(abs) ? abs : abs.getParent());
        }
        NoteWorkspace workspace = new NoteWorkspace();
        workspace.setRoots(new ArrayList<>(roots));
        workspace.scan(() -> false);
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            for (NoteDocument d : workspace.all()) {
                Path dp = d.path();
                if (dp != null && (dp.equals(realOrSelf(abs)) || dp.startsWith(realOrSelf(abs)) || dp.equals(abs)
                        || dp.startsWith(abs))) {
                    notes.add(dp);
                }
            }
        }
        CorpusSelection selection = Catalogs.select(corpus);
        PrintWriter out = spec.commandLine().getOut();
        int warnings = 0;
        try (IndexStore store = Catalogs.openForReading(selection, corpus, System.err, w -> { });
                PaperIndex index = store.acquire()) {
            FeatureContext ctx = new FeatureContext(index, workspace, Settings.DEFAULTS, selection.roots(), false);
            workspace.analyzeAll(index, () -> false);
            Path cwd = Path.of("").toAbsolutePath();
            // Problems in the corpus files (a .bib that does not parse, say), as found when last read.
            for (CorpusWarning w : index.corpusWarnings()) {
                warnings++;
                out.printf("%s:%d: warning: %s%n", display(cwd, w.file()), Math.max(1, w.line()), w.message());
            }
            for (Path note : notes.stream().distinct().sorted(Comparator.naturalOrder()).toList()) {
                NoteDocument doc = workspace.get(Uris.fromPath(note));
                if (doc == null) {
                    continue;
                }
                for (Diagnostic d : DiagnosticsService.diagnostics(ctx, doc)) {
                    boolean warning = d.getSeverity() == DiagnosticSeverity.Warning;
                    if (!warning && !all) {
                        continue;
                    }
                    warnings += warning ? 1 : 0;
                    out.printf("%s:%d:%d: %s: %s%n", display(cwd, note), d.getRange().getStart().getLine() + 1,
                            d.getRange().getStart().getCharacter() + 1, warning ? "warning" : "note", d.getMessage().getLeft());
                }
            }
        }
        out.flush();
        int checked = (int) notes.stream().distinct().count();
        System.err.println("papernotes: " + checked + (checked == 1 ? " note" : " notes") + " checked, "
                + (warnings == 0 ? "no warnings" : warnings + (warnings == 1 ? " warning" : " warnings")));
        return warnings > 0 ? 1 : 0;
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            return p;
        }
    }

    private static String display(Path cwd, Path note) {
        return note.startsWith(cwd) ? cwd.relativize(note).toString() : note.toString();
    }
}
