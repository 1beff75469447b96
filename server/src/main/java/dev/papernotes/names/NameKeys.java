package dev.papernotes.names;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The forms under which names and titles are compared. Users type names with varying case and
 * punctuation spacing; these keys make {@code Mini Monkey}, {@code mini-monkey} and
 * {@code Mini-Monkey} meet.
 */
public final class NameKeys {
    private NameKeys() {
    }

    /**
     * Lower case, with every run of characters that are neither letters nor digits turned into one
     * space: {@code "LEOPARD : A Vision"} and {@code "Leopard: a vision"} both give
     * {@code "leopard a vision"}. Word boundaries survive, so prefixes stay meaningful.
     */
    public static String spaced(String s) {
        String n = isAscii(s) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(n.length());
        boolean gap = false;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (gap && sb.length() > 0) {
                    sb.append(' ');
                }
                gap = false;
                sb.appendCodePoint(Character.toLowerCase(cp));
            } else if (Character.getType(cp) != Character.NON_SPACING_MARK) {
                gap = true;
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Letters and digits only, lower case: {@code "Griffon v2"} gives {@code "griffonv2"}. The most
     * forgiving key, used to resolve a wiki link target and to form citekeys.
     */
    public static String compact(String s) {
        String n = isAscii(s) ? s : Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                sb.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** NFKC leaves ASCII as it is: no need to run the normaliser over most names. */
    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
