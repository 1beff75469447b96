package dev.papernotes.features;

import dev.papernotes.names.NameKeys;
import dev.papernotes.notes.LineIndex;
import dev.papernotes.notes.NoteModel;
import dev.papernotes.notes.NoteModel.Heading;
import dev.papernotes.notes.NoteModel.Link;
import dev.papernotes.notes.NoteModel.MarkdownLink;
import dev.papernotes.notes.NoteModel.Span;
import dev.papernotes.notes.NoteParser;
import dev.papernotes.workspace.LinkTarget;
import dev.papernotes.workspace.NoteAnalysis;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.NoteWorkspace;
import dev.papernotes.workspace.PaperRef;
import dev.papernotes.workspace.Uris;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.RenameFile;
import org.eclipse.lsp4j.RenameFileOptions;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Rename in the note graph. On a link to a note (wiki link, embed or Markdown link), or on a note's
 * title (its first heading, when the file is named after it): the note's file is renamed and every
 * link to it, in every note, opened or not, follows in its own form. On any other heading, or on
 * the {@code #Heading} of a link: the heading, and every {@code [[note#Heading]]} to it. Papers are
 * never renamed: the corpus is not the user's text.
 */
public final class RenameService {
    /** Characters a note name cannot hold: file-system trouble, or link syntax. */
    private static final String FORBIDDEN = "\\:*?\"<>|#^[]";

    /** A rename that cannot be done, with the message the user sees. */
    public static final class Refusal extends Exception {
        public Refusal(String message) {
            super(message);
        }
    }

    /**
     * The edit, and a message for the user when the file could not be part of it (the client does
     * not take file renames): then the links already say the new name and the user renames the file.
     */
    public record Result(WorkspaceEdit edit, String message, Path renamedFrom, Path renamedTo) {
    }

    private sealed interface Subject permits NoteSubject, HeadingSubject {
        Span span();

        String placeholder();
    }

    /**
     * @param span  where the name is in the document asked about
     * @param title the note's title heading, renamed along with the file (or null)
     * @param path  whether the link spells a folder path (then a new name with {@code /} moves the note)
     */
    private record NoteSubject(NoteDocument note, Span span, String placeholder, Heading title, boolean path)
            implements Subject {
    }

    private record HeadingSubject(NoteDocument note, Heading heading, Span span, String placeholder)
            implements Subject {
    }

    private RenameService() {
    }

    /** What a rename at {@code position} would rename, or null where nothing can be. */
    public static PrepareRenameResult prepare(FeatureContext ctx, NoteDocument doc, Position position)
            throws Refusal, IOException {
        Subject s = subjectAt(ctx, doc, Ranges.offset(doc.model().lines(), position));
        return s == null ? null : new PrepareRenameResult(Ranges.of(doc.model().lines(), s.span()), s.placeholder());
    }

    public static Result rename(FeatureContext ctx, NoteDocument doc, Position position, String newName, NoteEdits caps)
            throws Refusal, IOException {
        Subject s = subjectAt(ctx, doc, Ranges.offset(doc.model().lines(), position));
        if (s == null) {
            throw new Refusal("Nothing to rename here: rename works on a link to a note, a note's title or a heading.");
        }
        String name = newName == null ? "" : newName.strip();
        if (name.isEmpty() || name.contains("\n") || name.contains("\r")) {
            throw new Refusal("The new name must be one non-empty line.");
        }
        if (s instanceof HeadingSubject h) {
            return new Result(caps.of(headingEdits(ctx, h.note(), h.heading(), name), List.of()), null, null, null);
        }
        NoteSubject n = (NoteSubject) s;
        Path from = n.note().path();
        Path to = newLocation(ctx.workspace(), n, name);
        Map<NoteDocument, List<TextEdit>> edits = new LinkedHashMap<>();
        if (n.title() != null) {
            edits.put(n.note(), new ArrayList<>(List.of(new TextEdit(
                    Ranges.of(n.note().model().lines(), titleTextSpan(n.note().model(), n.title())), name))));
        }
        if (to.equals(from)) {
            return new Result(caps.of(edits, List.of()), null, null, null);
        }
        if (Files.exists(to) && !sameFile(from, to)) {
            throw new Refusal("'" + LinkRewriter.rootRelative(ctx.workspace(), to)
                    + "' already exists: papernotes never overwrites a note.");
        }
        merge(edits, LinkRewriter.forMoves(ctx, Map.of(from, to)));
        if (caps.documentChanges() && caps.renameFiles()) {
            RenameFile op = new RenameFile(n.note().uri(), Uris.fromPath(to), new RenameFileOptions(false, false));
            return new Result(caps.of(edits, List.<ResourceOperation>of(op)), null, from, to);
        }
        String message = "papernotes: your editor does not let a language server rename files, so only the links were "
                + "changed: they now point to '" + LinkRewriter.rootRelative(ctx.workspace(), to) + "'. Rename '"
                + LinkRewriter.rootRelative(ctx.workspace(), from) + "' to '" + to.getFileName() + "' yourself.";
        return new Result(caps.of(edits, List.of()), message, null, null);
    }

    /**
     * The link edits for files the editor is about to rename or move ({@code workspace/willRenameFiles}):
     * notes, folders of notes (every file under them moves), old and new location each.
     */
    public static WorkspaceEdit willRename(FeatureContext ctx, Map<Path, Path> renames, NoteEdits caps) {
        NoteWorkspace ws = ctx.workspace();
        Map<Path, Path> moves = new LinkedHashMap<>();
        for (Map.Entry<Path, Path> e : renames.entrySet()) {
            Path from = e.getKey();
            Path to = e.getValue();
            if (ws.files().contains(from)) {
                moves.put(from, to);
                continue;
            }
            for (Path f : ws.files()) {
                if (f.startsWith(from) && !f.equals(from)) {
                    moves.put(f, to.resolve(from.relativize(f)));
                }
            }
        }
        if (moves.isEmpty()) {
            return caps.of(Map.of(), List.of());
        }
        return caps.of(LinkRewriter.forMoves(ctx, moves), List.of());
    }

    // ---- what is renamed ----

    private static Subject subjectAt(FeatureContext ctx, NoteDocument doc, int offset) throws Refusal, IOException {
        NoteModel model = doc.model();
        NoteWorkspace ws = ctx.workspace();
        Link link = model.linkAt(offset);
        if (link != null) {
            LinkTarget target = ws.resolve(doc, link);
            NoteDocument note = target.via() == LinkTarget.Via.SELF ? doc : ws.noteAt(target.best());
            boolean onAnchor = link.anchorSpan() != null && link.anchorSpan().touches(offset)
                    && (link.target().isEmpty() || offset > link.targetSpan().end());
            if (onAnchor && note != null && !link.blockAnchor()) {
                Heading h = LinkDiagnostics.findHeading(note.model(), link.anchor());
                if (h == null) {
                    throw new Refusal("'" + note(note) + "' has no heading '" + LinkDiagnostics.lastPart(link.anchor()) + "'.");
                }
                return new HeadingSubject(note, h, lastAnchorPart(doc.text(), link.anchorSpan()), h.text());
            }
            if (link.target().isEmpty()) {
                return null;
            }
            if (note != null) {
                String meant = link.target().replace('\\', '/');
                boolean path = meant.contains("/") && !(link instanceof MarkdownLink);
                String placeholder = path ? LinkRewriter.stripNoteExtension(LinkRewriter.rootRelative(ws, note.path()))
                        : LinkRewriter.stripNoteExtension(note.path().getFileName().toString());
                return new NoteSubject(note, link.targetSpan(), placeholder, null, path);
            }
            if (target.found()) {
                throw new Refusal("'" + link.target() + "' is a file, not a note: rename it in the file explorer "
                        + "(links to it follow when it moves with its folder).");
            }
            if (isPaper(ctx, doc, link)) {
                throw new Refusal("'" + link.target() + "' is a paper in the corpus, not a note: papers are not renamed "
                        + "(the corpus is not your text). To rename the link text, give it an alias: [["
                        + link.target() + "|...]].");
            }
            throw new Refusal("No note named '" + link.target() + "' to rename; the quick fix 'Create note' makes one.");
        }
        Heading h = model.headingAt(offset);
        if (h == null || !ws.isLinkable(doc) && doc.path() == null) {
            return null;
        }
        Span text = titleTextSpan(model, h);
        if (!text.touches(offset) && model.lines().line(offset) != model.lines().line(text.start())) {
            return null;
        }
        String raw = doc.text().substring(text.start(), text.end());
        if (isTitle(doc, h)) {
            return new NoteSubject(doc, text, raw, h, false);
        }
        return new HeadingSubject(doc, h, text, raw);
    }

    private static boolean isPaper(FeatureContext ctx, NoteDocument doc, Link link) throws IOException {
        NoteAnalysis a = ctx.analysis(doc);
        PaperRef ref = LinkDiagnostics.wikiRef(a, link.targetSpan().start());
        return ref != null && ref.paperCount() > 0;
    }

    /** The first heading of a note whose file is named after it: renaming one renames the other. */
    private static boolean isTitle(NoteDocument doc, Heading h) {
        List<Heading> headings = doc.model().headings();
        if (doc.path() == null || headings.isEmpty() || headings.get(0) != h) {
            return false;
        }
        String stem = LinkRewriter.stripNoteExtension(doc.path().getFileName().toString());
        return NameKeys.spaced(stem).equals(NameKeys.spaced(h.text()));
    }

    private static Path newLocation(NoteWorkspace ws, NoteSubject n, String name) throws Refusal {
        Path from = n.note().path();
        String ext = from.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".markdown") ? ".markdown" : ".md";
        String wanted = LinkRewriter.stripNoteExtension(name.replace('\\', '/'));
        try {
            if (n.title() != null) {
                String plain = plainHeading(name);
                String file = sanitize(plain);
                if (file.isEmpty()) {
                    throw new Refusal("'" + name + "' leaves no file name.");
                }
                return from.resolveSibling(file + ext);
            }
            if (wanted.contains("/")) {
                Path root = ws.rootOf(from);
                Path base = root == null ? from.getParent() : root;
                String[] parts = wanted.replaceFirst("^/+", "").split("/");
                Path to = base;
                for (String part : parts) {
                    check(part, name);
                    to = to.resolve(part);
                }
                to = to.resolveSibling(to.getFileName() + ext).normalize();
                if (!to.startsWith(base)) {
                    throw new Refusal("'" + name + "' leads out of the workspace folder.");
                }
                return to;
            }
            check(wanted, name);
            return from.resolveSibling(wanted + ext);
        } catch (InvalidPathException e) {
            throw new Refusal("'" + name + "' is not a file name: " + e.getReason());
        }
    }

    private static void check(String part, String name) throws Refusal {
        if (part.isBlank() || part.equals(".") || part.equals("..")) {
            throw new Refusal("'" + name + "' is not a note name.");
        }
        for (int i = 0; i < part.length(); i++) {
            if (FORBIDDEN.indexOf(part.charAt(i)) >= 0 || part.charAt(i) < ' ') {
                throw new Refusal("A note name cannot contain '" + part.charAt(i) + "' (file systems or links would "
                        + "break): '" + name + "'.");
            }
        }
        if (part.startsWith(".")) {
            throw new Refusal("A note name starting with '.' would be hidden: '" + name + "'.");
        }
    }

    /** A file name from a title: what file systems and links cannot hold becomes a space. */
    static String sanitize(String title) {
        StringBuilder sb = new StringBuilder(title.length());
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            sb.append(FORBIDDEN.indexOf(c) >= 0 || c == '/' || c < ' ' ? ' ' : c);
        }
        String s = sb.toString().replaceAll("\\s+", " ").strip();
        while (s.startsWith(".")) {
            s = s.substring(1).strip();
        }
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s.length() > 200 ? s.substring(0, 200).strip() : s;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static String note(NoteDocument d) {
        return LinkDiagnostics.displayName(d);
    }

    // ---- headings ----

    /** The heading's text as written: without the {@code #} marks (or the setext underline). */
    static Span titleTextSpan(NoteModel model, Heading h) {
        String text = model.text();
        LineIndex lines = model.lines();
        int line = lines.line(h.span().start());
        int start = h.span().start();
        int end = Math.min(lines.lineEnd(line), h.span().end());
        int s = start;
        while (s < end && text.charAt(s) == ' ') {
            s++;
        }
        if (s < end && text.charAt(s) == '#') {
            while (s < end && text.charAt(s) == '#') {
                s++;
            }
            while (s < end && (text.charAt(s) == ' ' || text.charAt(s) == '\t')) {
                s++;
            }
            int e = end;
            while (e > s && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\t')) {
                e--;
            }
            int closing = e;
            while (closing > s && text.charAt(closing - 1) == '#') {
                closing--;
            }
            if (closing < e && (closing == s || text.charAt(closing - 1) == ' ' || text.charAt(closing - 1) == '\t')) {
                e = closing;
                while (e > s && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\t')) {
                    e--;
                }
            }
            return new Span(s, e);
        }
        int e = end;
        while (e > s && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\t')) {
            e--;
        }
        return new Span(s, e);
    }

    /** The heading text a reader sees when {@code raw} is written after {@code #} (markup gone). */
    static String plainHeading(String raw) {
        List<Heading> hs = NoteParser.parse("# " + raw + "\n").headings();
        return hs.isEmpty() ? raw.strip() : hs.get(0).text();
    }

    /** In {@code #A#B}, the span of {@code B}: the heading a nested anchor links. */
    private static Span lastAnchorPart(String text, Span anchor) {
        String a = text.substring(anchor.start(), anchor.end());
        int hash = a.lastIndexOf('#');
        if (hash < 0) {
            return anchor;
        }
        int s = anchor.start() + hash + 1;
        while (s < anchor.end() && text.charAt(s) == ' ') {
            s++;
        }
        return new Span(s, anchor.end());
    }

    /** The heading's new text, and every link to it (same-note ones too) with the new anchor. */
    private static Map<NoteDocument, List<TextEdit>> headingEdits(FeatureContext ctx, NoteDocument note, Heading heading,
            String newText) {
        Map<NoteDocument, List<TextEdit>> edits = new LinkedHashMap<>();
        NoteModel m = note.model();
        edits.computeIfAbsent(note, k -> new ArrayList<>())
                .add(new TextEdit(Ranges.of(m.lines(), titleTextSpan(m, heading)), newText));
        String plain = plainHeading(newText);
        Set<NoteDocument> sources = new LinkedHashSet<>();
        sources.add(note);
        sources.addAll(ctx.workspace().mayLinkTo(note));
        for (NoteDocument d : sources) {
            for (Link l : d.model().links()) {
                if (l.anchor() == null || l.blockAnchor() || l.anchorSpan() == null) {
                    continue;
                }
                LinkTarget t = ctx.workspace().resolve(d, l);
                NoteDocument to = t.via() == LinkTarget.Via.SELF ? d : ctx.workspace().noteAt(t.best());
                if (to == null || !to.uri().equals(note.uri())) {
                    continue;
                }
                Heading h = LinkDiagnostics.findHeading(note.model(), l.anchor());
                if (h == null || h.span().start() != heading.span().start()) {
                    continue;
                }
                String anchor = l instanceof MarkdownLink md ? Anchors.markdownAnchor(plain, LinkDiagnostics.lastPart(l.anchor()),
                        md.angled()) : Anchors.wikiAnchor(plain);
                edits.computeIfAbsent(d, k -> new ArrayList<>())
                        .add(new TextEdit(Ranges.of(d.model().lines(), lastAnchorPart(d.text(), l.anchorSpan())), anchor));
            }
        }
        return edits;
    }

    private static void merge(Map<NoteDocument, List<TextEdit>> into, Map<NoteDocument, List<TextEdit>> more) {
        for (Map.Entry<NoteDocument, List<TextEdit>> e : more.entrySet()) {
            into.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
        }
    }
}
