package dev.papernotes.workspace;

import dev.papernotes.index.PaperIndex;
import dev.papernotes.notes.NoteModel;
import dev.papernotes.notes.NoteModel.Citation;
import dev.papernotes.notes.NoteModel.WikiLink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A note's references to papers, resolved against one index snapshot.
 *
 * @param generation the {@link PaperIndex#generation()} it was resolved against
 */
public record NoteAnalysis(NoteDocument document, long generation, List<PaperRef> refs) {

    public static NoteAnalysis of(NoteDocument doc, PaperIndex index) throws IOException {
        NoteModel model = doc.model();
        List<PaperRef> refs = new ArrayList<>();
        // Ids only (from doc values), each distinct name looked up once per note.
        Map<String, PaperIndex.Ids> seen = new HashMap<>();
        for (WikiLink w : model.wikiLinks()) {
            PaperIndex.Ids ids = seen.computeIfAbsent("w\u0000" + w.target(),
                    k -> lookup(() -> index.resolveIds(w.target(), PaperRef.MAX_IDS)));
            refs.add(new PaperRef(w.targetSpan(), PaperRef.Kind.WIKI_LINK, w.target(), ids.ids(), ids.total()));
        }
        Map<String, List<String>> citekeys = new HashMap<>();
        for (Citation c : model.citations()) {
            List<String> ids = citekeys.get(c.key());
            if (ids == null) {
                String id = index.idByCitekey(c.key());
                ids = id == null ? List.of() : List.of(id);
                citekeys.put(c.key(), ids);
            }
            refs.add(new PaperRef(c.span(), PaperRef.Kind.CITATION, c.key(), ids, ids.size()));
        }
        for (MentionScanner.Mention m : MentionScanner.scan(model, index.mentions())) {
            PaperIndex.Ids ids = seen.computeIfAbsent("m\u0000" + m.text(),
                    k -> lookup(() -> index.idsByMention(m.text(), PaperRef.MAX_IDS)));
            refs.add(new PaperRef(m.span(), PaperRef.Kind.MENTION, m.text(), ids.ids(), ids.total()));
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

    private interface Lookup {
        PaperIndex.Ids ids() throws IOException;
    }

    private static PaperIndex.Ids lookup(Lookup l) {
        try {
            return l.ids();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
