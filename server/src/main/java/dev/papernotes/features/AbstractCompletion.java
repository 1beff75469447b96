package dev.papernotes.features;

import com.google.gson.JsonObject;
import dev.papernotes.index.PaperHeader;
import dev.papernotes.notes.LineIndex;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionItemLabelDetails;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The last completion step inside {@code [[}: when the name and title tiers found (almost)
 * nothing, the papers whose abstract holds every word typed
 * ({@code [[replaced token detection} finds ELECTRA). Ranked below every name, title and note
 * item; run only for sparse answers, so the common, well-matched query pays nothing for it.
 */
final class AbstractCompletion {
    /** Below this many items the abstracts are searched. */
    static final int SPARSE_BELOW = 5;
    /** Abstract matches are a safety net, not a reading list: this many at most. */
    static final int MAX_ITEMS = 10;
    /** Shorter queries match too much of any corpus to mean anything. */
    private static final int MIN_LETTERS = 4;
    static final String DESCRIPTION = "in abstract";

    private AbstractCompletion() {
    }

    static void addIfSparse(FeatureContext ctx, CompletionContext c, LineIndex lines, List<CompletionItem> items, int max)
            throws IOException {
        if (items.size() >= Math.min(SPARSE_BELOW, max) || letters(c.typed()) < MIN_LETTERS) {
            return;
        }
        Set<String> present = new HashSet<>();
        for (CompletionItem item : items) {
            String id = CompletionService.paperId(item);
            if (id != null) {
                present.add(id);
            }
        }
        int want = Math.min(MAX_ITEMS, max - items.size());
        List<PaperHeader> found = ctx.index().searchAbstracts(c.typed(), want + present.size());
        String lastWord = lastWordBeingTyped(c.typed());
        if (found.isEmpty() && lastWord != null) {
            // The last word is still being typed ("window-order convol"): search the finished ones.
            found = ctx.index().searchAbstracts(c.typed().substring(0, c.typed().length() - lastWord.length()),
                    want + present.size());
        }
        if (found.isEmpty()) {
            // No abstract has every word: most of them, in any field, rather than nothing.
            found = ctx.index().searchHeaders(c.typed(), want + present.size());
        }
        int rank = items.size();
        int added = 0;
        for (PaperHeader p : found) {
            if (added >= want) {
                break;
            }
            if (!present.add(p.id())) {
                continue;
            }
            String label = p.label();
            String target = ctx.index().resolvesUniquely(label, p.id()) ? label : p.title();
            CompletionItem item = new CompletionItem(label);
            item.setKind(CompletionItemKind.Reference);
            item.setDetail(p.title());
            item.setLabelDetails(labelDetails());
            item.setFilterText(c.typed());
            item.setSortText(SortText.of(rank++));
            item.setTextEdit(Either.forLeft(new TextEdit(Ranges.of(lines, c.start(), c.replaceEnd()), target + "]]")));
            JsonObject data = new JsonObject();
            data.addProperty(CompletionService.DATA_PAPER, p.id());
            item.setData(data);
            items.add(item);
            added++;
        }
    }

    private static CompletionItemLabelDetails labelDetails() {
        CompletionItemLabelDetails d = new CompletionItemLabelDetails();
        d.setDescription(DESCRIPTION);
        return d;
    }

    /** The partial word at the end when other words precede it; null otherwise. */
    private static String lastWordBeingTyped(String typed) {
        if (typed.isEmpty() || !Character.isLetterOrDigit(typed.charAt(typed.length() - 1))) {
            return null;
        }
        int i = typed.length();
        while (i > 0 && Character.isLetterOrDigit(typed.charAt(i - 1))) {
            i--;
        }
        return letters(typed.substring(0, i)) >= MIN_LETTERS ? typed.substring(i) : null;
    }

    private static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
