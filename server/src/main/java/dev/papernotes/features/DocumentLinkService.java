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
import org.eclipse.lsp4j.DocumentLink;

/** Wiki links and citations become clickable: to the paper's first corpus line, or to the note. */
public final class DocumentLinkService {
    private DocumentLinkService() {
    }

    public static List<DocumentLink> links(FeatureContext ctx, NoteDocument doc) throws IOException {
        NoteAnalysis analysis = ctx.analysis(doc);
        List<DocumentLink> out = new ArrayList<>();
        for (PaperRef ref : analysis.refs()) {
            if (ref.kind() == PaperRef.Kind.MENTION) {
                continue;
            }
            var range = Ranges.of(doc.model().lines(), ref.span());
            if (ref.paperCount() == 1) {
                Paper p = ctx.index().get(ref.paperIds().get(0));
                Occurrence first = p == null ? null
                        : p.occurrences().stream().filter(ctx::inCorpus).findFirst().orElse(null);
                if (first != null) {
                    DocumentLink link = new DocumentLink(range, Uris.fromPath(first.file()) + "#L" + first.line());
                    link.setTooltip(p.title());
                    out.add(link);
                }
            } else if (ref.paperIds().isEmpty() && ref.kind() == PaperRef.Kind.WIKI_LINK) {
                List<NoteDocument> notes = ctx.workspace().resolveNote(ref.written());
                if (notes.size() == 1) {
                    out.add(new DocumentLink(range, notes.get(0).uri()));
                }
            }
        }
        return out;
    }
}
