package dev.papernotes.features;

import com.google.gson.JsonObject;
import dev.papernotes.index.Suggester.Scope;
import dev.papernotes.index.Suggester.Suggestion;
import dev.papernotes.names.NameKeys;
import dev.papernotes.notes.NoteModel;
import dev.papernotes.workspace.NoteDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/** Quick fixes for unresolved links and citations: the closest papers and notes. */
public final class CodeActionService {
    private static final int FIXES = 5;

    private CodeActionService() {
    }

    public static List<CodeAction> quickFixes(FeatureContext ctx, NoteDocument doc, List<Diagnostic> diagnostics)
            throws IOException {
        List<CodeAction> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            if (!DiagnosticsService.SOURCE.equals(d.getSource()) || d.getCode() == null || !d.getCode().isLeft()) {
                continue;
            }
            String code = d.getCode().getLeft();
            if (LinkDiagnostics.MISSING_ANCHOR.equals(code)) {
                out.addAll(anchorFixes(ctx, doc, d));
                continue;
            }
            if (DiagnosticsService.UNRESOLVED_LINK.equals(code) && !isWikiKind(d)) {
                out.addAll(markdownLinkFixes(ctx, doc, d));
                continue;
            }
            if (DiagnosticsService.UNRESOLVED_LINK.equals(code) && LinkDiagnostics.isFileName(written(doc, d, false))) {
                out.addAll(fileFixes(ctx, doc, d, written(doc, d, false)));
                continue;
            }
            boolean link = DiagnosticsService.UNRESOLVED_LINK.equals(code);
            boolean cite = DiagnosticsService.UNKNOWN_CITEKEY.equals(code);
            if (!link && !cite) {
                continue;
            }
            String written = written(doc, d, cite);
            if (written.isEmpty()) {
                continue;
            }
            Set<String> replacements = new LinkedHashSet<>();
            for (Suggestion s : ctx.index().suggester().suggest(written, link ? Scope.WIKI : Scope.CITEKEY, FIXES)) {
                replacements.add(link ? s.label() : s.paper().citekey());
            }
            if (link) {
                for (String note : closestNotes(ctx, written)) {
                    replacements.add(note);
                }
            }
            boolean first = true;
            for (String r : replacements) {
                if (out.size() >= FIXES * diagnostics.size()) {
                    break;
                }
                String newText = cite ? "@" + r : r;
                CodeAction a = new CodeAction(link ? "Replace with [[" + r + "]]" : "Replace with @" + r);
                a.setKind(CodeActionKind.QuickFix);
                a.setDiagnostics(List.of(d));
                a.setIsPreferred(first);
                a.setEdit(new WorkspaceEdit(Map.of(doc.uri(), List.of(new TextEdit(d.getRange(), newText)))));
                out.add(a);
                first = false;
            }
        }
        return out;
    }

    private static String written(NoteDocument doc, Diagnostic d, boolean cite) {
        if (d.getData() instanceof JsonObject o && o.has("written")) {
            return o.get("written").getAsString();
        }
        var lines = doc.model().lines();
        String text = doc.text().substring(Ranges.offset(lines, d.getRange().getStart()),
                Ranges.offset(lines, d.getRange().getEnd()));
        return cite && text.startsWith("@") ? text.substring(1) : text;
    }

    /** Notes within two edits of the target (by their names, case and punctuation forgiven). */
    private static List<String> closestNotes(FeatureContext ctx, String target) {
        String key = NameKeys.spaced(target);
        List<String> out = new ArrayList<>();
        for (NoteDocument n : ctx.workspace().linkable()) {
            for (String name : ctx.workspace().namesOf(n)) {
                if (distance(NameKeys.spaced(name), key, 2) <= 2) {
                    out.add(name);
                    break;
                }
            }
        }
        out.sort(String::compareToIgnoreCase);
        return out;
    }

    // ---- links to notes, files and headings ----

    private static boolean isWikiKind(Diagnostic d) {
        return !(d.getData() instanceof JsonObject o && o.has("kind")
                && LinkDiagnostics.KIND_MARKDOWN.equals(o.get("kind").getAsString()));
    }

    /** The link whose target or anchor the diagnostic underlines. */
    private static NoteModel.Link linkOf(NoteDocument doc, Diagnostic d) {
        int offset = Ranges.offset(doc.model().lines(), d.getRange().getStart());
        return doc.model().linkAt(offset);
    }

    /** "Did you mean" for a missing heading or block: the target note's closest headings (or blocks). */
    static List<CodeAction> anchorFixes(FeatureContext ctx, NoteDocument doc, Diagnostic d) {
        List<CodeAction> out = new ArrayList<>();
        NoteModel.Link link = linkOf(doc, d);
        if (link == null || link.anchor() == null || link.anchorSpan() == null) {
            return out;
        }
        var target = ctx.workspace().resolve(doc, link);
        NoteDocument note = target.via() == dev.papernotes.workspace.LinkTarget.Via.SELF ? doc
                : ctx.workspace().noteAt(target.best());
        if (note == null) {
            return out;
        }
        List<String> candidates = new ArrayList<>();
        if (link.blockAnchor()) {
            for (NoteModel.BlockId b : note.model().blockIds()) {
                candidates.add("^" + b.id());
            }
        } else {
            for (NoteModel.Heading h : note.model().headings()) {
                candidates.add(h.text());
            }
        }
        String wanted = NameKeys.spaced(LinkDiagnostics.lastPart(link.anchor()));
        int max = Math.max(2, wanted.length() / 2);
        List<String> close = new ArrayList<>();
        for (String c : new LinkedHashSet<>(candidates)) {
            if (distance(NameKeys.spaced(c), wanted, max) <= max) {
                close.add(c);
            }
        }
        close.sort(java.util.Comparator.comparingInt((String c) -> distance(NameKeys.spaced(c), wanted, max))
                .thenComparing(String::compareToIgnoreCase));
        boolean first = true;
        for (String c : close.subList(0, Math.min(FIXES, close.size()))) {
            String text = link instanceof NoteModel.MarkdownLink ? Anchors.markdownAnchor(c, link.anchor())
                    : Anchors.wikiAnchor(c);
            CodeAction a = new CodeAction("Replace with #" + text);
            a.setKind(CodeActionKind.QuickFix);
            a.setDiagnostics(List.of(d));
            a.setIsPreferred(first);
            a.setEdit(new WorkspaceEdit(Map.of(doc.uri(), List.of(new TextEdit(
                    Ranges.of(doc.model().lines(), link.anchorSpan()), text)))));
            out.add(a);
            first = false;
        }
        return out;
    }

    /** "Did you mean" for a Markdown link to nothing: notes of a close name, as paths from this note. */
    static List<CodeAction> markdownLinkFixes(FeatureContext ctx, NoteDocument doc, Diagnostic d) {
        List<CodeAction> out = new ArrayList<>();
        NoteModel.Link link = linkOf(doc, d);
        if (!(link instanceof NoteModel.MarkdownLink m) || doc.path() == null) {
            return out;
        }
        String name = m.target().replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        String key = NameKeys.spaced(name.endsWith(".md") ? name.substring(0, name.length() - 3) : name);
        List<java.nio.file.Path> close = new ArrayList<>();
        for (NoteDocument n : ctx.workspace().linkable()) {
            if (n.path() != null && !n.path().equals(doc.path())) {
                String stem = n.path().getFileName().toString().replaceFirst("\\.(md|markdown)$", "");
                if (distance(NameKeys.spaced(stem), key, 2) <= 2) {
                    close.add(n.path());
                }
            }
        }
        close.sort(java.util.Comparator.comparing(java.nio.file.Path::toString));
        boolean first = true;
        for (java.nio.file.Path p : close.subList(0, Math.min(FIXES, close.size()))) {
            String rel = doc.path().getParent().relativize(p).toString().replace('\\', '/');
            if (!m.target().toLowerCase(java.util.Locale.ROOT).endsWith(".md")) {
                rel = rel.replaceFirst("\\.(md|markdown)$", "");
            }
            String text = m.angled() ? rel : dev.papernotes.notes.MarkdownLinks.encode(rel);
            CodeAction a = new CodeAction("Replace with " + text);
            a.setKind(CodeActionKind.QuickFix);
            a.setDiagnostics(List.of(d));
            a.setIsPreferred(first);
            a.setEdit(new WorkspaceEdit(Map.of(doc.uri(), List.of(new TextEdit(
                    Ranges.of(doc.model().lines(), m.targetSpan()), text)))));
            out.add(a);
            first = false;
        }
        return out;
    }

    /** "Did you mean" for an embed of a file that is not there: files of a close name and the same kind. */
    static List<CodeAction> fileFixes(FeatureContext ctx, NoteDocument doc, Diagnostic d, String written) {
        List<CodeAction> out = new ArrayList<>();
        String name = written.substring(written.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        String ext = name.substring(name.lastIndexOf('.') + 1);
        List<String> close = new ArrayList<>();
        for (java.nio.file.Path f : ctx.workspace().files()) {
            String n = f.getFileName().toString();
            String lower = n.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith("." + ext) && distance(lower, name, 2) <= 2 && !close.contains(n)) {
                close.add(n);
            }
        }
        close.sort(String::compareToIgnoreCase);
        boolean first = true;
        for (String c : close.subList(0, Math.min(FIXES, close.size()))) {
            CodeAction a = new CodeAction("Replace with [[" + c + "]]");
            a.setKind(CodeActionKind.QuickFix);
            a.setDiagnostics(List.of(d));
            a.setIsPreferred(first);
            a.setEdit(new WorkspaceEdit(Map.of(doc.uri(), List.of(new TextEdit(d.getRange(), c)))));
            out.add(a);
            first = false;
        }
        return out;
    }

    /** Levenshtein distance, giving up (returning max + 1) once it exceeds {@code max}. */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
