package dev.papernotes.features;

import dev.papernotes.corpus.CorpusFormat;
import dev.papernotes.corpus.CorpusReaders;
import dev.papernotes.corpus.CorpusWarning;
import dev.papernotes.notes.LineIndex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The problems of a library file open in the editor (a {@code .bib} entry that does not parse, a
 * CSL item without a title), as diagnostics on their lines: read from the editor's text, with the
 * same reader that indexes the file, so what the editor shows is what the index will make of it.
 */
public final class CorpusFileDiagnostics {
    public static final String CODE = "corpus-file";

    private CorpusFileDiagnostics() {
    }

    /**
     * Whether an opened file gets these diagnostics: a {@code .bib} anywhere (nothing else uses the
     * extension), other corpus formats only inside the corpus roots (a {@code package.json} is not
     * a CSL file).
     */
    public static boolean applies(Path file, List<Path> corpusRoots) {
        CorpusFormat f = file == null ? null : CorpusFormat.byExtension(file);
        if (f == null) {
            return false;
        }
        if (f == CorpusFormat.BIBTEX) {
            return true;
        }
        Path abs = file.toAbsolutePath().normalize();
        for (Path root : corpusRoots) {
            if (abs.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    public static List<Diagnostic> diagnostics(Path file, String text) {
        List<CorpusWarning> warnings = new ArrayList<>();
        try {
            CorpusReaders.read(file, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), e -> { },
                    warnings::add);
        } catch (IOException e) {
            warnings.add(new CorpusWarning(file, 1, "cannot read: " + e.getMessage()));
        }
        LineIndex lines = new LineIndex(text);
        List<Diagnostic> out = new ArrayList<>();
        for (CorpusWarning w : warnings) {
            int line = Math.max(0, Math.min(lines.lineCount() - 1, w.line() - 1));
            int length = lines.lineEnd(line) - lines.lineStart(line);
            Range range = new Range(new Position(line, 0), new Position(line, Math.max(0, length)));
            Diagnostic d = new Diagnostic(range, w.message(), DiagnosticSeverity.Warning, DiagnosticsService.SOURCE, CODE);
            out.add(d);
        }
        return out;
    }
}
