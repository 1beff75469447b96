package dev.papernotes.index;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The hash that tells a corpus file rewritten as it was from one that changed at the same size:
 * CRC-32C and CRC-32 (two polynomials, 64 bits), taken while the file is read. Nobody forges a
 * corpus file against it, so it need not be cryptographic; both CRCs are compiled to a few
 * instructions per 16 bytes by the JIT that the launchers run (C1), where SHA-256 took 3-4 % of a
 * first build's CPU (about 12 s per GB).
 */
final class ContentHash extends FilterInputStream {
    /** Marks the value: a hash recorded by another scheme never equals one of these. */
    private static final String SCHEME = "crc32c+crc32:";

    private final CRC32C castagnoli = new CRC32C();
    private final CRC32 ieee = new CRC32();

    /** Hashes what is read through it. */
    ContentHash(InputStream in) {
        super(in);
    }

    /** The hash of a whole file. */
    static String of(Path file) throws IOException {
        try (ContentHash in = new ContentHash(Files.newInputStream(file))) {
            in.transferTo(OutputStream.nullOutputStream());
            return in.value();
        }
    }

    /** The hash of what has been read so far. */
    String value() {
        return SCHEME + String.format("%08x%08x", castagnoli.getValue(), ieee.getValue());
    }

    /**
     * The hash of the whole file: what its reader left unread (a library reader stops at the
     * closing bracket) is read here, so that it equals {@link #of(Path)} of the same bytes.
     */
    String whole() {
        try {
            transferTo(OutputStream.nullOutputStream());
        } catch (IOException closed) {
            // A reader closed the stream: the hash of what it read, which at worst reads it again.
        }
        return value();
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            castagnoli.update(b);
            ieee.update(b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            castagnoli.update(b, off, n);
            ieee.update(b, off, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must be hashed too: read them.
        byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
        long left = n;
        while (left > 0) {
            int r = read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
