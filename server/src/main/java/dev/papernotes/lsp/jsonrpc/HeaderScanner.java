package dev.papernotes.lsp.jsonrpc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds where the next frame begins: the next {@code Content-Length:} or {@code Content-Type:}
 * (any letter case), wherever it stands. Whitespace on the way is normal between frames; any
 * other byte is garbage, counted and sampled so the caller can report it (and, if it is a whole
 * message that lost its header, answer it).
 */
final class HeaderScanner {
    private static final byte[][] NAMES = {
        (HeaderParser.CONTENT_LENGTH + ":").getBytes(StandardCharsets.US_ASCII),
        (HeaderParser.CONTENT_TYPE + ":").getBytes(StandardCharsets.US_ASCII),
    };
    private static final int LONGEST = Math.max(NAMES[0].length, NAMES[1].length);

    /**
     * Where the scan stopped and what it stepped over. {@code headerName} is null at the end of
     * the input, or when {@code jsonEnded}: the garbage ended with a whole JSON object (a message
     * that lost its header), reported at once rather than when the next header arrives.
     */
    record Result(String headerName, long garbageBytes, byte[] sample, int sampleLength, boolean jsonEnded) {
        boolean atEnd() {
            return headerName == null && !jsonEnded;
        }
    }

    private final ByteSource src;
    private final int sampleLimit;
    private final byte[] candidate = new byte[LONGEST];

    HeaderScanner(ByteSource src, int sampleLimit) {
        this.src = src;
        this.sampleLimit = sampleLimit;
    }

    Result next() throws IOException {
        long garbage = 0;
        byte[] sample = null;
        int sampleLength = 0;
        // A JSON object being followed inside the garbage: the client that sent it waits for an
        // answer and will send nothing more, so its end must be noticed as it arrives.
        JsonExtent object = null;
        while (true) {
            int b = src.read();
            if (b < 0) {
                return new Result(null, garbage, sample, sampleLength, false);
            }
            if (lower(b) == 'c') {
                String name = matchName(b);
                if (name != null) {
                    return new Result(name, garbage, sample, sampleLength, false);
                }
            }
            boolean space = b == ' ' || b == '\t' || b == '\r' || b == '\n';
            if (!space) {
                garbage++;
            }
            // Sample from the first garbage byte on, whitespace included, to keep any JSON intact.
            if (garbage > 0 && sampleLength < sampleLimit) {
                if (sample == null) {
                    sample = new byte[Math.min(sampleLimit, 1024)];
                } else if (sampleLength == sample.length) {
                    sample = Arrays.copyOf(sample, Math.min(sampleLimit, sample.length * 2));
                }
                sample[sampleLength++] = (byte) b;
            }
            if (object != null) {
                JsonExtent.Step step = object.feed(b);
                if (step == JsonExtent.Step.END) {
                    return new Result(null, garbage, sample, sampleLength, true);
                }
                if (step == JsonExtent.Step.INVALID) {
                    object = null;
                }
            }
            if (object == null && b == '{') {
                object = new JsonExtent();
                object.feed(b);
            }
        }
    }

    /**
     * Reads on while the bytes after {@code first} still spell one of the header names; on a
     * mismatch hands them back (the first byte stays consumed, so the scan always advances).
     */
    private String matchName(int first) throws IOException {
        candidate[0] = (byte) first;
        int n = 1;
        boolean[] alive = {true, true};
        while (true) {
            for (int k = 0; k < NAMES.length; k++) {
                if (alive[k] && n == NAMES[k].length) {
                    return new String(NAMES[k], 0, n - 1, StandardCharsets.US_ASCII);
                }
            }
            int b = src.read();
            if (b < 0) {
                src.unread(candidate, 1, n - 1);
                return null;
            }
            candidate[n] = (byte) b;
            boolean any = false;
            for (int k = 0; k < NAMES.length; k++) {
                alive[k] = alive[k] && n < NAMES[k].length && lower(b) == NAMES[k][n];
                any |= alive[k];
            }
            n++;
            if (!any) {
                src.unread(candidate, 1, n - 1);
                return null;
            }
        }
    }

    private static int lower(int b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }
}
