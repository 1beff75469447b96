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
        return decode(bytes.bytes, bytes.offset, bytes.length);
    }

    /**
     * Decodes the fields where they are in {@code bytes}, without a string of the whole header and
     * its split: a completion list decodes fifty, each keystroke.
     */
    static PaperHeader decode(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int[] starts = new int[12];
        int[] ends = new int[12];
        int field = 0;
        starts[0] = offset;
        for (int i = offset; i < end && field < 11; i++) {
            if (bytes[i] == SEP) {
                ends[field++] = i;
                starts[field] = i + 1;
            }
        }
        if (field < 11) {
            throw new IllegalArgumentException("a paper header of " + (field + 1) + " fields, not 12");
        }
        ends[11] = end;
        return new PaperHeader(text(bytes, starts[0], ends[0]), text(bytes, starts[1], ends[1]),
                names(bytes, starts[3], ends[3]), text(bytes, starts[2], ends[2]),
                Path.of(text(bytes, starts[11], ends[11])), number(bytes, starts[4], ends[4]),
                text(bytes, starts[5], ends[5]), ends[6] - starts[6] == 1 && bytes[starts[6]] == '1',
                text(bytes, starts[7], ends[7]), text(bytes, starts[8], ends[8]), number(bytes, starts[9], ends[9]),
                text(bytes, starts[10], ends[10]));
    }

    private static String text(byte[] bytes, int from, int to) {
        return from == to ? "" : new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    /** The method names, as {@code String.split} on the name separator gave them (trailing empties dropped). */
    private static List<String> names(byte[] bytes, int from, int to) {
        while (to > from && bytes[to - 1] == NAME_SEP) {
            to--;
        }
        if (from == to) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || bytes[i] == NAME_SEP) {
                out.add(text(bytes, start, i));
                start = i + 1;
            }
        }
        return List.copyOf(out);
    }

    private static int number(byte[] bytes, int from, int to) {
        if (from == to || to - from > 9) {
            return Integer.parseInt(text(bytes, from, to)); // throws as before, or reads a sign
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return Integer.parseInt(text(bytes, from, to));
            }
            n = n * 10 + digit;
        }
        return n;
    }
}
