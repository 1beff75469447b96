package dev.papernotes.features;

import com.google.gson.JsonPrimitive;
import dev.papernotes.config.Settings;
import dev.papernotes.index.PaperHeader;
import dev.papernotes.notes.LineIndex;
import dev.papernotes.notes.NoteModel.Span;
import dev.papernotes.workspace.IgnoredNames;
import dev.papernotes.workspace.NoteAnalysis;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.PaperRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Code actions on a bare mention (or a hint, a name without evidence): link it ({@code [[Name]]}
 * or {@code Name [@citekey]}, setting {@code links.style}), link every mention of the paper in the
 * note (the first only or all, setting {@code links.mentions}), or say it is not this paper, in
 * this note (front matter) or in the whole workspace ({@code .papernotes.json}).
 */
public final class MentionActionService {
    /** Adds a name to {@code .papernotes.json}; arguments: the name, the note's uri. */
    public static final String IGNORE_COMMAND = "papernotes.ignoreName";
    /** Papers offered for a name several papers share. */
    private static final int CANDIDATES = 5;

    private MentionActionService() {
    }

    /** The actions for the bare mention or hint under {@code range}; none elsewhere. */
    public static List<CodeAction> actions(FeatureContext ctx, NoteDocument doc, Range range) throws IOException {
        NoteAnalysis analysis = ctx.analysis(doc);
        LineIndex lines = doc.model().lines();
        int offset = Ranges.offset(lines, range.getStart());
        PaperRef ref = analysis.refAt(offset);
        boolean hint = false;
        if (ref == null || ref.kind() != PaperRef.Kind.MENTION) {
            ref = analysis.hintAt(offset);
            hint = true;
        }
        if (ref == null || ref.kind() != PaperRef.Kind.MENTION || ref.paperIds().isEmpty()) {
            return List.of();
        }
        List<CodeAction> out = new ArrayList<>();
        boolean pandoc = Settings.LINKS_PANDOC.equals(ctx.settings().linksStyle());
        List<PaperHeader> papers = new ArrayList<>();
        for (String id : ref.paperIds().subList(0, Math.min(CANDIDATES, ref.paperIds().size()))) {
            PaperHeader h = ctx.index().headerById(id);
            if (h != null) {
                papers.add(h);
            }
        }
        for (PaperHeader p : papers) {
            String link = link(ctx, ref.written(), p, pandoc);
            String title = papers.size() > 1 || hint
                    ? "Link '" + ref.written() + "' to " + shortTitle(p) + " as " + link
                    : "Link '" + ref.written() + "' as " + link;
            out.add(edit(title, CodeActionKind.RefactorRewrite, doc,
                    List.of(new TextEdit(Ranges.of(lines, ref.span()), link)), out.isEmpty() && !hint));
        }
        if (!hint && papers.size() == 1) {
            CodeAction every = linkEvery(ctx, doc, analysis, papers.get(0), pandoc);
            if (every != null) {
                out.add(every);
            }
        }
        String name = IgnoredNames.normalize(ref.written());
        IgnoredNames.Edit fm = IgnoredNames.frontMatterEdit(doc.text(), name);
        out.add(edit("Not a paper here: ignore '" + name + "' in this note", CodeActionKind.QuickFix, doc,
                List.of(new TextEdit(Ranges.of(lines, new Span(fm.start(), fm.end())), fm.text())), false));
        if (!ctx.workspace().roots().isEmpty()) {
            CodeAction ws = new CodeAction("Not a paper: ignore '" + name + "' in the whole workspace");
            ws.setKind(CodeActionKind.QuickFix);
            ws.setCommand(new Command(ws.getTitle(), IGNORE_COMMAND,
                    List.of(new JsonPrimitive(name), new JsonPrimitive(doc.uri()))));
            out.add(ws);
        }
        return out;
    }

    /** "Link every (or the first) mention of this paper in this note", when that is more than this one. */
    private static CodeAction linkEvery(FeatureContext ctx, NoteDocument doc, NoteAnalysis analysis, PaperHeader p,
            boolean pandoc) throws IOException {
        boolean firstOnly = Settings.MENTIONS_FIRST.equals(ctx.settings().linksMentions());
        List<PaperRef> mentions = new ArrayList<>();
        for (PaperRef r : analysis.refs()) {
            boolean same = r.paperCount() == 1 && r.paperIds().get(0).equals(p.id());
            if (!same) {
                continue;
            }
            if (r.kind() != PaperRef.Kind.MENTION) {
                if (firstOnly && mentions.isEmpty()) {
                    return null; // the note links it before any bare mention: the first mention is linked
                }
                continue;
            }
            mentions.add(r);
            if (firstOnly) {
                break;
            }
        }
        if (mentions.isEmpty() || (!firstOnly && mentions.size() < 2)) {
            return null;
        }
        LineIndex lines = doc.model().lines();
        List<TextEdit> edits = new ArrayList<>();
        for (PaperRef r : mentions) {
            edits.add(new TextEdit(Ranges.of(lines, r.span()), link(ctx, r.written(), p, pandoc)));
        }
        String title = firstOnly
                ? "Link the first mention of " + shortTitle(p) + " in this note"
                : "Link every mention of " + shortTitle(p) + " in this note (" + mentions.size() + ")";
        return edit(title, CodeActionKind.RefactorRewrite, doc, edits, false);
    }

    /**
     * The text that replaces a bare mention {@code written} of {@code p}: {@code [[written]]} when
     * that link leads to this paper alone, else {@code [[name|written]]} or {@code [[citekey|written]]};
     * in pandoc style the name stays and the citation follows it, {@code written [@citekey]}.
     */
    static String link(FeatureContext ctx, String written, PaperHeader p, boolean pandoc) throws IOException {
        if (pandoc) {
            return written + " [@" + p.citekey() + "]";
        }
        String shown = written.replaceAll("\\s+", " ");
        if (ctx.index().resolvesUniquely(shown, p.id()) && !shown.contains("|") && !shown.contains("]]")) {
            return "[[" + shown + "]]";
        }
        String target = ctx.index().resolvesUniquely(p.label(), p.id()) ? p.label() : p.citekey();
        return "[[" + target + "|" + shown.replace("|", "/").replace("]]", "] ]") + "]]";
    }

    private static String shortTitle(PaperHeader p) {
        String t = p.title();
        return t.length() <= 60 ? "'" + t + "'" : "'" + t.substring(0, 57).strip() + "…'";
    }

    private static CodeAction edit(String title, String kind, NoteDocument doc, List<TextEdit> edits,
            boolean preferred) {
        CodeAction a = new CodeAction(title);
        a.setKind(kind);
        a.setEdit(new WorkspaceEdit(Map.of(doc.uri(), edits)));
        if (preferred) {
            a.setIsPreferred(true);
        }
        return a;
    }
}
