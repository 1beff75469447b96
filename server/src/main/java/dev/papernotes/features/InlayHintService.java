package dev.papernotes.features;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.papernotes.index.Paper;
import dev.papernotes.index.PaperHeader;
import dev.papernotes.names.NameKeys;
import dev.papernotes.notes.LineIndex;
import dev.papernotes.notes.NoteModel.WikiLink;
import dev.papernotes.workspace.NoteAnalysis;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.PaperRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The short title of the paper behind an {@code @key} or a {@code [[link]]}, shown after it, so a
 * note full of citekeys reads without hovering each one. A link that already shows the title gets
 * none; a name several papers share says so instead of picking one. Labels come from the cached
 * analysis and the papers' headers (doc values); tooltips, which need the abstract, are filled in
 * on {@code inlayHint/resolve} when the list is long.
 */
public final class InlayHintService {
    /** Characters of title a hint shows before it is cut at a word boundary. */
    static final int MAX_TITLE_CHARS = 40;
    /**
     * Up to this many hints get their tooltips at once. A longer list gets none: a client that can
     * resolves them one by one as they are hovered, and no request pays a stored-field read and a
     * summary per hint on every keystroke.
     */
    static final int EAGER_TOOLTIPS = 20;
    /** Papers listed in the tooltip of an ambiguous name. */
    private static final int LISTED = 5;
    private static final String DATA_PAPERS = "paperIds";
    private static final String DATA_COUNT = "paperCount";
    private static final String DATA_WRITTEN = "written";

    private static final Labels LABELS = new Labels(4096);
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private InlayHintService() {
    }

    /**
     * The label of each (paper, text as written, text shown) hinted at, per index snapshot: every
     * edit asks for the same hints again, and a note cites the same few hundred papers edit after
     * edit. The empty string stands for "no hint" (the link shows the title, or the paper is gone).
     */
    private static final class Labels {
        private final int capacity;
        private long generation = -1;
        private final Map<String, String> byKey;

        Labels(int capacity) {
            this.capacity = capacity;
            this.byKey = new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > Labels.this.capacity;
                }
            };
        }

        String get(dev.papernotes.index.PaperIndex index, String id, String written, String shown) throws IOException {
            String key = id + '\u0000' + written + '\u0000' + shown;
            synchronized (this) {
                if (generation == index.generation()) {
                    String label = byKey.get(key);
                    if (label != null) {
                        return label;
                    }
                }
            }
            PaperHeader h = index.headerById(id);
            String label = h == null || NameKeys.compact(shown).equals(NameKeys.compact(h.title())) ? ""
                    : hintText(h, written);
            synchronized (this) {
                if (generation != index.generation()) {
                    byKey.clear();
                    generation = index.generation();
                }
                byKey.put(key, label);
            }
            return label;
        }
    }

    /** The hints whose position lies in {@code range} (the whole note when null). */
    public static List<InlayHint> hints(FeatureContext ctx, NoteDocument doc, Range range) throws IOException {
        List<InlayHint> out = new ArrayList<>();
        if (!ctx.settings().inlayHintsEnabled() || ctx.index().isEmpty()) {
            return out; // before the first index there is nothing to say about any key
        }
        LineIndex lines = doc.model().lines();
        int from = range == null ? 0 : Ranges.offset(lines, range.getStart());
        int to = range == null ? doc.text().length() : Ranges.offset(lines, range.getEnd());
        Map<Integer, WikiLink> linkByTarget = new HashMap<>();
        for (WikiLink w : doc.model().wikiLinks()) {
            linkByTarget.put(w.targetSpan().start(), w);
        }
        NoteAnalysis analysis = ctx.analysis(doc);
        for (PaperRef ref : analysis.refs()) {
            if (ref.kind() == PaperRef.Kind.MENTION || ref.paperCount() == 0 || ref.paperIds().isEmpty()) {
                continue; // a bare mention is the name itself; an unresolved one has its warning
            }
            int at;
            String shown;
            if (ref.kind() == PaperRef.Kind.WIKI_LINK) {
                WikiLink w = linkByTarget.get(ref.span().start());
                if (w == null) {
                    continue;
                }
                at = w.span().end();
                shown = w.alias() != null && !w.alias().isBlank() ? w.alias() : w.target();
            } else {
                at = ref.span().end();
                shown = ref.written();
            }
            if (at < from || at > to) {
                continue;
            }
            String label;
            if (ref.ambiguous()) {
                label = "ambiguous: " + ref.paperCount() + " papers";
            } else {
                label = LABELS.get(ctx.index(), ref.paperIds().get(0), ref.written(), shown);
                if (label.isEmpty()) {
                    continue; // the link already shows the title
                }
            }
            InlayHint hint = new InlayHint(Ranges.position(lines, at), Either.forLeft(label));
            hint.setPaddingLeft(true);
            JsonObject data = new JsonObject();
            JsonArray ids = new JsonArray();
            ref.paperIds().subList(0, Math.min(LISTED, ref.paperIds().size())).forEach(ids::add);
            data.add(DATA_PAPERS, ids);
            data.addProperty(DATA_COUNT, ref.paperCount());
            data.addProperty(DATA_WRITTEN, ref.written());
            hint.setData(data);
            out.add(hint);
        }
        if (out.size() <= EAGER_TOOLTIPS) {
            Map<String, MarkupContent> tooltips = new HashMap<>();
            for (InlayHint h : out) {
                // The same paper cited again gets the same tooltip, computed once.
                String key = String.valueOf(h.getData());
                MarkupContent tooltip = tooltips.get(key);
                if (tooltip == null) {
                    resolve(ctx, h);
                    if (h.getTooltip() != null) {
                        tooltips.put(key, h.getTooltip().getRight());
                    }
                } else {
                    h.setTooltip(tooltip);
                }
            }
        }
        return out;
    }

    /**
     * What a hint says about one paper, the one place its wording is decided: the title (less the
     * name the note shows), then the first author and year where the library gives them.
     *
     * @param written the key or link target as written, which the hint need not repeat
     */
    static String hintText(PaperHeader paper, String written) {
        String author = paper.firstAuthor().isEmpty() || !paper.moreAuthors()
                ? paper.firstAuthor() : paper.firstAuthor() + " et al.";
        return compose(shortTitle(paper.title(), written), author, paper.year());
    }

    /** {@code Title… (Author, Year)}, with whichever of author and year are known. */
    static String compose(String title, String firstAuthor, String year) {
        String t = truncate(title, MAX_TITLE_CHARS);
        boolean author = firstAuthor != null && !firstAuthor.isBlank();
        boolean when = year != null && !year.isBlank();
        if (!author && !when) {
            return t;
        }
        String by = author && when ? firstAuthor.strip() + ", " + year.strip() : author ? firstAuthor.strip() : year.strip();
        return t + " (" + by + ")";
    }

    /**
     * The title without a leading {@code Name:} when the name is what the note already shows
     * ({@code [[Mini-Monkey]]} gets {@code Multi-Scale Adaptive Cropping…}).
     */
    static String shortTitle(String title, String written) {
        int colon = title.indexOf(':');
        if (colon > 0 && colon + 1 < title.length()
                && NameKeys.compact(title.substring(0, colon)).equals(NameKeys.compact(written))) {
            String rest = title.substring(colon + 1).strip();
            if (!rest.isEmpty()) {
                return rest;
            }
        }
        return title.strip();
    }

    /** Cut at a word boundary, with an ellipsis; never inside a surrogate pair. */
    static String truncate(String s, int max) {
        String t = SPACES.matcher(s).replaceAll(" ").strip();
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max);
        if (cut < max / 2) {
            cut = Character.isLowSurrogate(t.charAt(max)) ? max - 1 : max;
        }
        String head = t.substring(0, cut).strip();
        while (!head.isEmpty() && ",;:-–—(".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).strip();
        }
        return head + "…";
    }

    /** Fills in the tooltip: the paper's hover text, or the papers an ambiguous name stands for. */
    public static InlayHint resolve(FeatureContext ctx, InlayHint hint) throws IOException {
        if (hint.getTooltip() != null || !(hint.getData() instanceof JsonObject data)
                || !(data.get(DATA_PAPERS) instanceof JsonArray ids) || ids.isEmpty()) {
            return hint;
        }
        boolean md = ctx.markdown();
        int count = data.get(DATA_COUNT) instanceof JsonPrimitive c && c.isNumber() ? c.getAsInt() : ids.size();
        String text;
        if (count <= 1) {
            Paper p = ctx.index().get(ids.get(0).getAsString());
            if (p == null) {
                return hint;
            }
            text = HoverService.describe(ctx, p, false);
        } else {
            String written = data.get(DATA_WRITTEN) instanceof JsonPrimitive w ? w.getAsString() : "";
            StringBuilder sb = new StringBuilder();
            sb.append(count).append(" papers are called ").append(md ? Markdown.code(written) : "\"" + written + "\"")
                    .append(":\n");
            for (JsonElement id : ids) {
                PaperHeader h = ctx.index().headerById(id.getAsString());
                if (h != null) {
                    String line = h.title() + " (@" + h.citekey() + ")";
                    sb.append("\n- ").append(md ? Markdown.escape(line) : line);
                }
            }
            if (count > ids.size()) {
                sb.append("\n\n…and ").append(count - ids.size()).append(" more.");
            }
            text = sb.toString();
        }
        hint.setTooltip(new MarkupContent(md ? MarkupKind.MARKDOWN : MarkupKind.PLAINTEXT, text));
        return hint;
    }
}
