package dev.papernotes.features;

import dev.papernotes.corpus.Occurrence;
import dev.papernotes.index.Paper;
import dev.papernotes.notes.NoteModel;
import dev.papernotes.workspace.NoteAnalysis;
import dev.papernotes.workspace.NoteDocument;
import dev.papernotes.workspace.PaperRef;
import dev.papernotes.workspace.Uris;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.DocumentLink;

/** Wiki links and citations become clickable: to the paper's first corpus line, or to the note. */
public final class DocumentLinkService {
    private DocumentLinkService() {
    }

    public static List<DocumentLink> links(FeatureContext ctx, NoteDocument doc) throws IOException {
        NoteAnalysis analysis = ctx.analysis(doc);
        List<DocumentLink> out = new ArrayList<>();
        // A note links the same few papers many times: each is read from the index once.
        Map<String, Target> papers = new HashMap<>();
        for (PaperRef ref : analysis.refs()) {
            if (ref.kind() == PaperRef.Kind.MENTION) {
                continue;
            }
            var range = Ranges.of(doc.model().lines(), ref.span());
            if (ref.paperCount() == 1) {
                String id = ref.paperIds().get(0);
                Target t = papers.get(id);
                if (t == null) {
                    t = paperTarget(ctx, id);
                    papers.put(id, t);
                }
                if (t != NO_TARGET) {
                    DocumentLink link = new DocumentLink(range, t.uri());
                    link.setTooltip(t.tooltip());
                    out.add(link);
                }
            } else if (ref.paperIds().isEmpty() && ref.kind() == PaperRef.Kind.WIKI_LINK) {
                DocumentLink link = toNoteOrFile(ctx, doc, ref.span().start(), range);
                if (link != null) {
                    out.add(link);
                }
            }
        }
        return out;
    }

    private record Target(String uri, String tooltip) {
    }

    private static final Target NO_TARGET = new Target("", "");

    /** The paper's first corpus line, or {@link #NO_TARGET}. */
    private static Target paperTarget(FeatureContext ctx, String id) throws IOException {
        Paper p = ctx.index().getWithoutAbstract(id);
        Occurrence first = p == null ? null : p.occurrences().stream().filter(ctx::inCorpus).findFirst().orElse(null);
        return first == null ? NO_TARGET : new Target(Uris.fromPath(first.file()) + "#L" + first.line(), p.title());
    }

    /**
     * A wiki link or embed that is no paper: to the note (at its heading, as {@code #L<line>}) or to
     * the file. Markdown links are the editor's own business: every Markdown mode follows them.
     */
    private static DocumentLink toNoteOrFile(FeatureContext ctx, NoteDocument doc, int offset,
            org.eclipse.lsp4j.Range range) {
        NoteModel.Link link = doc.model().linkAt(offset);
        if (!(link instanceof NoteModel.WikiLink)) {
            return null;
        }
        List<org.eclipse.lsp4j.LocationLink> to = DefinitionService.noteOrFile(ctx, doc, link);
        if (to.isEmpty()) {
            return null;
        }
        org.eclipse.lsp4j.LocationLink l = to.get(0);
        int line = l.getTargetRange().getStart().getLine();
        return new DocumentLink(range, line > 0 ? l.getTargetUri() + "#L" + (line + 1) : l.getTargetUri());
    }
}
