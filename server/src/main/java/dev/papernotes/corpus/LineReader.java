package dev.papernotes.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines from a byte stream one at a time, so a corpus file never has to fit in memory.
 * Lines end in {@code \n}, {@code \r\n} or a bare {@code \r}, as editors count them. Invalid
 * UTF-8 is replaced (and reported through {@link #lastLineHadInvalidUtf8()}), a leading BOM is
 * dropped, and a line longer than {@code maxLineBytes} is cut there (reported too) rather than
 * buffered whole.
 */
final class LineReader implements AutoCloseable {
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf;
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private int lineLength;
    /** The stream offset of {@code buf[0]}. */
    private long bufStart;
    private long lineStart;
    private long lineEnd;
    private int lineNumber;
    private boolean firstLine = true;
    private boolean invalidUtf8;
    private boolean truncated;
    private boolean sawNul;
    private boolean eof;
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharsetDecoder lenient = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);

    LineReader(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, 1 << 16);
    }

    /** With a read buffer of {@code bufferBytes}: a few lines already in memory need no 64 KB one. */
    LineReader(InputStream in, int maxLineBytes, int bufferBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.buf = new byte[Math.max(1, bufferBytes)];
    }

    /** The next line without its terminator, or null at the end of the stream. */
    String readLine() throws IOException {
        if (eof) {
            return null;
        }
        lineLength = 0;
        truncated = false;
        boolean any = false;
        lineStart = bufStart + pos;
        while (true) {
            if (pos == limit && !fill()) {
                eof = true;
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            // Scans the buffer for the end of the line and copies the run at once.
            byte[] b = buf;
            int end = pos;
            while (end < limit && b[end] != '\n' && b[end] != '\r') {
                end++;
            }
            append(pos, end);
            lineEnd = bufStart + end;
            if (end == limit) {
                pos = limit;
                continue;
            }
            pos = end + 1;
            if (b[end] == '\r') {
                if (pos == limit && !fill()) {
                    eof = true;
                } else if (buf[pos] == '\n') {
                    pos++;
                }
            }
            break;
        }
        lineNumber++;
        return decode();
    }

    /** The byte offset in the stream where the text of the line last returned starts (after a BOM). */
    long lineStart() {
        return lineStart;
    }

    /** The byte offset in the stream where the line last returned ends, before its terminator. */
    long lineEnd() {
        return lineEnd;
    }

    /** 1-based number of the line last returned. */
    int lineNumber() {
        return lineNumber;
    }

    boolean lastLineHadInvalidUtf8() {
        return invalidUtf8;
    }

    boolean lastLineWasTruncated() {
        return truncated;
    }

    /** True when the last line held a NUL byte, the mark of a binary file. */
    boolean lastLineHadNul() {
        return sawNul;
    }

    /** Appends {@code buf[from, to)} to the line, up to {@code maxLineBytes}. */
    private void append(int from, int to) {
        int n = to - from;
        if (n > maxLineBytes - lineLength) {
            truncated = true;
            n = maxLineBytes - lineLength;
        }
        if (n <= 0) {
            return;
        }
        if (lineLength + n > line.length) {
            int size = Math.min(maxLineBytes, Math.max(line.length * 2, lineLength + n));
            line = java.util.Arrays.copyOf(line, size);
        }
        System.arraycopy(buf, from, line, lineLength, n);
        lineLength += n;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        bufStart += limit;
        pos = 0;
        limit = n;
        return true;
    }

    private String decode() {
        int start = 0;
        if (firstLine) {
            firstLine = false;
            if (lineLength >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
                start = 3;
                lineStart += 3;
            }
        }
        sawNul = false;
        boolean ascii = true;
        for (int i = start; i < lineLength; i++) {
            byte c = line[i];
            if (c <= 0) {
                sawNul |= c == 0;
                ascii &= c == 0;
            }
        }
        invalidUtf8 = false;
        if (ascii) {
            // Most lines: ASCII reads the same in Latin-1, which makes a compact string in one copy.
            return new String(line, start, lineLength - start, StandardCharsets.ISO_8859_1);
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, start, lineLength - start);
        try {
            return strict.reset().decode(bytes).toString();
        } catch (CharacterCodingException e) {
            invalidUtf8 = true;
            bytes.rewind();
            bytes.position(start);
            try {
                CharBuffer chars = lenient.reset().decode(bytes);
                return chars.toString();
            } catch (CharacterCodingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
