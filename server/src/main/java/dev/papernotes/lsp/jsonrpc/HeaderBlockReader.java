package dev.papernotes.lsp.jsonrpc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a frame's header lines, from just after the header name the scanner found up to the
 * blank line. Lines end in {@code \r\n} or a bare {@code \n}. A line that is not a header (say,
 * a body that followed without the blank line) is handed back to the stream and ends the block,
 * so whatever it holds is scanned again rather than lost.
 */
final class HeaderBlockReader {
    static final int MAX_LINE = 1024;
    static final int MAX_LINES = 32;

    /** The outcome: the parsed headers, or why the block was refused. */
    record Result(HeaderParser headers, String problem) {
    }

    private final ByteSource src;
    private final byte[] line = new byte[MAX_LINE];

    HeaderBlockReader(ByteSource src) {
        this.src = src;
    }

    /** @param firstName the (lower-case) name whose colon the scanner has already consumed */
    Result read(String firstName) throws IOException {
        HeaderParser headers = new HeaderParser();
        for (int count = 0; count < MAX_LINES; count++) {
            int n = readLine();
            if (n == EOF) {
                return new Result(headers, "input ended inside a header block");
            }
            if (n == TOO_LONG) {
                src.unread(line, 0, MAX_LINE);
                return new Result(headers, "header line longer than " + MAX_LINE + " bytes");
            }
            String text = text(n);
            if (count > 0 && text.isEmpty()) {
                String problem = headers.problem();
                return new Result(headers, problem);
            }
            boolean wellFormed = count == 0 ? headers.accept(firstName, text) : headers.acceptLine(text);
            if (!wellFormed) {
                // Give the line back with its line end: it may hold the next frame's header.
                src.unread(NEWLINE, 0, 1);
                src.unread(line, 0, n);
                String what = count == 0 ? "invalid Content-Length value '" + abbreviate(text) + "'"
                        : "a line that is not a header (missing blank line after the headers?)";
                return new Result(headers, what);
            }
        }
        return new Result(headers, "more than " + MAX_LINES + " header lines");
    }

    private static final byte[] NEWLINE = {'\n'};
    private static final int EOF = -1;
    private static final int TOO_LONG = -2;

    /** Reads up to the next {@code \n} (dropped) into {@link #line}; returns the byte count. */
    private int readLine() throws IOException {
        int n = 0;
        while (true) {
            int b = src.read();
            if (b < 0) {
                return EOF;
            }
            if (b == '\n') {
                return n;
            }
            if (n == MAX_LINE) {
                src.unread(new byte[] {(byte) b}, 0, 1);
                return TOO_LONG;
            }
            line[n++] = (byte) b;
        }
    }

    /** A short printable rendering of a header line for log messages. */
    private static String abbreviate(String text) {
        StringBuilder clean = new StringBuilder();
        for (char c : text.strip().toCharArray()) {
            if (clean.length() >= 40) {
                clean.append("...");
                break;
            }
            // Bytes a person cannot see are shown as \xNN: a NUL in a header must be visible.
            clean.append(c >= 0x20 && c <= 0x7e ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return clean.toString();
    }

    /** The line as text without carriage returns; header bytes are ASCII, Latin-1 keeps any others. */
    private String text(int n) {
        return new String(line, 0, n, StandardCharsets.ISO_8859_1).replace("\r", "");
    }
}
