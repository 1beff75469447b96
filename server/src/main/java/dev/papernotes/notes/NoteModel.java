package dev.papernotes.notes;

import java.util.List;

/**
 * What a note says that the server cares about, with offsets into its text. Built from scratch
 * on every change: a parse is cheap next to a keystroke's round trip, and a model that is always a
 * fresh parse cannot drift from the text.
 *
 * @param wikiLinks  {@code [[target]]} and {@code ![[target]]} with a target, in order (a
 *                   same-note {@code [[#Heading]]} is only in {@code links})
 * @param prose      ranges where bare mentions may occur (paragraphs and headings, without code,
 *                   HTML, link destinations, URLs, wiki links, citations or block ids), in order
 * @param links      every link to a note or a file: wiki links and embeds (same-note ones too) and
 *                   Markdown links and images with a local destination, in order
 * @param blockIds   {@code ^block-id} markers, in order
 * @param aliases    the {@code aliases:} of the YAML front matter
 */
public record NoteModel(String text, LineIndex lines, List<WikiLink> wikiLinks, List<Citation> citations,
        List<Span> prose, List<Heading> headings,
        List<Link> links, List<BlockId> blockIds, List<String> aliases) {

    /** The model as it was before links to notes and files were modelled (no links, blocks or aliases). */
    public NoteModel(String text, LineIndex lines, List<WikiLink> wikiLinks, List<Citation> citations,
            List<Span> prose, List<Heading> headings) {
        this(text, lines, wikiLinks, citations, prose, headings, List.<Link>copyOf(wikiLinks), List.of(), List.of());
    }

    /** A half-open range of offsets. */
    public record Span(int start, int end) {
        public boolean contains(int offset) {
            return offset >= start && offset < end;
        }

        public boolean touches(int offset) {
            return offset >= start && offset <= end;
        }

        public int length() {
            return end - start;
        }

        /** The same span {@code by} characters further on (back, if negative). */
        public Span shifted(int by) {
            return by == 0 ? this : new Span(start + by, end + by);
        }
    }

    /**
     * A link from a note to a note (and maybe a heading or block in it) or to a file: a wiki link,
     * an embed, or a Markdown link or image with a local destination.
     */
    public sealed interface Link permits WikiLink, MarkdownLink {
        /** The whole link, brackets (and the {@code !} of an embed) included. */
        Span span();

        /** The note or file as meant: name or path, decoded; empty for a link into the same note. */
        String target();

        /** Where the target is written (for a Markdown link: the path part, without {@code <>} or anchor). */
        Span targetSpan();

        /** What follows {@code #}: a heading, {@code ^block-id} or {@code page=3}; null when there is no anchor. */
        String anchor();

        /** Where the anchor is written (after the {@code #}); null when there is no anchor. */
        Span anchorSpan();

        /** {@code ![[...]]} or {@code ![...](...)}: the target is shown in place. */
        boolean embed();

        /** Whether the anchor names a block ({@code ^id}) rather than a heading. */
        default boolean blockAnchor() {
            return anchor() != null && anchor().startsWith("^");
        }
    }

    /**
     * {@code [[target#anchor|alias]]}, or an embed {@code ![[target]]}.
     *
     * @param span       the whole link, brackets (and {@code !}) included
     * @param target     the target as written, trimmed (anchor and alias removed); empty for {@code [[#Heading]]}
     * @param targetSpan where the target is written
     * @param alias      the shown text, or null
     * @param aliasSpan  where the shown text is written, or null
     */
    public record WikiLink(Span span, String target, Span targetSpan, String alias, boolean embed, String anchor,
            Span anchorSpan, Span aliasSpan) implements Link {

        public WikiLink(Span span, String target, Span targetSpan, String alias) {
            this(span, target, targetSpan, alias, false, null, null, null);
        }
    }

    /**
     * {@code [text](path#anchor)} or {@code ![alt](path)} whose destination is a local path, not a URL.
     *
     * @param target     the path, with backslash escapes and percent-encoding undone; empty for {@code (#anchor)}
     * @param targetSpan the path as written in the source (inside {@code <>} when those are used)
     * @param anchor     the fragment, decoded, or null
     * @param angled     whether the destination is written in {@code <...>}
     * @param encoded    whether the written path used percent-encoding
     */
    public record MarkdownLink(Span span, String target, Span targetSpan, String anchor, Span anchorSpan,
            boolean embed, boolean angled, boolean encoded) implements Link {
    }

    /** A block id: {@code ^id} at the end of a paragraph or list item. */
    public record BlockId(String id, Span span) {
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

    /** The link (any form) whose source holds {@code offset}, or null. Binary search: links are in order. */
    public Link linkAt(int offset) {
        int lo = 0;
        int hi = links.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span s = links.get(mid).span();
            if (offset < s.start()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return links.get(mid);
            }
        }
        return null;
    }

    /** The heading whose line holds {@code offset}, or null. */
    public Heading headingAt(int offset) {
        for (Heading h : headings) {
            if (h.span().touches(offset)) {
                return h;
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
