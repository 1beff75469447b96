package dev.papernotes.workspace;

import dev.papernotes.notes.NoteModel.Span;
import java.util.List;

/**
 * One place where a note refers to papers.
 *
 * @param span     the range to underline, hover and link: a wiki link's target, a citation's
 *                 {@code @key}, a mention's words
 * @param written  the target, key or mention as written
 * @param paperIds the papers it resolves to: none (unresolved), one, or several (ambiguous)
 */
public record PaperRef(Span span, Kind kind, String written, List<String> paperIds) {
    public enum Kind {
        WIKI_LINK, CITATION, MENTION
    }
}
