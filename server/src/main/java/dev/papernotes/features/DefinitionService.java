package dev.papernotes.features;

import dev.papernotes.corpus.Occurrence;
import dev.papernotes.index.Paper;
import dev.papernotes.notes.NoteModel;
import dev.papernotes.notes.NoteModel.BlockId;
import dev.papernotes.notes.NoteModel.Heading;
import dev.papernotes.notes.NoteModel.Link;
import dev.papernotes.notes.NoteModel.Span;
import dev.papernotes.workspace.LinkTarget;
import dev.papernotes.workspace.NoteAnalysis;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.PaperRef;
import dev.papernotes.workspace.Uris;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Go to definition: the title line of each occurrence in the corpus; for a note link, the note. */
public final class DefinitionService {
    static final int MAX_PAPERS = 20;

    private DefinitionService() {
    }

    public static List<LocationLink> definition(FeatureContext ctx, NoteDocument doc, Position position)
            throws IOException {
        NoteAnalysis analysis = ctx.analysis(doc);
        int offset = Ranges.offset(doc.model().lines(), position);
        List<LocationLink> out = new ArrayList<>(noteOrFile(ctx, doc, doc.model().linkAt(offset)));
        PaperRef ref = analysis.refAt(offset);
        if (ref == null) {
            return out;
        }
        Range origin = Ranges.of(doc.model().lines(), ref.span());
        // A name dozens of papers share: the first few are a choice, hundreds are noise.
        for (String id : ref.paperIds().subList(0, Math.min(MAX_PAPERS, ref.paperIds().size()))) {
            Paper p = ctx.index().getWithoutAbstract(id);
            if (p != null) {
                out.addAll(titleLines(ctx, p, origin));
            }
        }
        return out;
    }

    /**
     * Where a link to a note or file leads: the note, at the heading or block its anchor names (else
     * its top), or the file.
     */
    static List<LocationLink> noteOrFile(FeatureContext ctx, NoteDocument doc, Link link) {
        if (link == null) {
            return List.of();
        }
        LinkTarget target = ctx.workspace().resolve(doc, link);
        if (!target.found()) {
            return List.of();
        }
        var lines = doc.model().lines();
        Range origin = Ranges.of(lines, link.target().isEmpty() && link.anchorSpan() != null ? link.anchorSpan()
                : link.targetSpan());
        NoteDocument note = target.via() == LinkTarget.Via.SELF ? doc : ctx.workspace().noteAt(target.best());
        Range top = new Range(new Position(0, 0), new Position(0, 0));
        if (note == null) {
            return List.of(new LocationLink(Uris.fromPath(target.best()), top, top, origin));
        }
        Range at = top;
        if (link.anchor() != null && !link.anchor().isBlank()) {
            NoteModel m = note.model();
            Span span = null;
            if (link.blockAnchor()) {
                BlockId b = LinkDiagnostics.findBlock(m, link.anchor());
                if (b != null) {
                    int line = m.lines().line(b.span().start());
                    span = new Span(m.lines().lineStart(line), b.span().end());
                }
            } else {
                Heading h = LinkDiagnostics.findHeading(m, link.anchor());
                span = h == null ? null : h.span();
            }
            if (span != null) {
                at = Ranges.of(m.lines(), span);
            }
        }
        return List.of(new LocationLink(note.uri(), at, at, origin));
    }

    /** One link per occurrence, on the title line of the corpus file. */
    static List<LocationLink> titleLines(FeatureContext ctx, Paper p, Range origin) {
        List<LocationLink> out = new ArrayList<>();
        for (Occurrence o : p.occurrences()) {
            if (!ctx.inCorpus(o)) {
                continue;
            }
            Range line = Ranges.line(o.line() - 1, p.title().length());
            out.add(new LocationLink(Uris.fromPath(o.file()), line, line, origin));
        }
        return out;
    }
}
