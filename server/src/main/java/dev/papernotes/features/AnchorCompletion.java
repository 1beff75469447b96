package dev.papernotes.features;

import dev.papernotes.notes.LineIndex;
import dev.papernotes.notes.NoteModel;
import dev.papernotes.notes.NoteModel.BlockId;
import dev.papernotes.notes.NoteModel.Heading;
import dev.papernotes.workspace.LinkTarget;
import dev.papernotes.workspace.NoteDocument;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion after {@code #} inside {@code [[note#}: the note's headings; after {@code #^}: its
 * block ids. {@code [[#} completes this note's own headings.
 */
final class AnchorCompletion {
    private static final int MAX_DETAIL = 80;

    private AnchorCompletion() {
    }

    /** The anchors to offer at {@code cursor}, or null when the cursor is not after {@code [[...#}. */
    static CompletionList complete(FeatureContext ctx, NoteDocument doc, int cursor) {
        // The line is scanned before anything is parsed: most keystrokes are not after [[...#.
        String text = doc.text();
        LineIndex lines = doc.lines();
        int line = lines.line(cursor);
        int lineStart = lines.lineStart(line);
        int open = -1;
        for (int i = Math.min(cursor, text.length()) - 2; i >= lineStart; i--) {
            if (text.charAt(i) == '[' && text.charAt(i + 1) == '[') {
                open = i;
                break;
            }
            if (text.charAt(i) == ']' && text.charAt(i + 1) == ']') {
                return null;
            }
        }
        if (open < 0) {
            return null;
        }
        String typed = text.substring(open + 2, cursor);
        int hash = typed.indexOf('#');
        if (hash < 0 || typed.contains("|") || typed.contains("[[")) {
            return null;
        }
        NoteModel model = doc.model();
        if (!model.inProse(open) && model.linkAt(open) == null && model.linkAt(open > 0 ? open - 1 : open) == null) {
            return null;
        }
        String notePart = typed.substring(0, hash).strip();
        String anchor = typed.substring(hash + 1);
        int anchorStart = open + 2 + hash + 1;
        NoteDocument note;
        if (notePart.isEmpty()) {
            note = doc;
        } else {
            LinkTarget t = ctx.workspace().resolve(doc, notePart, false);
            note = ctx.workspace().noteAt(t.best());
        }
        CompletionList list = new CompletionList(false, new ArrayList<>());
        if (note == null) {
            return list;
        }
        int lineEnd = lines.lineEnd(line);
        int end = cursor;
        boolean closed = false;
        for (int i = cursor; i + 1 < text.length() && i < lineEnd; i++) {
            char c = text.charAt(i);
            if (c == ']' && text.charAt(i + 1) == ']') {
                closed = true;
                end = i;
                break;
            }
            if (c == '[' || c == '|' || c == '#') {
                break;
            }
        }
        if (!closed) {
            end = cursor;
        }
        var range = Ranges.of(lines, anchorStart, end);
        List<CompletionItem> items = list.getItems();
        int rank = 0;
        if (anchor.startsWith("^")) {
            for (BlockId b : note.model().blockIds()) {
                String label = "^" + b.id();
                CompletionItem item = new CompletionItem(label);
                item.setKind(CompletionItemKind.Reference);
                item.setDetail(blockLine(note.model(), b));
                item.setFilterText(label);
                item.setSortText(SortText.of(rank++));
                item.setTextEdit(Either.forLeft(new TextEdit(range, label + (closed ? "" : "]]"))));
                items.add(item);
            }
            return list;
        }
        for (Heading h : note.model().headings()) {
            String label = Anchors.wikiAnchor(h.text());
            CompletionItem item = new CompletionItem(label);
            item.setKind(CompletionItemKind.Reference);
            item.setDetail("#".repeat(Math.max(1, h.level())) + " " + h.text());
            item.setFilterText(label);
            item.setSortText(SortText.of(rank++));
            item.setTextEdit(Either.forLeft(new TextEdit(range, label + (closed ? "" : "]]"))));
            items.add(item);
        }
        return list;
    }

    private static String blockLine(NoteModel m, BlockId b) {
        int line = m.lines().line(b.span().start());
        String s = m.text().substring(m.lines().lineStart(line), b.span().start()).strip();
        if (s.isEmpty() && line > 0) {
            s = m.text().substring(m.lines().lineStart(line - 1), m.lines().lineEnd(line - 1)).strip();
        }
        return s.length() > MAX_DETAIL ? s.substring(0, MAX_DETAIL) + "…" : s;
    }
}
