package dev.papernotes.corpus;

import java.util.List;

/**
 * What a library says about a paper beyond its title and abstract. Daily pages say none of it
 * ({@link #NONE}); every field is empty (never null) when the source does not have it.
 *
 * @param authors     in the order written
 * @param moreAuthors the list ends in "and others": there are more than the ones named
 * @param year        four digits, or empty
 * @param date        the most precise date known, ISO 8601 as far as it goes ({@code 2017-06-12},
 *                    {@code 2017-06}, {@code 2017}), or empty
 * @param venue       journal, proceedings or publisher, as written
 * @param doi         lower case, without {@code https://doi.org/}
 * @param arxivId     without version ({@code 1706.03762}, {@code hep-th/9901001})
 * @param url         as written
 * @param keywords    keywords, tags or arXiv categories
 * @param key         the library's own citekey, exactly as written; empty for sources without one
 */
public record PaperMetadata(List<Author> authors, boolean moreAuthors, String year, String date, String venue,
        String doi, String arxivId, String url, List<String> keywords, String key) {

    public static final PaperMetadata NONE = new PaperMetadata(List.of(), false, "", "", "", "", "", "", List.of(), "");

    /** Beyond this many authors (physics papers list thousands) the rest are "et al.". */
    public static final int MAX_AUTHORS = 100;

    public PaperMetadata {
        authors = authors == null ? List.of() : List.copyOf(authors);
        if (authors.size() > MAX_AUTHORS) {
            authors = List.copyOf(authors.subList(0, MAX_AUTHORS));
            moreAuthors = true;
        }
        year = nonNull(year);
        date = nonNull(date);
        venue = nonNull(venue);
        doi = nonNull(doi);
        arxivId = nonNull(arxivId);
        url = nonNull(url);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        key = nonNull(key);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The first author's {@link Author#key}, or empty. */
    public String firstAuthorKey() {
        return authors.isEmpty() ? "" : authors.get(0).key();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s.strip();
    }
}
