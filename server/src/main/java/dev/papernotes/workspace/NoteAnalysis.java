package dev.papernotes.workspace;

import dev.papernotes.index.PaperIndex;
import dev.papernotes.index.Paper;
import dev.papernotes.notes.NoteModel;
import dev.papernotes.notes.NoteModel.Citation;
import dev.papernotes.notes.NoteModel.WikiLink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A note's references to papers, resolved against one index snapshot.
 *
 * @param generation the {@link PaperIndex#generation()} it was resolved against
 */
public record NoteAnalysis(NoteDocument document, long generation, List<PaperRef> refs) {

    public static NoteAnalysis of(NoteDocument doc, PaperIndex index) throws IOException {
        NoteModel model = doc.model();
        List<PaperRef> refs = new ArrayList<>();
        for (WikiLink w : model.wikiLinks()) {
            refs.add(new PaperRef(w.targetSpan(), PaperRef.Kind.WIKI_LINK, w.target(), ids(index.resolve(w.target()))));
        }
        for (Citation c : model.citations()) {
            Paper p = index.byCitekey(c.key());
            refs.add(new PaperRef(c.span(), PaperRef.Kind.CITATION, c.key(), p == null ? List.of() : List.of(p.id())));
        }
        for (MentionScanner.Mention m : MentionScanner.scan(model, index.mentions())) {
            String exact = collapse(m.text());
            refs.add(new PaperRef(m.span(), PaperRef.Kind.MENTION, m.text(), ids(index.byMention(exact))));
        }
        refs.sort(Comparator.comparingInt(r -> r.span().start()));
        return new NoteAnalysis(doc, index.generation(), List.copyOf(refs));
    }

    /** The reference whose range holds {@code offset} (its end counts: the cursor sits after a word). */
    public PaperRef refAt(int offset) {
        for (PaperRef r : refs) {
            if (offset >= r.span().start() && offset <= r.span().end()) {
                return r;
            }
        }
        return null;
    }

    private static List<String> ids(List<Paper> papers) {
        List<String> out = new ArrayList<>(papers.size());
        for (Paper p : papers) {
            out.add(p.id());
        }
        return out;
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ");
    }
}
