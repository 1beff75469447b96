package dev.papernotes.notes;

import dev.papernotes.notes.NoteModel.BlockId;
import dev.papernotes.notes.NoteModel.Citation;
import dev.papernotes.notes.NoteModel.Heading;
import dev.papernotes.notes.NoteModel.Link;
import dev.papernotes.notes.NoteModel.MarkdownLink;
import dev.papernotes.notes.NoteModel.Span;
import dev.papernotes.notes.NoteModel.WikiLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A note parsed as the stretches between the lines where a block starts afresh ({@link LocalParse}):
 * each stretch parses on its own as it does within the note, so the next version of the note
 * parses only the stretches an edit changed and takes the others' parses from this one. A keystroke
 * then costs a parse of its paragraph, not of the note.
 */
public final class NoteChunks {
    /** Parses of one version's stretches by their text, offsets relative to the stretch. */
    private final Map<String, Stretch> byText;
    /** Where each stretch starts in this version, in note order. */
    private final int[] starts;
    /** Each stretch, in note order: one object for a stretch as long as its text stays. */
    private final Stretch[] stretches;

    /**
     * A stretch's parse, and what features worked out from it: kept with the stretch from version
     * to version, and gone with it when an edit changes its text or the note is closed.
     */
    private static final class Stretch {
        final NoteModel model;
        final Map<Object, Object> remembered = new java.util.concurrent.ConcurrentHashMap<>(4);

        Stretch(NoteModel model) {
            this.model = model;
        }
    }

    private NoteChunks(Map<String, Stretch> byText, int[] starts, Stretch[] stretches) {
        this.byText = byText;
        this.starts = starts;
        this.stretches = stretches;
    }

    /** How many stretches this version has. */
    public int size() {
        return starts.length;
    }

    /** The offset in the note of stretch {@code i}. */
    public int start(int i) {
        return starts[i];
    }

    /**
     * The parse of stretch {@code i} (offsets relative to its start): the same object in the next
     * version when an edit leaves the stretch alone, so what is worked out from it can be kept.
     */
    public NoteModel stretchAt(int i) {
        return stretches[i].model;
    }

    /**
     * What {@code work} makes of stretch {@code i}'s parse, remembered under {@code key} (compared by
     * identity) for as long as the stretch stays in the note: an edit works out only its own stretch.
     */
    @SuppressWarnings("unchecked")
    public <T> T remembered(int i, Object key, java.util.function.Function<NoteModel, T> work) {
        Stretch s = stretches[i];
        return (T) s.remembered.computeIfAbsent(key, k -> work.apply(s.model));
    }

    /** A parse of a note and the stretches it was made of. */
    public record Parsed(NoteModel model, NoteChunks chunks) {
    }

    /**
     * Parses {@code text}, reusing the stretches {@code before} (a parse of an earlier version, or
     * null) parsed already; equal to {@link NoteParser#parse(String, LineIndex)}.
     */
    public static Parsed parse(String text, LineIndex lines, NoteChunks before) {
        LineIndex index = lines != null ? lines : new LineIndex(text); // one for the scan and the model
        int[] starts = LocalParse.freshStarts(text, index);
        if (starts == null || starts.length <= 1) {
            return new Parsed(NoteParser.parse(text, index), null);
        }
        Map<String, Stretch> parsed = new HashMap<>(starts.length * 2);
        Stretch[] inOrder = new Stretch[starts.length];
        List<WikiLink> wikiLinks = new ArrayList<>();
        List<Citation> citations = new ArrayList<>();
        List<Span> prose = new ArrayList<>();
        List<Heading> headings = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        List<BlockId> blockIds = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            int start = starts[i];
            String piece = text.substring(start, i + 1 < starts.length ? starts[i + 1] : text.length());
            Stretch stretch = before == null ? null : before.byText.get(piece);
            if (stretch == null) {
                stretch = parsed.get(piece);
            }
            if (stretch == null) {
                stretch = new Stretch(NoteParser.parse(piece));
            }
            parsed.put(piece, stretch);
            inOrder[i] = stretch;
            NoteModel m = stretch.model;
            // A wiki link is in both lists, as one object: so it stays.
            Map<WikiLink, WikiLink> moved = new java.util.IdentityHashMap<>();
            for (Link l : m.links()) {
                if (l instanceof WikiLink w) {
                    WikiLink shifted = shift(w, start);
                    moved.put(w, shifted);
                    links.add(shifted);
                } else {
                    links.add(shift((MarkdownLink) l, start));
                }
            }
            for (WikiLink w : m.wikiLinks()) {
                WikiLink shifted = moved.get(w);
                wikiLinks.add(shifted != null ? shifted : shift(w, start));
            }
            for (Citation c : m.citations()) {
                citations.add(new Citation(c.span().shifted(start), c.key()));
            }
            for (Span s : m.prose()) {
                prose.add(s.shifted(start));
            }
            for (Heading h : m.headings()) {
                headings.add(new Heading(h.level(), h.text(), h.span().shifted(start)));
            }
            for (BlockId b : m.blockIds()) {
                blockIds.add(new BlockId(b.id(), b.span().shifted(start)));
            }
        }
        // The front matter is all in the first stretch: its aliases are the note's.
        List<String> aliases = inOrder[0].model.aliases();
        NoteModel model = new NoteModel(text, index, List.copyOf(wikiLinks),
                List.copyOf(citations), List.copyOf(prose), List.copyOf(headings), List.copyOf(links),
                List.copyOf(blockIds), aliases);
        return new Parsed(model, new NoteChunks(parsed, starts, inOrder));
    }

    /** This version's parse of the stretch {@code piece}, or null if it had no such stretch. */
    NoteModel stretch(String piece) {
        Stretch s = byText.get(piece);
        return s == null ? null : s.model;
    }

    /** For the spans a link may not have (no anchor, no alias). */
    private static Span shift(Span s, int by) {
        return s == null ? null : s.shifted(by);
    }

    private static WikiLink shift(WikiLink w, int by) {
        return new WikiLink(shift(w.span(), by), w.target(), shift(w.targetSpan(), by), w.alias(), w.embed(),
                w.anchor(), shift(w.anchorSpan(), by), shift(w.aliasSpan(), by));
    }

    private static MarkdownLink shift(MarkdownLink m, int by) {
        return new MarkdownLink(shift(m.span(), by), m.target(), shift(m.targetSpan(), by), m.anchor(),
                shift(m.anchorSpan(), by), m.embed(), m.angled(), m.encoded());
    }
}
