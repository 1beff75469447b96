package dev.papernotes.features;

import com.google.gson.JsonObject;
import dev.papernotes.index.Suggester.Scope;
import dev.papernotes.index.Suggester.Suggestion;
import dev.papernotes.names.NameKeys;
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
