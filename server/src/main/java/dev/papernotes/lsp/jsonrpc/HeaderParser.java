package dev.papernotes.lsp.jsonrpc;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Collects the header lines of one frame: {@code Content-Length} and {@code Content-Type} in any
 * order and any letter case; other headers are ignored. Distinguishes a line that is not a header
 * at all (the caller gives it back to the stream, it may hold the next frame) from a header that
 * is merely wrong (consumed, and the frame refused).
 */
final class HeaderParser {
    static final String CONTENT_LENGTH = "content-length";
    static final String CONTENT_TYPE = "content-type";

    // The bytes a JSON-RPC body is made of must mean the same in the declared charset as in ASCII,
    // or the byte-level framing (and JsonExtent) could not work.
    private static final String ASCII_PROBE = "{}[]\":,\\ -+.0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private long contentLength = -1;
    private Charset charset = StandardCharsets.UTF_8;
    private String charsetProblem;
    private String problem;

    /**
     * Takes one header line already split at its first colon.
     *
     * @return false when the line is not a well-formed header and must be handed back
     */
    boolean accept(String name, String value) {
        if (!isToken(name)) {
            return false;
        }
        String key = name.toLowerCase(Locale.ROOT);
        String v = value.strip();
        if (key.equals(CONTENT_LENGTH)) {
            return acceptLength(v);
        }
        if (key.equals(CONTENT_TYPE)) {
            acceptType(v);
        }
        return true;
    }

    /** Splits {@code name: value}; returns false for a line without a colon or with a bad name. */
    boolean acceptLine(String line) {
        int colon = line.indexOf(':');
        return colon > 0 && accept(line.substring(0, colon), line.substring(colon + 1));
    }

    /** The declared length, -1 if none; {@link Long#MAX_VALUE} for numbers too large for a long. */
    long contentLength() {
        return contentLength;
    }

    /** The body charset; meaningful only when {@link #charsetProblem()} is null. */
    Charset charset() {
        return charset;
    }

    String charsetProblem() {
        return charsetProblem;
    }

    /** Why the frame cannot be delimited, or null. */
    String problem() {
        if (problem == null && contentLength < 0) {
            return "no Content-Length header";
        }
        return problem;
    }

    private boolean acceptLength(String v) {
        if (v.isEmpty() || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        String digits = v.replaceFirst("^0+(?=.)", "");
        long parsed = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (contentLength >= 0 && contentLength != parsed && problem == null) {
            problem = "conflicting Content-Length headers (" + contentLength + " and " + v + ")";
        }
        contentLength = parsed;
        return true;
    }

    private void acceptType(String v) {
        for (String param : v.split(";")) {
            int eq = param.indexOf('=');
            if (eq < 0 || !param.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                continue;
            }
            String name = param.substring(eq + 1).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            // The LSP spec asks servers to accept "utf8" as a synonym for utf-8.
            if (name.equalsIgnoreCase("utf8")) {
                name = "UTF-8";
            }
            Charset cs = lookup(name);
            if (cs == null) {
                charsetProblem = "unsupported charset '" + name + "'";
            } else {
                charset = cs;
                charsetProblem = null;
            }
        }
    }

    private static Charset lookup(String name) {
        try {
            Charset cs = Charset.forName(name);
            if (!cs.canEncode()) {
                return null;
            }
            byte[] probe = ASCII_PROBE.getBytes(cs);
            return Arrays.equals(probe, ASCII_PROBE.getBytes(StandardCharsets.US_ASCII)) ? cs : null;
        } catch (IllegalArgumentException e) {
            // Illegal or unsupported charset name.
            return null;
        }
    }

    /** RFC 7230 token characters; a JSON fragment like {"id" is not a header name. */
    private static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
