package dev.papernotes.features;

import dev.papernotes.corpus.Occurrence;
import dev.papernotes.index.Paper;
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
        PaperRef ref = analysis.refAt(offset);
        List<LocationLink> out = new ArrayList<>();
        if (ref == null) {
            return out;
        }
        Range origin = Ranges.of(doc.model().lines(), ref.span());
        if (ref.kind() == PaperRef.Kind.WIKI_LINK) {
            for (NoteDocument note : ctx.workspace().resolveNote(ref.written())) {
                Range top = new Range(new Position(0, 0), new Position(0, 0));
                out.add(new LocationLink(note.uri(), top, top, origin));
            }
        }
        // A name dozens of papers share: the first few are a choice, hundreds are noise.
        for (String id : ref.paperIds().subList(0, Math.min(MAX_PAPERS, ref.paperIds().size()))) {
            Paper p = ctx.index().get(id);
            if (p != null) {
                out.addAll(titleLines(ctx, p, origin));
            }
        }
        return out;
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
