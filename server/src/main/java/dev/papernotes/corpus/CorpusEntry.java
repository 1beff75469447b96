package dev.papernotes.corpus;

/**
 * A paper as read from one place in one file: a daily page's title and abstract, or a library
 * entry with its metadata. Several entries can be the same paper; {@link PaperKey} decides which.
 *
 * @param abstractText the abstract, empty when the source had none
 * @param metadata     authors, year, venue, identifiers and key; {@link PaperMetadata#NONE} for pages
 */
public record CorpusEntry(String title, String abstractText, Occurrence occurrence, PaperMetadata metadata) {
    public CorpusEntry {
        metadata = metadata == null ? PaperMetadata.NONE : metadata;
    }

    /** A daily-page entry: title and abstract only. */
    public CorpusEntry(String title, String abstractText, Occurrence occurrence) {
        this(title, abstractText, occurrence, PaperMetadata.NONE);
    }
}
