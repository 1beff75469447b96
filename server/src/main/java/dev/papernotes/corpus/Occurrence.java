package dev.papernotes.corpus;

import java.nio.file.Path;

/**
 * One appearance of a paper in a corpus file.
 *
 * @param file   the corpus file, absolute and normalized
 * @param line   1-based line of the title on a page, of the entry's start in a library file
 * @param date   the page's date line as written (e.g. {@code Mar 11}), empty elsewhere
 * @param handle what names the entry within its file, stable when other entries move: the citekey
 *               of a BibTeX entry, the id of a CSL item, the arXiv id of a JSON line; empty on pages
 */
public record Occurrence(Path file, int line, String date, String handle) {
    public Occurrence {
        date = date == null ? "" : date;
        handle = handle == null ? "" : handle;
    }

    public Occurrence(Path file, int line, String date) {
        this(file, line, date, "");
    }

    public Occurrence withLine(int newLine) {
        return newLine == line ? this : new Occurrence(file, newLine, date, handle);
    }
}
