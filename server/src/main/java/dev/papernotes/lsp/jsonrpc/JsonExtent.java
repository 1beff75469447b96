package dev.papernotes.lsp.jsonrpc;

/**
 * Follows the structure of one JSON value byte by byte (strings, escapes, nesting depth) to tell
 * where it ends, without parsing or storing it. This is what lets a body with a wrong
 * Content-Length be cut at the right place: a byte that cannot continue a JSON value (an
 * upper-case letter outside a string, a raw line break inside one) means the next frame has
 * begun. It is not a validator; Gson still judges the body.
 */
final class JsonExtent {
    enum Step {
        /** The byte belongs to the value (or to whitespace after it); keep going. */
        MORE,
        /** The byte completed the value. */
        END,
        /** The byte cannot belong to the value; the value (if any) ended before it. */
        INVALID
    }

    private int depth;
    private boolean started;
    private boolean inString;
    private boolean escape;
    private boolean inScalar;
    private boolean done;

    Step feed(int b) {
        if (done) {
            return isWhitespace(b) ? Step.MORE : Step.INVALID;
        }
        if (inString) {
            return inString(b);
        }
        if (inScalar) {
            if (isScalarByte(b)) {
                return Step.MORE;
            }
            inScalar = false;
            if (depth == 0) {
                // A bare top-level number or literal ends at the first byte that is not part of it.
                done = true;
                return isWhitespace(b) ? Step.END : Step.INVALID;
            }
        }
        if (isWhitespace(b)) {
            return Step.MORE;
        }
        switch (b) {
            case '{':
            case '[':
                depth++;
                started = true;
                return Step.MORE;
            case '}':
            case ']':
                if (depth == 0) {
                    return Step.INVALID;
                }
                depth--;
                if (depth == 0) {
                    done = true;
                    return Step.END;
                }
                return Step.MORE;
            case '"':
                inString = true;
                started = true;
                return Step.MORE;
            case ',':
            case ':':
                return depth > 0 ? Step.MORE : Step.INVALID;
            default:
                if (isScalarByte(b)) {
                    inScalar = true;
                    started = true;
                    return Step.MORE;
                }
                return Step.INVALID;
        }
    }

    /** Whether a whole value has been seen (a top-level number may still be open at the end). */
    boolean complete() {
        return done || (inScalar && depth == 0);
    }

    boolean started() {
        return started;
    }

    private Step inString(int b) {
        if (escape) {
            escape = false;
            return isEscapable(b) ? Step.MORE : Step.INVALID;
        }
        if (b == '\\') {
            escape = true;
            return Step.MORE;
        }
        if (b == '"') {
            inString = false;
            if (depth == 0) {
                done = true;
                return Step.END;
            }
            return Step.MORE;
        }
        // JSON strings cannot hold raw line breaks; one here means the body was cut and a new
        // header line follows. (Tabs and other control bytes are tolerated, as Gson does.)
        return b == '\r' || b == '\n' ? Step.INVALID : Step.MORE;
    }

    private static boolean isWhitespace(int b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static boolean isEscapable(int b) {
        return b == '"' || b == '\\' || b == '/' || b == 'b' || b == 'f' || b == 'n' || b == 'r'
                || b == 't' || b == 'u';
    }

    /** Bytes of numbers and of true, false, null; nothing of "Content-Length" qualifies. */
    private static boolean isScalarByte(int b) {
        return (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E'
                || b == 't' || b == 'r' || b == 'u' || b == 'f' || b == 'a' || b == 'l' || b == 's'
                || b == 'n';
    }
}
