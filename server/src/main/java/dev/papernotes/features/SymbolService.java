package dev.papernotes.features;

import dev.papernotes.corpus.Occurrence;
import dev.papernotes.index.Paper;
import dev.papernotes.index.PaperHeader;
import dev.papernotes.index.Suggester.Scope;
import dev.papernotes.index.Suggester.Suggestion;
import dev.papernotes.names.NameKeys;
import dev.papernotes.notes.NoteModel.Heading;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.Uris;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Workspace symbols: papers by name, title words and citekey, and the headings of notes. */
public final class SymbolService {
    private SymbolService() {
    }

    /** What a [[link]] to the paper should say: its label when that names it alone, else its title. */
    private static String uniqueTarget(FeatureContext ctx, PaperHeader h) throws IOException {
        return ctx.index().resolvesUniquely(h.label(), h.id()) ? h.label() : h.title();
    }

    public static List<WorkspaceSymbol> symbols(FeatureContext ctx, String query, int max, BooleanSupplier cancelled)
            throws IOException {
        String q = query == null ? "" : query.strip();
        Map<String, PaperHeader> papers = new LinkedHashMap<>();
        for (Suggestion s : ctx.index().suggester().suggest(q, Scope.WIKI, max)) {
            papers.putIfAbsent(s.paper().id(), s.paper());
        }
        if (papers.size() < max && !q.isEmpty()) {
            for (Suggestion s : ctx.index().suggester().suggest(q, Scope.CITEKEY, max - papers.size())) {
                papers.putIfAbsent(s.paper().id(), s.paper());
            }
        }
        if (papers.size() < max && q.length() >= 3) {
            for (PaperHeader h : ctx.index().searchHeaders(q, max - papers.size())) {
                papers.putIfAbsent(h.id(), h);
            }
        }
        List<WorkspaceSymbol> out = new ArrayList<>();
        for (PaperHeader h : papers.values()) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException();
            }
            Occurrence first = new Occurrence(h.firstFile(), h.firstLine(), "");
            if (!ctx.inCorpus(first)) {
                continue;
            }
            String name = h.label().equals(h.title()) ? h.title() : h.label() + " — " + h.title();
            WorkspaceSymbol sym = new WorkspaceSymbol(name, SymbolKind.Class,
                    Either.forLeft(new Location(Uris.fromPath(first.file()),
                            Ranges.line(first.line() - 1, h.title().length()))));
            sym.setContainerName("@" + h.citekey());
            JsonObject data = new JsonObject();
            data.addProperty("linkTarget", uniqueTarget(ctx, h));
            sym.setData(data);
            out.add(sym);
        }
        String key = NameKeys.spaced(q);
        for (NoteDocument d : ctx.workspace().linkable()) {
            if (out.size() >= max * 2) {
                break;
            }
            for (Heading h : d.model().headings()) {
                if (key.isEmpty() || NameKeys.spaced(h.text()).contains(key)) {
                    WorkspaceSymbol sym = new WorkspaceSymbol(h.text(), SymbolKind.String,
                            Either.forLeft(new Location(d.uri(), Ranges.of(d.model().lines(), h.span()))));
                    List<String> names = ctx.workspace().namesOf(d);
                    sym.setContainerName(names.isEmpty() ? d.uri() : names.get(names.size() - 1));
                    if (!names.isEmpty()) {
                        JsonObject data = new JsonObject();
                        String note = ctx.workspace().resolveNote(names.get(0)).size() == 1
                                ? names.get(0) : names.get(names.size() - 1);
                        data.addProperty("linkTarget", note + "#" + h.text());
                        sym.setData(data);
                    }
                    out.add(sym);
                }
            }
        }
        return out;
    }
}
