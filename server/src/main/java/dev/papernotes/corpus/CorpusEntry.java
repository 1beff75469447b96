package dev.papernotes.corpus;

/**
 * A title with its abstract as read from one place in one file. Several entries can be the
 * same paper; {@link PaperKey} decides which.
 *
 * @param abstractText the abstract, empty when the page had none for this title
 */
public record CorpusEntry(String title, String abstractText, Occurrence occurrence) {
}
