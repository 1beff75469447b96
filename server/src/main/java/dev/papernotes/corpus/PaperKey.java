package dev.papernotes.corpus;

import dev.papernotes.names.NameKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Decides when two entries are the same paper: their titles agree after case and punctuation
 * spacing are forgiven ({@code LEOPARD : A ...} is {@code LEOPARD: A ...}). The id is a hash of
 * that key, so it stays the same when other papers come and go.
 */
public final class PaperKey {
    private PaperKey() {
    }

    public static String idOf(String title) {
        String key = NameKeys.spaced(title);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
