package dev.papernotes.corpus;

/**
 * A paper as read from one place in one file: a daily page's title and abstract, or a library
 * entry with its metadata. Several entries can be the same paper; {@link PaperKey} decides which.
 *
 * @param abstractText the abstract, empty when the source had none
 * @param metadata     authors, year, venue, identifiers and key; {@link PaperMetadata#NONE} for pages
 * @param abstractSpan where the abstract's bytes are in the file, when the reader can say (null
 *                     otherwise): not part of what the entry says, so not part of its equality
 */
public record CorpusEntry(String title, String abstractText, Occurrence occurrence, PaperMetadata metadata,
        AbstractSpan abstractSpan) {
    public CorpusEntry {
        metadata = metadata == null ? PaperMetadata.NONE : metadata;
        if (abstractText == null || abstractText.isEmpty()) {
            abstractSpan = null;
        }
    }

    public CorpusEntry(String title, String abstractText, Occurrence occurrence, PaperMetadata metadata) {
        this(title, abstractText, occurrence, metadata, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorpusEntry e && title.equals(e.title) && abstractText.equals(e.abstractText)
                && occurrence.equals(e.occurrence) && metadata.equals(e.metadata);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(title, abstractText, occurrence, metadata);
    }

    /** A daily-page entry: title and abstract only. */
    public CorpusEntry(String title, String abstractText, Occurrence occurrence) {
        this(title, abstractText, occurrence, PaperMetadata.NONE);
    }
}
