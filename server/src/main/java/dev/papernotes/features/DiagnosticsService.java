package dev.papernotes.features;

import com.google.gson.JsonObject;
import dev.papernotes.index.PaperHeader;
import dev.papernotes.workspace.NoteAnalysis;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.PaperRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * Unknown citations are warnings; a name that several papers share is information; links that
 * lead nowhere, or to a heading a note does not have, are {@link LinkDiagnostics}'. The editor and
 * {@code papernotes check} both report these.
 */
public final class DiagnosticsService {
    public static final String SOURCE = "papernotes";
    public static final String UNRESOLVED_LINK = "unresolved-link";
    public static final String UNKNOWN_CITEKEY = "unknown-citekey";
    public static final String AMBIGUOUS = "ambiguous-name";
    private static final int LISTED = 4;

    private DiagnosticsService() {
    }

    public static List<Diagnostic> diagnostics(FeatureContext ctx, NoteDocument doc) throws IOException {
        return diagnostics(ctx, doc, -1);
    }

    /**
     * @param typingAt where the user is typing (or -1): a link or citation there is unfinished,
     *                 not unresolved, and gets no warning yet
     */
    public static List<Diagnostic> diagnostics(FeatureContext ctx, NoteDocument doc, int typingAt) throws IOException {
        List<Diagnostic> out = new ArrayList<>();
        if (ctx.index().isEmpty()) {
            return out; // before the first index every link would be "unresolved": say nothing yet
        }
        NoteAnalysis analysis = ctx.analysis(doc);
        // A name several papers share is worth knowing even where the note gives no evidence for
        // one of them: the information lists them (it links none).
        List<PaperRef> refs = new ArrayList<>(analysis.refs());
        for (PaperRef hint : analysis.hints()) {
            if (hint.ambiguous()) {
                refs.add(hint);
            }
        }
        refs.sort(java.util.Comparator.comparingInt(r -> r.span().start()));
        for (PaperRef ref : refs) {
            int n = ref.paperCount();
            // typingAt -1: nobody types (a citation at the note's start is no exception)
            boolean beingTyped = typingAt >= 0 && typingAt >= ref.span().start() - 2 && typingAt <= ref.span().end() + 2;
            if (n == 0 && !beingTyped) {
                // Wiki links that lead to no paper are the link diagnostics' (they may lead to a note or file).
                if (ref.kind() == PaperRef.Kind.CITATION) {
                    out.add(diagnostic(doc, ref, DiagnosticSeverity.Warning, UNKNOWN_CITEKEY,
                            "Unknown citekey '@" + ref.written() + "'"));
                }
            } else if (n > 1 && ref.kind() != PaperRef.Kind.CITATION) {
                List<String> titles = new ArrayList<>();
                // Headers, not stored papers: a note of fresh names read a compressed block of stored
                // fields per listed paper, a third of its first diagnostics at 1M papers.
                for (String id : ref.paperIds().subList(0, Math.min(LISTED, ref.paperIds().size()))) {
                    PaperHeader h = ctx.index().headerById(id);
                    if (h != null) {
                        titles.add(h.title() + " (@" + h.citekey() + ")");
                    }
                }
                String more = n > LISTED ? "; and " + (n - LISTED) + " more" : "";
                out.add(diagnostic(doc, ref, DiagnosticSeverity.Information, AMBIGUOUS,
                        "'" + ref.written() + "' names " + n + " papers: " + String.join("; ", titles) + more));
            }
        }
        out.addAll(LinkDiagnostics.diagnostics(ctx, doc, analysis, typingAt));
        out.sort(java.util.Comparator.comparing((Diagnostic d) -> d.getRange().getStart().getLine())
                .thenComparing(d -> d.getRange().getStart().getCharacter()));
        return out;
    }

    private static Diagnostic diagnostic(NoteDocument doc, PaperRef ref, DiagnosticSeverity severity, String code,
            String message) {
        Diagnostic d = new Diagnostic(Ranges.of(doc.model().lines(), ref.span()), message, severity, SOURCE, code);
        JsonObject data = new JsonObject();
        data.addProperty("written", ref.written());
        data.addProperty("kind", ref.kind().name());
        d.setData(data);
        return d;
    }
}
