package dev.papernotes.features;

import dev.papernotes.index.Paper;
import dev.papernotes.notes.NoteModel.Link;
import dev.papernotes.notes.NoteModel.WikiLink;
import dev.papernotes.workspace.LinkTarget;
import dev.papernotes.workspace.NoteAnalysis;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.NoteWorkspace;
import dev.papernotes.workspace.PaperRef;
import dev.papernotes.workspace.Uris;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.CreateFileOptions;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * "Create note" on a {@code [[x]]} that names no note: makes {@code x.md} (in the folder the link
 * names, else {@code notes.newNoteFolder}, else beside the note) with a title heading; when
 * {@code x} names a paper, a literature note. Never overwrites: no action when the file exists, and
 * the file operation itself refuses an existing file.
 */
public final class CreateNoteAction {
    /** Server-side creation, for clients that cannot create files from a workspace edit: {@code [uri, text]}. */
    public static final String COMMAND = "papernotes.createNote";

    /** Where the new note goes and what it says. */
    record Plan(Path file, String text, Paper paper) {
    }

    private CreateNoteAction() {
    }

    /**
     * The actions for the wiki links in {@code range} that name no note.
     *
     * @param diagnostics the diagnostics the client sent (an unresolved-link one is attached to its action)
     */
    public static List<CodeAction> actions(FeatureContext ctx, NoteDocument doc, Range range, List<Diagnostic> diagnostics,
            NoteEdits caps) throws IOException {
        List<CodeAction> out = new ArrayList<>();
        if (doc.path() == null || range == null) {
            return out;
        }
        var lines = doc.model().lines();
        int from = Ranges.offset(lines, range.getStart());
        int to = Ranges.offset(lines, range.getEnd());
        for (Link l : doc.model().links()) {
            if (l.span().end() < from || l.span().start() > to || !(l instanceof WikiLink w)) {
                continue;
            }
            Plan plan = plan(ctx, doc, w);
            if (plan == null) {
                continue;
            }
            String shown = LinkRewriter.rootRelative(ctx.workspace(), plan.file());
            String title = (plan.paper() != null ? "Create literature note '" : "Create note '") + shown + "'";
            CodeAction a = new CodeAction(title);
            a.setKind(CodeActionKind.QuickFix);
            List<Diagnostic> mine = new ArrayList<>();
            for (Diagnostic d : diagnostics == null ? List.<Diagnostic>of() : diagnostics) {
                if (DiagnosticsService.UNRESOLVED_LINK.equals(d.getCode() == null ? null : d.getCode().getLeft())
                        && Ranges.offset(lines, d.getRange().getStart()) == w.targetSpan().start()) {
                    mine.add(d);
                }
            }
            if (!mine.isEmpty()) {
                a.setDiagnostics(mine);
            }
            String uri = Uris.fromPath(plan.file());
            if (caps.documentChanges() && caps.createFiles()) {
                CreateFile create = new CreateFile(uri, new CreateFileOptions(false, false));
                Range start = new Range(new Position(0, 0), new Position(0, 0));
                NoteDocument fresh = new NoteDocument(uri, plan.file(), "", 0, false);
                WorkspaceEdit edit = caps.of(Map.of(fresh, List.of(new TextEdit(start, plan.text()))),
                        List.<ResourceOperation>of(create));
                // The file comes first, then its text.
                var changes = edit.getDocumentChanges();
                changes.add(0, changes.remove(changes.size() - 1));
                a.setEdit(edit);
            } else {
                a.setCommand(new Command(title, COMMAND, List.of(uri, plan.text())));
            }
            out.add(a);
        }
        return out;
    }

    /** The new note for {@code link}, or null when it names a note, an existing file, or a file that is no note. */
    static Plan plan(FeatureContext ctx, NoteDocument doc, WikiLink link) throws IOException {
        NoteWorkspace ws = ctx.workspace();
        String target = link.target().strip().replace('\\', '/');
        if (target.isEmpty() || LinkDiagnostics.isFileName(target)) {
            return null; // an image or PDF cannot be made from a link
        }
        LinkTarget resolved = ws.resolve(doc, link);
        if (resolved.found()) {
            return null;
        }
        target = LinkRewriter.stripNoteExtension(target);
        int slash = target.lastIndexOf('/');
        String name = target.substring(slash + 1).strip();
        String fileName = RenameService.sanitize(name);
        if (fileName.isEmpty()) {
            return null;
        }
        Path root = ws.rootOf(doc.path());
        Path folder;
        try {
            if (slash >= 0) {
                Path base = root == null ? doc.path().getParent() : root;
                folder = base.resolve(target.substring(0, slash).replaceFirst("^/+", "")).normalize();
                if (!folder.startsWith(base)) {
                    return null;
                }
            } else if (!ctx.settings().newNoteFolder().isBlank() && root != null) {
                folder = root.resolve(ctx.settings().newNoteFolder().strip()).normalize();
                if (!folder.startsWith(root)) {
                    folder = doc.path().getParent(); // a setting that leads out of the workspace is ignored
                }
            } else {
                folder = doc.path().getParent();
            }
        } catch (InvalidPathException e) {
            return null;
        }
        Path file = folder.resolve(fileName + ".md");
        if (Files.exists(file) || !ws.filesNamed(file.getFileName().toString()).stream()
                .filter(p -> p.toString().toLowerCase(Locale.ROOT).equals(file.toString().toLowerCase(Locale.ROOT)))
                .toList().isEmpty()) {
            return null; // never overwrite
        }
        // The link must find the new note: keep the name as written when the file name could not.
        List<String> aliases = fileName.equals(name) ? List.of() : List.of(name);
        Paper paper = paperOf(ctx, doc, link);
        String text = paper == null ? LiteratureNote.plain(name, aliases) : LiteratureNote.render(ctx, paper, file, aliases);
        return new Plan(file, text, paper);
    }

    /** The one paper the link names, or null (none, or several: a literature note needs one). */
    private static Paper paperOf(FeatureContext ctx, NoteDocument doc, WikiLink link) throws IOException {
        NoteAnalysis a = ctx.analysis(doc);
        PaperRef ref = LinkDiagnostics.wikiRef(a, link.targetSpan().start());
        if (ref == null || ref.paperCount() != 1) {
            return null;
        }
        return ctx.index().get(ref.paperIds().get(0));
    }

    /**
     * Creates the note for {@link #COMMAND}: only a new Markdown file under a workspace folder, and
     * never over an existing one.
     *
     * @return the new file
     * @throws IOException with a message for the user when it cannot be done
     */
    public static Path create(NoteWorkspace ws, String uri, String text) throws IOException {
        Path file = Uris.toPath(uri);
        if (file == null || ws.rootOf(file) == null || !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
            throw new IOException("papernotes creates notes only as Markdown files in a workspace folder: " + uri);
        }
        Files.createDirectories(file.getParent());
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("'" + file.getFileName() + "' already exists; papernotes never overwrites a note.");
        }
        return file;
    }
}
