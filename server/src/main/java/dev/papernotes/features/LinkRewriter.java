package dev.papernotes.features;

import dev.papernotes.notes.MarkdownLinks;
import dev.papernotes.notes.NoteModel.Link;
import dev.papernotes.notes.NoteModel.MarkdownLink;
import dev.papernotes.notes.NoteModel.WikiLink;
import dev.papernotes.workspace.LinkTarget;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.NoteWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.TextEdit;

/**
 * The text edits that keep every link right when files move: each link to a moved file gets the
 * file's new name or path in the form it was written (wiki link or Markdown link, bare name or
 * folder path, with or without {@code .md}, encoded or in {@code <>}); anchors and aliases stay.
 * Links in a moved note that were written relative to its folder are rewritten too. Edits address
 * the files where they are now (before the move), as LSP applies text edits before a rename.
 */
final class LinkRewriter {
    private LinkRewriter() {
    }

    /** Edits by note, for the files in {@code moves} (old path to new path) moving. */
    static Map<NoteDocument, List<TextEdit>> forMoves(FeatureContext ctx, Map<Path, Path> moves) {
        NoteWorkspace ws = ctx.workspace();
        Set<NoteDocument> sources = new LinkedHashSet<>();
        for (Path moved : moves.keySet()) {
            NoteDocument note = ws.noteAt(moved);
            if (note != null) {
                sources.add(note);
            }
            sources.addAll(ws.mayLinkTo(moved));
        }
        List<NoteDocument> ordered = new ArrayList<>(sources);
        ordered.sort(Comparator.comparing(NoteDocument::uri));
        Map<NoteDocument, List<TextEdit>> out = new LinkedHashMap<>();
        for (NoteDocument d : ordered) {
            List<TextEdit> edits = new ArrayList<>();
            Path sourceNow = d.path();
            Path sourceThen = sourceNow == null ? null : moves.getOrDefault(sourceNow, sourceNow);
            for (Link l : d.model().links()) {
                if (l.target().isEmpty()) {
                    continue;
                }
                LinkTarget t = ws.resolve(d, l);
                if (!t.found() || t.via() == LinkTarget.Via.ALIAS) {
                    continue; // an alias names the note, not its file: it keeps working
                }
                Path dest = t.best();
                Path destThen = moves.get(dest);
                boolean sourceMoves = sourceThen != null && !sourceThen.equals(sourceNow);
                if (destThen == null && !(sourceMoves && t.via() == LinkTarget.Via.RELATIVE)) {
                    continue;
                }
                String written = d.text().substring(l.targetSpan().start(), l.targetSpan().end());
                String replacement = rewrite(ws, l, t.via(), written, destThen == null ? dest : destThen, sourceThen,
                        moves);
                if (replacement != null && !replacement.equalsIgnoreCase(written)) {
                    edits.add(new TextEdit(Ranges.of(d.model().lines(), l.targetSpan()), replacement));
                }
            }
            if (!edits.isEmpty()) {
                out.put(d, edits);
            }
        }
        return out;
    }

    /** The target to write for a link that now leads to {@code destThen}, from a note at {@code sourceThen}. */
    private static String rewrite(NoteWorkspace ws, Link link, LinkTarget.Via via, String written, Path destThen,
            Path sourceThen, Map<Path, Path> moves) {
        String meant = link.target().replace('\\', '/');
        boolean keepsExtension = meant.toLowerCase(Locale.ROOT).endsWith(".md")
                || meant.toLowerCase(Locale.ROOT).endsWith(".markdown") || !isNote(destThen);
        String path;
        if (via == LinkTarget.Via.RELATIVE && sourceThen != null) {
            path = sourceThen.getParent().relativize(destThen).toString().replace('\\', '/');
            if (meant.startsWith("./") && !path.startsWith("../")) {
                path = "./" + path;
            }
        } else if (meant.startsWith("/") || meant.contains("/")) {
            path = (meant.startsWith("/") ? "/" : "") + rootRelative(ws, destThen);
        } else {
            path = destThen.getFileName().toString();
            if (!unique(ws, destThen, moves)) {
                path = rootRelative(ws, destThen); // the bare name would now lead elsewhere
            }
        }
        if (!keepsExtension) {
            path = stripNoteExtension(path);
        }
        if (link instanceof WikiLink) {
            return path;
        }
        MarkdownLink m = (MarkdownLink) link;
        if (m.angled()) {
            return path;
        }
        return MarkdownLinks.encode(path);
    }

    private static boolean isNote(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".md") || n.endsWith(".markdown");
    }

    static String rootRelative(NoteWorkspace ws, Path file) {
        Path root = ws.rootOf(file);
        if (root == null) {
            return file.getFileName().toString();
        }
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Whether no other file (after the moves) has {@code destThen}'s name, case forgiven. */
    private static boolean unique(NoteWorkspace ws, Path destThen, Map<Path, Path> moves) {
        String name = destThen.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        Set<Path> after = new java.util.HashSet<>();
        for (Path f : ws.filesNamed(name)) {
            after.add(moves.getOrDefault(f, f));
        }
        after.addAll(moves.values());
        after.removeIf(p -> p.equals(destThen) || !p.getFileName().toString().toLowerCase(Locale.ROOT).equals(lower));
        return after.isEmpty();
    }

    static String stripNoteExtension(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md")) {
            return path.substring(0, path.length() - 3);
        }
        if (lower.endsWith(".markdown")) {
            return path.substring(0, path.length() - 9);
        }
        return path;
    }
}
