package dev.papernotes.workspace;

import dev.papernotes.notes.NoteModel.Span;
import java.util.List;

/**
 * One place where a note refers to papers.
 *
 * @param span     the range to underline, hover and link: a wiki link's target, a citation's
 *                 {@code @key}, a mention's words
 * @param written  the target, key or mention as written
 * @param paperIds   the papers it resolves to: none (unresolved), one, or several (ambiguous);
 *                   at most {@link #MAX_IDS} of them, in index order
 * @param paperCount how many papers it resolves to in all
 */
public record PaperRef(Span span, Kind kind, String written, List<String> paperIds, int paperCount) {
    /**
     * Ids kept per reference. A name shared by more papers names none of them in particular; its
     * reference counts for the first ones only, and a note's memory stays bounded at any corpus size.
     */
    public static final int MAX_IDS = 100;

    public enum Kind {
        WIKI_LINK, CITATION, MENTION
    }

    public PaperRef {
        paperIds = List.copyOf(paperIds);
    }

    public boolean ambiguous() {
        return paperCount > 1;
    }
}
