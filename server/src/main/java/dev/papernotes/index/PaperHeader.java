package dev.papernotes.index;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.BytesRef;

/**
 * The part of a paper a list needs (completion, symbols): no abstract, only the first
 * occurrence. Kept in a doc-values field of its own, so a list of fifty costs fifty small random
 * reads instead of fifty stored-field blocks full of abstracts.
 *
 * @param firstFile the file of the first occurrence (corpus order)
 * @param firstLine its 1-based title line
 */
public record PaperHeader(String id, String title, List<String> methods, String citekey, Path firstFile,
        int firstLine) {
    private static final char SEP = '\u0000';
    private static final char NAME_SEP = '\u001f';

    public String label() {
        if (!methods.isEmpty()) {
            return methods.get(0);
        }
        int colon = title.indexOf(':');
        return colon > 0 ? title.substring(0, colon).strip() : title;
    }

    BytesRef encode() {
        StringBuilder sb = new StringBuilder(title.length() + 64);
        sb.append(id).append(SEP).append(title).append(SEP).append(citekey).append(SEP);
        for (int i = 0; i < methods.size(); i++) {
            if (i > 0) {
                sb.append(NAME_SEP);
            }
            sb.append(methods.get(i));
        }
        sb.append(SEP).append(firstLine).append(SEP).append(firstFile);
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
        String[] f = s.split(String.valueOf(SEP), 6);
        List<String> methods = new ArrayList<>();
        if (!f[3].isEmpty()) {
            for (String m : f[3].split(String.valueOf(NAME_SEP))) {
                methods.add(m);
            }
        }
        return new PaperHeader(f[0], f[1], List.copyOf(methods), f[2], Path.of(f[5]), Integer.parseInt(f[4]));
    }
}
