package dev.papernotes.index;

import dev.papernotes.corpus.Occurrence;
import java.util.List;

/**
 * A paper as the index knows it: one title, however many pages it appeared on.
 *
 * @param id          stable id, a hash of the normalized title
 * @param methods     the names the paper gives its contribution, primary first; may be empty
 * @param citekey     unique key for pandoc citations
 * @param occurrences every appearance, in corpus order (the first one gave title and abstract)
 */
public record Paper(String id, String title, String abstractText, List<String> methods, String citekey,
        List<Occurrence> occurrences) {

    /** What a user calls the paper: its primary method name, else its title. */
    public String label() {
        return methods.isEmpty() ? shortTitle() : methods.get(0);
    }

    /** The title's part before {@code :}, or the whole title. */
    public String shortTitle() {
        int colon = title.indexOf(':');
        return colon > 0 ? title.substring(0, colon).strip() : title;
    }
}
