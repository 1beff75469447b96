package dev.papernotes.corpus;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;

/** The end of a file as text: how a reader tells a whole file from one still being written. */
final class FileTail {
    private FileTail() {
    }

    /** The last {@code maxBytes} bytes of {@code raf} (all of it when shorter), decoded as UTF-8. */
    static String of(RandomAccessFile raf, int maxBytes) throws IOException {
        long size = raf.length();
        int n = (int) Math.min(size, maxBytes);
        byte[] tail = new byte[n];
        raf.seek(size - n);
        raf.readFully(tail);
        return new String(tail, StandardCharsets.UTF_8);
    }
}
