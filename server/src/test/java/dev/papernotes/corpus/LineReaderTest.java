package dev.papernotes.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lines, their flags and their numbers against a plain reference, on random bytes read in random pieces. */
class LineReaderTest {
    private static final byte[][] PIECES = {"a".getBytes(StandardCharsets.UTF_8),
        "Zeta ".getBytes(StandardCharsets.UTF_8),
        "\n".getBytes(StandardCharsets.UTF_8), "\r".getBytes(StandardCharsets.UTF_8),
        "\r\n".getBytes(StandardCharsets.UTF_8), "ü".getBytes(StandardCharsets.UTF_8),
        "𝔸".getBytes(StandardCharsets.UTF_8), "中文".getBytes(StandardCharsets.UTF_8), {(byte) 0xC3},
        {(byte) 0xFF}, {0}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "@article{k,".getBytes(StandardCharsets.UTF_8)};

    private record Line(int number, String text, boolean invalid, boolean nul, boolean truncated) {
    }

    @Test
    void readsWhatAPlainSplitReads() throws IOException {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int pieces = random.nextInt(round % 20 == 0 ? 20_000 : 60);
            for (int i = 0; i < pieces; i++) {
                out.writeBytes(PIECES[random.nextInt(PIECES.length)]);
            }
            byte[] data = out.toByteArray();
            int max = 8 + random.nextInt(round % 3 == 0 ? 100_000 : 40);
            assertEquals(reference(data, max), read(data, max, random), "round " + round);
        }
    }

    /** Gives at most a few bytes per read, so line ends fall on every side of a refill. */
    private static List<Line> read(byte[] data, int max, Random random) throws IOException {
        int step = 1 + random.nextInt(random.nextBoolean() ? 7 : 70_000);
        InputStream in = new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
        List<Line> lines = new ArrayList<>();
        LineReader r = new LineReader(in, max);
        for (String l = r.readLine(); l != null; l = r.readLine()) {
            lines.add(new Line(r.lineNumber(), l, r.lastLineHadInvalidUtf8(), r.lastLineHadNul(),
                    r.lastLineWasTruncated()));
        }
        return lines;
    }

    private static List<Line> reference(byte[] data, int max) {
        List<Line> lines = new ArrayList<>();
        int i = 0;
        while (i < data.length) {
            int j = i;
            while (j < data.length && data[j] != '\n' && data[j] != '\r') {
                j++;
            }
            byte[] bytes = Arrays.copyOfRange(data, i, Math.min(j, i + max));
            if (lines.isEmpty() && bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                    && (bytes[2] & 0xff) == 0xBF) {
                bytes = Arrays.copyOfRange(bytes, 3, bytes.length);
            }
            boolean nul = false;
            for (byte b : bytes) {
                nul |= b == 0;
            }
            boolean invalid = false;
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                invalid = true;
            }
            lines.add(new Line(lines.size() + 1, new String(bytes, StandardCharsets.UTF_8), invalid, nul, j - i > max));
            i = j < data.length && data[j] == '\r' && j + 1 < data.length && data[j + 1] == '\n' ? j + 2 : j + 1;
        }
        return lines;
    }
}
