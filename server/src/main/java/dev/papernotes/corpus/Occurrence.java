package dev.papernotes.corpus;

import java.nio.file.Path;

/**
 * One appearance of a paper on a daily-papers page.
 *
 * @param file the corpus file, absolute and normalized
 * @param line 1-based line of the title in that file
 * @param date the page's date line as written (e.g. {@code Mar 11}), empty when the page has none
 */
public record Occurrence(Path file, int line, String date) {
}
