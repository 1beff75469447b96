package dev.papernotes.features;

import com.google.gson.JsonObject;
import dev.papernotes.config.Settings.DanglingLinks;
import dev.papernotes.names.NameKeys;
import dev.papernotes.notes.MarkdownLinks;
import dev.papernotes.notes.NoteModel;
import dev.papernotes.notes.NoteModel.BlockId;
import dev.papernotes.notes.NoteModel.Heading;
import dev.papernotes.notes.NoteModel.Link;
import dev.papernotes.notes.NoteModel.MarkdownLink;
import dev.papernotes.notes.NoteModel.Span;
import dev.papernotes.notes.NoteModel.WikiLink;
import dev.papernotes.workspace.LinkTarget;
import dev.papernotes.workspace.NoteAnalysis;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.NoteWorkspace;
import dev.papernotes.workspace.PaperRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * Links to notes and files: a link that leads to no paper, note or file is dangling (its severity is
 * the user's choice, {@code diagnostics.danglingLinks}); a link to a heading or block that the note
 * does not have is a warning of its own. A link to a file that exists never warns.
 */
public final class LinkDiagnostics {
    public static final String MISSING_ANCHOR = "missing-anchor";
    /** {@code data.kind} of a diagnostic on a wiki link or embed; Markdown links say {@code MARKDOWN_LINK}. */
    public static final String KIND_WIKI = "WIKI_LINK";
    public static final String KIND_MARKDOWN = "MARKDOWN_LINK";

    private LinkDiagnostics() {
    }

    static List<Diagnostic> diagnostics(FeatureContext ctx, NoteDocument doc, NoteAnalysis analysis, int typingAt) {
        List<Diagnostic> out = new ArrayList<>();
        NoteWorkspace ws = ctx.workspace();
        DanglingLinks dangling = ctx.settings().danglingLinks();
        // Before the first walk of the workspace every note link would look dangling.
        boolean filesKnown = ws.scanned() || ws.roots().isEmpty();
        NoteModel model = doc.model();
        for (Link link : model.links()) {
            if (typingAt >= link.span().start() && typingAt <= link.span().end()) {
                continue; // unfinished, not wrong
            }
            LinkTarget target = ws.resolve(doc, link);
            if (!target.found()) {
                if (!filesKnown || dangling == DanglingLinks.OFF) {
                    continue;
                }
                Diagnostic d = dangling(ctx, doc, analysis, link, dangling);
                if (d != null) {
                    out.add(d);
                }
                continue;
            }
            if (link.anchor() == null || link.anchor().isBlank()) {
                continue;
            }
            NoteDocument note = target.via() == LinkTarget.Via.SELF ? doc : ws.noteAt(target.best());
            if (note == null || found(note.anchorKeys(LinkDiagnostics::anchorKeys), link.anchor())) {
                continue; // an attachment's #page=3 is not ours to check
            }
            String what = link.blockAnchor() ? "block '" + link.anchor() + "'" : "heading '" + lastPart(link.anchor()) + "'";
            String where = note == doc ? "this note" : "'" + displayName(note) + "'";
            out.add(diagnostic(doc, link.anchorSpan(), DiagnosticSeverity.Warning, MISSING_ANCHOR,
                    "No " + what + " in " + where, link));
        }
        return out;
    }

    private static Diagnostic dangling(FeatureContext ctx, NoteDocument doc, NoteAnalysis analysis, Link link,
            DanglingLinks dangling) {
        DiagnosticSeverity severity = dangling == DanglingLinks.INFORMATION ? DiagnosticSeverity.Information
                : DiagnosticSeverity.Warning;
        if (link instanceof WikiLink w) {
            if (w.target().isEmpty()) {
                return null; // [[#Heading]] always finds this note
            }
            PaperRef ref = wikiRef(analysis, w.targetSpan().start());
            if (ref != null && ref.paperCount() > 0) {
                return null; // a paper: fine
            }
            if (ctx.index().isEmpty()) {
                return null; // papers not known yet: every paper link would look dangling
            }
            String message = isFileName(w.target()) ? "No file named '" + w.target() + "'"
                    : "No paper or note named '" + w.target() + "'";
            return diagnostic(doc, w.targetSpan(), severity, DiagnosticsService.UNRESOLVED_LINK, message, link);
        }
        MarkdownLink m = (MarkdownLink) link;
        if (m.target().isEmpty() || outsideOrOnDisk(ctx.workspace(), doc, m.target())) {
            return null;
        }
        return diagnostic(doc, m.targetSpan(), severity, DiagnosticsService.UNRESOLVED_LINK,
                "No note or file '" + m.target() + "'", link);
    }

    /**
     * A Markdown link whose path leaves the workspace is not ours to judge, and a path that exists
     * (a folder, a hidden file) is no dangling link.
     */
    private static boolean outsideOrOnDisk(NoteWorkspace ws, NoteDocument doc, String target) {
        Path source = doc.path();
        if (source == null) {
            return true;
        }
        Path p;
        try {
            String t = target.replace('\\', '/');
            Path root = ws.rootOf(source);
            p = t.startsWith("/") && root != null ? root.resolve(t.replaceFirst("^/+", "")).normalize()
                    : source.getParent().resolve(t).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
        return ws.rootOf(p) == null && !ws.roots().isEmpty() || Files.exists(p);
    }

    /** The wiki-link reference that starts at {@code offset} (references are in order). */
    static PaperRef wikiRef(NoteAnalysis analysis, int offset) {
        List<PaperRef> refs = analysis.refs();
        int lo = 0;
        int hi = refs.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int start = refs.get(mid).span().start();
            if (start < offset) {
                lo = mid + 1;
            } else if (start > offset) {
                hi = mid - 1;
            } else {
                for (int i = mid; i >= 0 && refs.get(i).span().start() == offset; i--) {
                    if (refs.get(i).kind() == PaperRef.Kind.WIKI_LINK) {
                        return refs.get(i);
                    }
                }
                for (int i = mid + 1; i < refs.size() && refs.get(i).span().start() == offset; i++) {
                    if (refs.get(i).kind() == PaperRef.Kind.WIKI_LINK) {
                        return refs.get(i);
                    }
                }
                return null;
            }
        }
        return null;
    }

    /**
     * Whether the note has the heading or block an anchor names. Headings match with case and
     * punctuation spacing forgiven, which also lets a Markdown slug ({@code my-heading}) meet
     * {@code My Heading}; in {@code #A#B} the last heading is the one linked.
     */
    public static boolean hasAnchor(NoteModel model, String anchor) {
        if (anchor.startsWith("^")) {
            String id = anchor.substring(1).strip();
            for (BlockId b : model.blockIds()) {
                if (b.id().equalsIgnoreCase(id)) {
                    return true;
                }
            }
            return false;
        }
        return findHeading(model, anchor) != null;
    }

    /** Every key under which an anchor finds something in a note (kept with the note's version): its headings (loosely, and as slugs) and blocks. */
    private static java.util.Set<String> anchorKeys(NoteModel m) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Heading h : m.headings()) {
            keys.add("h" + NameKeys.spaced(h.text()));
            keys.add("s" + MarkdownLinks.slug(h.text()));
        }
        for (BlockId b : m.blockIds()) {
            keys.add("^" + b.id().toLowerCase(java.util.Locale.ROOT));
        }
        if (!m.headings().isEmpty()) {
            keys.add("h"); // an anchor of punctuation only finds the first heading, as findHeading does
        }
        return keys;
    }

    /** Whether {@code anchor} finds something among {@code keys} (see {@link #anchorKeys}), as {@link #hasAnchor} would. */
    private static boolean found(java.util.Set<String> keys, String anchor) {
        if (anchor.startsWith("^")) {
            return keys.contains("^" + anchor.substring(1).strip().toLowerCase(java.util.Locale.ROOT));
        }
        String last = lastPart(anchor);
        return keys.contains("h" + NameKeys.spaced(last)) || keys.contains("s" + last.toLowerCase(java.util.Locale.ROOT));
    }

    /** The heading an anchor names, or null. */
    public static Heading findHeading(NoteModel model, String anchor) {
        String last = lastPart(anchor);
        String key = NameKeys.spaced(last);
        if (key.isEmpty()) {
            return model.headings().isEmpty() ? null : model.headings().get(0);
        }
        String slug = last.strip().toLowerCase(java.util.Locale.ROOT);
        for (Heading h : model.headings()) {
            if (NameKeys.spaced(h.text()).equals(key) || MarkdownLinks.slug(h.text()).equals(slug)) {
                return h;
            }
        }
        return null;
    }

    /** The block an anchor {@code ^id} names, or null. */
    public static BlockId findBlock(NoteModel model, String anchor) {
        String id = anchor.startsWith("^") ? anchor.substring(1).strip() : anchor.strip();
        for (BlockId b : model.blockIds()) {
            if (b.id().equalsIgnoreCase(id)) {
                return b;
            }
        }
        return null;
    }

    static String lastPart(String anchor) {
        int hash = anchor.lastIndexOf('#');
        return (hash >= 0 ? anchor.substring(hash + 1) : anchor).strip();
    }

    /** A target that names a file by its extension ({@code image.png}, {@code paper.pdf}), not a note. */
    static boolean isFileName(String target) {
        int slash = target.lastIndexOf('/');
        String name = target.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return false;
        }
        String ext = name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return FILE_EXTENSIONS.contains(ext);
    }

    /** Extensions of the attachments note tools embed or link (images, audio, video, documents, data). */
    private static final java.util.Set<String> FILE_EXTENSIONS = java.util.Set.of(
            "png", "jpg", "jpeg", "gif", "bmp", "svg", "webp", "avif", "tif", "tiff", "ico", "heic",
            "mp3", "wav", "m4a", "ogg", "flac", "3gp", "webm", "mp4", "ogv", "mov", "mkv",
            "pdf", "txt", "csv", "tsv", "json", "yaml", "yml", "bib", "tex", "html", "htm", "xml",
            "doc", "docx", "ppt", "pptx", "xls", "xlsx", "odt", "epub", "zip", "canvas", "excalidraw", "ipynb", "py");

    static String displayName(NoteDocument note) {
        Path p = note.path();
        if (p == null) {
            return note.uri();
        }
        String name = p.getFileName().toString();
        return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    }

    private static Diagnostic diagnostic(NoteDocument doc, Span span, DiagnosticSeverity severity, String code,
            String message, Link link) {
        Diagnostic d = new Diagnostic(Ranges.of(doc.model().lines(), span), message, severity,
                DiagnosticsService.SOURCE, code);
        JsonObject data = new JsonObject();
        data.addProperty("written", code.equals(MISSING_ANCHOR) ? link.anchor() : link.target());
        data.addProperty("kind", link instanceof MarkdownLink ? KIND_MARKDOWN : KIND_WIKI);
        data.addProperty("target", link.target());
        d.setData(data);
        return d;
    }
}
