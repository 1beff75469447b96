package dev.papernotes.lsp.jsonrpc;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns the input bytes into {@link FrameEvent}s: scan to a header, read the header block, read
 * the body. Every call consumes at least one byte or reports the end, so a reader built on it
 * cannot spin, and every failure leaves the stream at a point from which scanning finds the next
 * frame.
 */
final class FrameReader {
    /** How much of a refused or unframed message is kept to recover its id from. */
    static final int SAMPLE_LIMIT = 64 * 1024;

    private final HeaderScanner scanner;
    private final HeaderBlockReader headerReader;
    private final BodyReader bodyReader;
    private final long maxContentLength;
    // A header name the scanner found while reporting garbage; the block is read on the next call.
    private String pendingHeader;

    FrameReader(InputStream in, long maxContentLength) {
        ByteSource src = new ByteSource(in);
        this.scanner = new HeaderScanner(src, SAMPLE_LIMIT);
        this.headerReader = new HeaderBlockReader(src);
        this.bodyReader = new BodyReader(src);
        this.maxContentLength = maxContentLength;
    }

    FrameEvent next() throws IOException {
        String name = pendingHeader;
        pendingHeader = null;
        if (name == null) {
            HeaderScanner.Result scan = scanner.next();
            if (scan.garbageBytes() > 0) {
                pendingHeader = scan.headerName();
                return new FrameEvent.Skipped(scan.garbageBytes(), scan.sample(), scan.sampleLength());
            }
            if (scan.atEnd()) {
                return new FrameEvent.End();
            }
            name = scan.headerName();
        }
        HeaderBlockReader.Result block = headerReader.read(name);
        if (block.problem() != null) {
            return new FrameEvent.BadHeader(block.problem());
        }
        HeaderParser headers = block.headers();
        long declared = headers.contentLength();
        // The declared length is untrusted: it only decides how much may be stored, never how
        // much is allocated up front.
        boolean oversized = declared > maxContentLength;
        Body body = bodyReader.read(declared, oversized ? SAMPLE_LIMIT : declared);
        String charsetProblem = headers.charsetProblem();
        return new FrameEvent.Frame(declared, charsetProblem == null ? headers.charset() : null,
                charsetProblem, oversized, body);
    }
}
