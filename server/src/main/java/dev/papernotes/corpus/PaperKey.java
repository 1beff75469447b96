package dev.papernotes.corpus;

import dev.papernotes.names.LatexText;
import dev.papernotes.names.NameKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Decides when two entries are the same paper: the same DOI, the same arXiv id, or titles that
 * agree once LaTeX, case and punctuation spacing are forgiven ({@code LEOPARD : A ...} is
 * {@code LEOPARD: A ...}) — unless both name a first author and the two differ (LeCun's
 * <i>Deep Learning</i> is not Goodfellow's). The id is a hash of the title key (and of the first
 * author, when known), so it stays the same when other papers come and go.
 */
public final class PaperKey {
    private PaperKey() {
    }

    /** The id of a page paper: the hash of its title key. */
    public static String idOf(String title) {
        return hash(titleKey(title));
    }

    /** The id of a paper with this title key and first-author key (empty when unknown). */
    public static String idOf(String titleKey, String authorKey) {
        return hash(authorKey == null || authorKey.isEmpty() ? titleKey : titleKey + "\u0000" + authorKey);
    }

    /** Titles compared without LaTeX, case or punctuation spacing. */
    public static String titleKey(String title) {
        return NameKeys.spaced(LatexText.clean(title == null ? "" : title));
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
