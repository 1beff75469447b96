package dev.papernotes.index;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.BytesRef;

/**
 * The part of a paper a list needs (completion, symbols): no abstract, only the first
 * occurrence, and the byline that tells same-titled papers apart. Kept in a doc-values field of its
 * own, so a list of fifty costs fifty small random reads instead of fifty stored-field blocks full
 * of abstracts.
 *
 * @param firstFile   the file of the first occurrence (corpus order)
 * @param firstLine   its 1-based line
 * @param firstAuthor the first author's family name, or empty
 * @param moreAuthors whether there are authors after the first
 * @param sources     how many occurrences the paper has
 * @param firstHandle the first occurrence's handle in its file (library entries), or empty
 */
public record PaperHeader(String id, String title, List<String> methods, String citekey, Path firstFile,
        int firstLine, String firstAuthor, boolean moreAuthors, String year, String venue, int sources,
        String firstHandle) {
    private static final char SEP = '\u0000';
    private static final char NAME_SEP = '\u001f';

    /** A header of a paper known only by title (tests, old callers). */
    public PaperHeader(String id, String title, List<String> methods, String citekey, Path firstFile, int firstLine) {
        this(id, title, methods, citekey, firstFile, firstLine, "", false, "", "", 1, "");
    }

    public String label() {
        if (!methods.isEmpty()) {
            return methods.get(0);
        }
        int colon = title.indexOf(':');
        return colon > 0 ? title.substring(0, colon).strip() : title;
    }

    /** {@code Vaswani et al. 2017, NeurIPS}, or empty for a paper without library metadata. */
    public String byline() {
        return Bylines.of(firstAuthor, moreAuthors, year, venue);
    }

    /** The first author's key ({@link dev.papernotes.corpus.Author#key}), for identity checks. */
    String authorKey() {
        return firstAuthor.isEmpty() ? "" : new dev.papernotes.corpus.Author(firstAuthor, "").key();
    }

    PaperHeader withFirstLine(int line) {
        return line == firstLine ? this : new PaperHeader(id, title, methods, citekey, firstFile, line, firstAuthor,
                moreAuthors, year, venue, sources, firstHandle);
    }

    BytesRef encode() {
        StringBuilder sb = new StringBuilder(title.length() + 96);
        sb.append(id).append(SEP).append(title).append(SEP).append(citekey).append(SEP);
        for (int i = 0; i < methods.size(); i++) {
            if (i > 0) {
                sb.append(NAME_SEP);
            }
            sb.append(methods.get(i));
        }
        sb.append(SEP).append(firstLine).append(SEP).append(firstAuthor).append(SEP).append(moreAuthors ? '1' : '0')
                .append(SEP).append(year).append(SEP).append(venue).append(SEP).append(sources)
                .append(SEP).append(firstHandle).append(SEP).append(firstFile);
        return new BytesRef(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The title alone, without decoding the rest (read once per name at every commit). */
    static String titleOf(BytesRef bytes) {
        int from = -1;
        for (int i = bytes.offset; i < bytes.offset + bytes.length; i++) {
            if (bytes.bytes[i] == SEP) {
                if (from < 0) {
                    from = i + 1;
                } else {
                    return new String(bytes.bytes, from, i - from, StandardCharsets.UTF_8);
                }
            }
        }
        return decode(bytes).title();
    }

    static PaperHeader decode(BytesRef bytes) {
        String s = new String(bytes.bytes, bytes.offset, bytes.length, StandardCharsets.UTF_8);
        String[] f = s.split(String.valueOf(SEP), 12);
        List<String> methods = new ArrayList<>();
        if (!f[3].isEmpty()) {
            for (String m : f[3].split(String.valueOf(NAME_SEP))) {
                methods.add(m);
            }
        }
        return new PaperHeader(f[0], f[1], List.copyOf(methods), f[2], Path.of(f[11]), Integer.parseInt(f[4]),
                f[5], f[6].equals("1"), f[7], f[8], Integer.parseInt(f[9]), f[10]);
    }
}
