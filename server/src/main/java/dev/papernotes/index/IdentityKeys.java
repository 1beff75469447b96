package dev.papernotes.index;

import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.PaperKey;
import java.util.ArrayList;
import java.util.HexFormat;
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

    /**
     * The index terms, strong keys first: each key's 64-bit hash in hex behind a letter for its kind
     * ({@code d} DOI, {@code x} arXiv id, {@code u} title and first author, {@code t} title). Hashes
     * keep the terms short: a title is indexed once already, and these terms are only looked up.
     */
    List<String> terms() {
        List<String> out = new ArrayList<>(4);
        if (!doi.isEmpty()) {
            out.add(term('d', doiHash()));
        }
        if (!arxiv.isEmpty()) {
            out.add(term('x', arxivHash()));
        }
        if (!title.isEmpty()) {
            if (!author.isEmpty()) {
                out.add(term('u', titleAuthorHash()));
            }
            out.add(term('t', titleHash()));
        }
        return out;
    }

    /** Whether an index term is a bare title key (which the same title by another author may share). */
    static boolean isTitleTerm(String term) {
        return term.charAt(0) == 't';
    }

    private static String term(char kind, long hash) {
        return kind + HexFormat.of().toHexDigits(hash);
    }

    private String titleTerm() {
        return "t:" + title;
    }

    private String titleAuthorTerm() {
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
