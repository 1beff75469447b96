package dev.papernotes.index;

import dev.papernotes.corpus.Occurrence;
import dev.papernotes.corpus.PaperMetadata;
import java.util.List;

/**
 * A paper as the index knows it: one title, however many places it was found in.
 *
 * @param id          stable id, a hash of the normalized title (and first author, when known)
 * @param methods     the names the paper gives its contribution, primary first; may be empty
 * @param citekey     the library's own key when a library has the paper, else a generated one
 * @param occurrences every appearance, in corpus order
 * @param metadata    authors, year, venue, identifiers, merged from every source (libraries first);
 *                    {@link PaperMetadata#NONE} for a paper only seen on daily pages
 */
public record Paper(String id, String title, String abstractText, List<String> methods, String citekey,
        List<Occurrence> occurrences, PaperMetadata metadata) {

    public Paper {
        metadata = metadata == null ? PaperMetadata.NONE : metadata;
    }

    public Paper(String id, String title, String abstractText, List<String> methods, String citekey,
            List<Occurrence> occurrences) {
        this(id, title, abstractText, methods, citekey, occurrences, PaperMetadata.NONE);
    }

    /** What a user calls the paper: its primary method name, else its title. */
    public String label() {
        return methods.isEmpty() ? shortTitle() : methods.get(0);
    }

    /** The title's part before {@code :}, or the whole title. */
    public String shortTitle() {
        int colon = title.indexOf(':');
        return colon > 0 ? title.substring(0, colon).strip() : title;
    }

    /** {@code Vaswani et al. 2017, NeurIPS}: who, when and where, to tell same-titled papers apart. */
    public String byline() {
        return Bylines.of(metadata.authors().isEmpty() ? "" : metadata.authors().get(0).family(),
                metadata.authors().size() > 1 || metadata.moreAuthors(), metadata.year(), metadata.venue());
    }
}
