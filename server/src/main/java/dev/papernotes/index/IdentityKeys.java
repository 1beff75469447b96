package dev.papernotes.index;

import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.PaperKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys under which a source is the same paper as another (see {@link PaperKey}): DOI, arXiv id,
 * title and title-with-first-author, as index terms ({@code d:}, {@code a:}, {@code t:}, {@code ta:})
 * and as 64-bit hashes for the in-memory tables of a build.
 *
 * @param author the first author's key, empty when unknown
 */
record IdentityKeys(String doi, String arxiv, String title, String author) {

    static IdentityKeys of(CorpusEntry e) {
        return new IdentityKeys(e.metadata().doi(), e.metadata().arxivId(), PaperKey.titleKey(e.title()),
                e.metadata().firstAuthorKey());
    }

    /** The index terms, strong keys first. */
    List<String> terms() {
        List<String> out = new ArrayList<>(4);
        if (!doi.isEmpty()) {
            out.add("d:" + doi);
        }
        if (!arxiv.isEmpty()) {
            out.add("a:" + arxiv);
        }
        if (!title.isEmpty()) {
            if (!author.isEmpty()) {
                out.add(titleAuthorTerm());
            }
            out.add(titleTerm());
        }
        return out;
    }

    String titleTerm() {
        return "t:" + title;
    }

    String titleAuthorTerm() {
        return "ta:" + title + "\u0000" + author;
    }

    long doiHash() {
        return doi.isEmpty() ? 0 : LongIntTable.hash("d:" + doi);
    }

    long arxivHash() {
        return arxiv.isEmpty() ? 0 : LongIntTable.hash("a:" + arxiv);
    }

    long titleHash() {
        return title.isEmpty() ? 0 : LongIntTable.hash(titleTerm());
    }

    long titleAuthorHash() {
        return title.isEmpty() || author.isEmpty() ? 0 : LongIntTable.hash(titleAuthorTerm());
    }

    long authorHash() {
        return author.isEmpty() ? 0 : LongIntTable.hash(author);
    }
}
