package dev.papernotes.features;

import com.google.gson.JsonObject;
import dev.papernotes.index.Paper;
import dev.papernotes.index.PaperHeader;
import dev.papernotes.index.Suggester;
import dev.papernotes.index.Suggester.Scope;
import dev.papernotes.index.Suggester.Suggestion;
import dev.papernotes.names.NameKeys;
import dev.papernotes.notes.LineIndex;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.NoteWorkspace;
import dev.papernotes.workspace.NoteWorkspace.NoteNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion of papers (and notes) inside {@code [[}, of citekeys after {@code @}, and of method
 * names on a word in prose. The server ranks; the editor must not filter the list away, so every
 * item's filter text is what was typed and the list is always incomplete (typing on asks again).
 */
public final class CompletionService {
    static final String DATA_PAPER = "paperId";

    private CompletionService() {
    }

    public static CompletionList complete(FeatureContext ctx, NoteDocument doc, Position position) throws IOException {
        LineIndex lines = doc.lines();
        int cursor = Ranges.offset(lines, position);
        CompletionList anchors = AnchorCompletion.complete(ctx, doc, cursor);
        if (anchors != null) {
            return anchors; // [[note#  and  [[note#^  complete the note's headings and blocks
        }
        CompletionContext c = CompletionContext.at(doc, cursor);
        CompletionList list = new CompletionList(true, new ArrayList<>());
        if (c == null || (c.scope() == Scope.PROSE && !ctx.settings().completionProse())) {
            return list;
        }
        int max = ctx.settings().completionMaxItems();
        List<CompletionItem> items = list.getItems();
        List<Suggestion> suggestions = null;
        CompletionContext wide = ProseNames.widen(ctx.index(), doc.text(), c, lines.lineStart(lines.line(c.start())));
        if (wide != c) {
            // "Swin T": the names that go on as typed, else the word alone as before
            suggestions = continuing(ctx.index().suggester().suggest(wide.typed(), Scope.PROSE, max), wide.typed());
            if (!suggestions.isEmpty()) {
                c = wide;
            }
        }
        if (suggestions == null || suggestions.isEmpty()) {
            suggestions = ctx.index().suggester().suggest(c.typed(), c.scope(), max);
        }
        Map<String, String> owners = c.scope() == Scope.WIKI ? soleOwners(ctx, suggestions) : Map.of();
        int rank = 0;
        for (Suggestion s : suggestions) {
            PaperHeader p = s.paper();
            String label;
            String insert;
            switch (c.scope()) {
                case CITEKEY -> {
                    label = p.citekey();
                    insert = p.citekey();
                }
                case PROSE -> {
                    label = s.label();
                    insert = s.label();
                }
                default -> {
                    label = s.label();
                    // A link must lead back to this paper alone: an ambiguous name gets the title,
                    // a title other papers share too (by other authors) gets the citekey.
                    String target = label;
                    if (!p.id().equals(owners.get(label))) {
                        target = !p.title().equals(label) && resolvesUniquely(ctx, p.title(), p.id()) ? p.title()
                                : resolvesUniquely(ctx, p.citekey(), p.id()) ? p.citekey() : p.title();
                    }
                    insert = target + "]]";
                }
            }
            CompletionItem item = new CompletionItem(label);
            item.setKind(CompletionItemKind.Reference);
            // Who, when and where tell apart two papers of the same title.
            item.setDetail(p.byline().isEmpty() ? p.title() : p.title() + " — " + p.byline());
            if (!p.byline().isEmpty()) {
                org.eclipse.lsp4j.CompletionItemLabelDetails details = new org.eclipse.lsp4j.CompletionItemLabelDetails();
                details.setDescription(p.byline());
                item.setLabelDetails(details);
            }
            item.setFilterText(c.typed());
            item.setSortText(SortText.of(rank++));
            int end = c.scope() == Scope.WIKI ? c.replaceEnd() : c.cursor();
            item.setTextEdit(Either.forLeft(new TextEdit(Ranges.of(lines, c.start(), end), insert)));
            JsonObject data = new JsonObject();
            data.addProperty(DATA_PAPER, p.id());
            item.setData(data);
            items.add(item);
        }
        if (c.scope() == Scope.WIKI) {
            addNotes(ctx, doc, c, lines, items, max);
            // Last, and only when the tiers above found (almost) nothing: the papers whose abstracts match.
            AbstractCompletion.addIfSparse(ctx, c, lines, items, max);
        }
        return list;
    }

    /** The suggestions whose name starts with {@code typed} as written. */
    private static List<Suggestion> continuing(List<Suggestion> suggestions, String typed) {
        List<Suggestion> out = new ArrayList<>();
        for (Suggestion s : suggestions) {
            if (s.label().startsWith(typed)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Notes whose names start with (or contain) what was typed. A note named exactly as typed comes
     * first, then the papers, then the other notes by name: a note and a paper of the same name both
     * show. Only the notes the list has room for become items (resolved, so that an ambiguous name is
     * written as its path), and what a keystroke reads does not grow with the vault where it need not:
     * a bare {@code [[} reads the first notes in name order; a list the papers fill, one exact name;
     * a name being typed, the names that contained it a keystroke ago.
     */
    private static void addNotes(FeatureContext ctx, NoteDocument current, CompletionContext c, LineIndex lines,
            List<CompletionItem> items, int max) {
        NoteWorkspace notes = ctx.workspace();
        String key = NameKeys.spaced(c.typed());
        String self = NoteWorkspace.keyOf(current.uri());
        int room = Math.max(0, max - items.size()); // when papers fill the list, only exact names still show
        List<NoteNames> exact = new ArrayList<>();
        List<NoteNames> others = new ArrayList<>();
        if (key.isEmpty()) {
            for (NoteNames n : notes.linkNamesInOrder()) {
                if (others.size() == room) {
                    break;
                }
                if (!n.key().equals(self)) {
                    others.add(n);
                }
            }
        } else {
            // Best bucket per note: 0 exact, 1 prefix, 2 inside. With no room, only exact names count.
            Map<String, Integer> bucketOf = new HashMap<>();
            for (String k : room == 0 ? List.of(key) : notes.nameKeysContaining(key)) {
                int bucket = k.equals(key) ? 0 : k.startsWith(key) ? 1 : 2;
                if (bucket == 2 && key.length() < 2) {
                    continue; // one letter inside a name matches most of a vault
                }
                for (String uri : notes.notesByNameKey().getOrDefault(k, java.util.Set.of())) {
                    if (!uri.equals(self)) {
                        bucketOf.merge(uri, bucket, Math::min);
                    }
                }
            }
            // The best `room` of the others; the worst on top, the one to drop.
            PriorityQueue<RankedNote> best = new PriorityQueue<>(Comparator.reverseOrder());
            for (Map.Entry<String, Integer> e : bucketOf.entrySet()) {
                NoteNames n = notes.linkNames(e.getKey());
                if (n == null) {
                    continue;
                }
                RankedNote r = new RankedNote(e.getValue(), n);
                if (r.bucket() == 0) {
                    exact.add(n);
                } else if (best.size() < room) {
                    best.add(r);
                } else if (room > 0 && r.compareTo(best.peek()) < 0) {
                    best.poll();
                    best.add(r);
                }
            }
            exact.sort(Comparator.comparing(NoteNames::order));
            List<RankedNote> kept = new ArrayList<>(best);
            java.util.Collections.sort(kept);
            kept.forEach(r -> others.add(r.names()));
        }
        List<CompletionItem> all = new ArrayList<>(exact.size() + items.size() + others.size());
        exact.forEach(n -> all.add(noteItem(notes, c, lines, n)));
        all.addAll(items);
        others.forEach(n -> all.add(noteItem(notes, c, lines, n)));
        for (int i = 0; i < all.size(); i++) {
            all.get(i).setSortText(SortText.of(i));
        }
        items.clear();
        items.addAll(all);
    }

    /** A note by how well its names match (0 exact, 1 prefix, 2 inside), then by name. */
    private record RankedNote(int bucket, NoteNames names) implements Comparable<RankedNote> {
        @Override
        public int compareTo(RankedNote o) {
            return bucket != o.bucket ? Integer.compare(bucket, o.bucket) : names.order().compareTo(o.names.order());
        }
    }

    private static CompletionItem noteItem(NoteWorkspace notes, CompletionContext c, LineIndex lines, NoteNames n) {
        String target = notes.resolveNote(n.name()).size() == 1 ? n.name() : n.path();
        CompletionItem item = new CompletionItem(target);
        item.setKind(CompletionItemKind.File);
        item.setDetail("note: " + n.path() + ".md");
        item.setFilterText(c.typed());
        item.setTextEdit(Either.forLeft(new TextEdit(Ranges.of(lines, c.start(), c.replaceEnd()), target + "]]")));
        return item;
    }

    /** Which paper, if only one, each suggestion's label leads to: asked for the list at once. */
    private static Map<String, String> soleOwners(FeatureContext ctx, List<Suggestion> suggestions) {
        List<String> labels = new ArrayList<>(suggestions.size());
        for (Suggestion s : suggestions) {
            labels.add(s.label());
        }
        try {
            return ctx.index().soleOwners(labels);
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static boolean resolvesUniquely(FeatureContext ctx, String label, String id) {
        try {
            return ctx.index().resolvesUniquely(label, id);
        } catch (IOException e) {
            return false;
        }
    }

    /** Fills in the documentation (the hover text) of an item when the editor shows it. */
    public static CompletionItem resolve(FeatureContext ctx, CompletionItem item) throws IOException {
        String id = paperId(item);
        if (id == null) {
            return item;
        }
        Paper p = ctx.index().get(id);
        if (p != null) {
            String doc = HoverService.describe(ctx, p, false);
            item.setDocumentation(new MarkupContent(ctx.markdown() ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, doc));
        }
        return item;
    }

    static String paperId(CompletionItem item) {
        Object data = item.getData();
        if (data instanceof JsonObject o && o.has(DATA_PAPER) && o.get(DATA_PAPER).isJsonPrimitive()) {
            return o.get(DATA_PAPER).getAsString();
        }
        return null;
    }
}
