package dev.papernotes.lsp.jsonrpc;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Keeps a numeric request id exactly as the client wrote it. LSP4J reads a numeric id with
 * {@code nextInt()}: an id beyond the int range fails the whole message, and one longer than Gson's
 * 1,024-character buffer is read as a string and answered as one. JSON-RPC allows any number; the
 * answer must carry the same one. So before LSP4J sees a body whose top-level {@code "id"} is such
 * a number, the number is quoted (LSP4J then reads a string), and the parsed message gets the
 * original text back as a number that prints exactly as it came.
 *
 * <p>Works on the body's bytes: the structure of JSON is ASCII, and the header parser only accepts
 * charsets in which ASCII means ASCII.
 */
final class NumericId {
    /** Where the id's number stands in the body, and its text. */
    record Found(int start, int end, String text) {
        /** The id as LSP4J should return it: a number that prints as {@link #text()}. */
        Number number() {
            return new Exact(text);
        }
    }

    /** A JSON number that prints as written (Gson writes a Number by its toString). */
    static final class Exact extends Number {
        private static final long serialVersionUID = 1L;
        private final String text;

        Exact(String text) {
            this.text = text;
        }

        private BigDecimal value() {
            return new BigDecimal(text);
        }

        @Override
        public int intValue() {
            return value().intValue();
        }

        @Override
        public long longValue() {
            return value().longValue();
        }

        @Override
        public float floatValue() {
            return value().floatValue();
        }

        @Override
        public double doubleValue() {
            return value().doubleValue();
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Exact e && e.text.equals(text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }

    private NumericId() {
    }

    /**
     * The top-level {@code "id"} member's value when it is a number LSP4J cannot read as an int;
     * null otherwise (a string id, an int, no id, or a body that is not an object).
     */
    static Found find(byte[] b, int offset, int length) {
        int end = offset + length;
        int i = skipSpace(b, offset, end);
        if (i >= end || b[i] != '{') {
            return null;
        }
        i++;
        while (true) {
            i = skipSpace(b, i, end);
            if (i >= end || b[i] != '"') {
                return null;
            }
            int keyStart = i + 1;
            i = skipString(b, i, end);
            if (i < 0) {
                return null;
            }
            boolean isId = i - 1 - keyStart == 2 && b[keyStart] == 'i' && b[keyStart + 1] == 'd';
            i = skipSpace(b, i, end);
            if (i >= end || b[i] != ':') {
                return null;
            }
            i = skipSpace(b, i + 1, end);
            if (isId) {
                return number(b, i, end);
            }
            i = skipValue(b, i, end);
            if (i < 0) {
                return null;
            }
            i = skipSpace(b, i, end);
            if (i >= end || b[i] != ',') {
                return null;
            }
            i++;
        }
    }

    /** The body with the number at {@code found} in quotes. */
    static byte[] quoted(byte[] b, int length, Found found) {
        byte[] out = new byte[length + 2];
        System.arraycopy(b, 0, out, 0, found.start());
        out[found.start()] = '"';
        System.arraycopy(b, found.start(), out, found.start() + 1, found.end() - found.start());
        out[found.end() + 1] = '"';
        System.arraycopy(b, found.end(), out, found.end() + 2, length - found.end());
        return out;
    }

    private static Found number(byte[] b, int i, int end) {
        int start = i;
        if (i < end && b[i] == '-') {
            i++;
        }
        int digits = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        if (i == digits) {
            return null; // a string, null, or damage: not ours to keep
        }
        if (b[digits] == '0' && i - digits > 1) {
            return null; // leading zeros are not JSON: Gson judges those
        }
        boolean integral = true;
        if (i < end && b[i] == '.') {
            integral = false;
            int f = ++i;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == f) {
                return null;
            }
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            integral = false;
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int e = i;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == e) {
                return null;
            }
        }
        // The number must end where JSON lets it end; anything else is damage for Gson to report.
        int after = skipSpace(b, i, end);
        if (after >= end || (b[after] != ',' && b[after] != '}')) {
            return null;
        }
        String text = new String(Arrays.copyOfRange(b, start, i), java.nio.charset.StandardCharsets.US_ASCII);
        if (integral && fitsInt(text)) {
            return null; // LSP4J reads it exactly
        }
        return new Found(start, i, text);
    }

    /** The number as written: an Integer when LSP4J would read it the same, else one that prints as {@code text}. */
    static Number exact(String text) {
        return fitsInt(text) ? Integer.valueOf(text) : new Exact(text);
    }

    private static boolean fitsInt(String text) {
        if (text.length() > 11) {
            return false;
        }
        try {
            Integer.parseInt(text);
            return !text.equals("-0") && (text.length() == 1 || text.charAt(text.charAt(0) == '-' ? 1 : 0) != '0');
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int skipSpace(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i;
    }

    /** From an opening quote to just past the closing one; -1 if it does not close. */
    private static int skipString(byte[] b, int i, int end) {
        for (i++; i < end; i++) {
            if (b[i] == '\\') {
                i++;
            } else if (b[i] == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    /** Past one value of any kind (nesting counted, strings skipped); -1 if it does not end. */
    private static int skipValue(byte[] b, int i, int end) {
        if (i >= end) {
            return -1;
        }
        if (b[i] == '"') {
            return skipString(b, i, end);
        }
        if (b[i] != '{' && b[i] != '[') {
            while (i < end && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != ' ' && b[i] != '\t'
                    && b[i] != '\r' && b[i] != '\n') {
                i++;
            }
            return i;
        }
        int depth = 0;
        for (; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                i = skipString(b, i, end);
                if (i < 0) {
                    return -1;
                }
                i--;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }
}
