package dev.papernotes.notes;

import java.util.List;

/**
 * What a note says that the server cares about, with offsets into its text. Built from scratch
 * on every change: a parse is cheap next to a keystroke's round trip, and a model that is always a
 * fresh parse cannot drift from the text.
 *
 * @param prose   ranges where bare mentions may occur (paragraphs and headings, without code,
 *                HTML, link destinations, URLs, wiki links or citations), in order
 */
public record NoteModel(String text, LineIndex lines, List<WikiLink> wikiLinks, List<Citation> citations,
        List<Span> prose, List<Heading> headings) {

    /** A half-open range of offsets. */
    public record Span(int start, int end) {
        public boolean contains(int offset) {
            return offset >= start && offset < end;
        }

        public boolean touches(int offset) {
            return offset >= start && offset <= end;
        }
    }

    /**
     * {@code [[target|alias]]}.
     *
     * @param span   the whole link, brackets included
     * @param target the target as written, trimmed (a {@code #heading} suffix removed)
     * @param targetSpan where the target is written
     * @param alias  the shown text, or null
     */
    public record WikiLink(Span span, String target, Span targetSpan, String alias) {
    }

    /**
     * A pandoc citation {@code @key}.
     *
     * @param span the key with its {@code @}
     */
    public record Citation(Span span, String key) {
    }

    public record Heading(int level, String text, Span span) {
    }

    public WikiLink wikiLinkAt(int offset) {
        for (WikiLink w : wikiLinks) {
            if (w.span().contains(offset)) {
                return w;
            }
        }
        return null;
    }

    public Citation citationAt(int offset) {
        for (Citation c : citations) {
            if (c.span().touches(offset)) {
                return c;
            }
        }
        return null;
    }

    /** Whether {@code offset} is in prose (where completion of names is offered). */
    public boolean inProse(int offset) {
        for (Span s : prose) {
            if (s.touches(offset)) {
                return true;
            }
        }
        return false;
    }
}
