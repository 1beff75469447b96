package dev.papernotes.features;

import dev.papernotes.notes.LineIndex;
import dev.papernotes.workspace.NoteDocument;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.SymbolKind;

/**
 * The outline of a note: its headings, each holding the headings below it ({@code ##} inside
 * {@code #}, a skipped level nests all the same). Neovim and Emacs have no Markdown server of their
 * own, so this is their outline and breadcrumbs. Read from the parsed note alone: no index.
 */
public final class DocumentSymbolService {
    private DocumentSymbolService() {
    }

    public static List<DocumentSymbol> symbols(NoteDocument doc) {
        LineIndex lines = doc.model().lines();
        List<DocumentSymbol> roots = new ArrayList<>();
        Deque<DocumentSymbol> open = new ArrayDeque<>();
        Deque<Integer> levels = new ArrayDeque<>();
        for (Sections s : Sections.of(doc.model())) {
            Range selection = Ranges.of(lines, s.heading().span());
            Range whole = new Range(selection.getStart(), new Position(s.lastLine(), lines.character(lines.lineEnd(s.lastLine()))));
            if (comesBefore(whole.getEnd(), selection.getEnd())) {
                whole.setEnd(selection.getEnd());
            }
            DocumentSymbol symbol = new DocumentSymbol(s.heading().text(), SymbolKind.String, whole, selection);
            symbol.setChildren(new ArrayList<>());
            while (!levels.isEmpty() && levels.peek() >= s.heading().level()) {
                levels.pop();
                open.pop();
            }
            if (open.isEmpty()) {
                roots.add(symbol);
            } else {
                open.peek().getChildren().add(symbol);
            }
            open.push(symbol);
            levels.push(s.heading().level());
        }
        return roots;
    }

    /** The same outline for clients without hierarchical symbols: flat, each with its parent's name. */
    public static List<SymbolInformation> flat(String uri, List<DocumentSymbol> symbols) {
        List<SymbolInformation> out = new ArrayList<>();
        flatten(uri, symbols, null, out);
        return out;
    }

    private static void flatten(String uri, List<DocumentSymbol> symbols, String container, List<SymbolInformation> out) {
        for (DocumentSymbol s : symbols) {
            out.add(new SymbolInformation(s.getName(), s.getKind(), new Location(uri, s.getRange()), container));
            flatten(uri, s.getChildren(), s.getName(), out);
        }
    }

    private static boolean comesBefore(Position a, Position b) {
        return a.getLine() < b.getLine() || a.getLine() == b.getLine() && a.getCharacter() < b.getCharacter();
    }
}
