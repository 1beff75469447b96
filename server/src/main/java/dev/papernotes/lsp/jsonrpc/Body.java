package dev.papernotes.lsp.jsonrpc;

/**
 * What was read for one frame's body.
 *
 * @param bytes    the stored bytes: the whole body, or only its start when it was too large
 * @param length   how many of {@code bytes} are valid
 * @param consumed how many bytes of the stream were taken as this body
 * @param status   whether the body matched its declared length
 * @param bom      the body began with a UTF-8 byte order mark (consumed, not stored)
 */
record Body(byte[] bytes, int length, long consumed, Status status, boolean bom) {

    enum Status {
        /** A JSON value that fills the declared length exactly (give or take trailing whitespace). */
        COMPLETE,
        /** The declared length ran out before the JSON value did. */
        TOO_SHORT,
        /** The JSON value ended, but the declared length claimed more than followed it. */
        TOO_LONG,
        /** A byte that cannot be JSON came before the declared length; the next frame likely starts there. */
        NOT_JSON,
        /** The stream ended inside the body. */
        EOF
    }

    /** Whether every stored byte is whitespace (an empty body is not worth an answer). */
    boolean blank() {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
