package dev.papernotes.index;

import org.apache.lucene.util.BytesRef;

/**
 * Headers read lately, by global doc id, as their encoded bytes ({@link BytesRing}). Completion
 * lists of successive keystrokes are mostly the same papers, and a header decoded from here costs
 * less than one read from doc values.
 */
final class HeaderCache {
    /** About 8,000 headers of 250 bytes: what the linked map of objects held before. */
    static final int DEFAULT_BYTES = 2 << 20;

    private final BytesRing ring;

    HeaderCache() {
        this(DEFAULT_BYTES);
    }

    HeaderCache(int capacity) {
        ring = new BytesRing(capacity);
    }

    /** The header of {@code doc} if it is kept, else null. */
    synchronized PaperHeader get(int doc) {
        return ring.get(doc, (bytes, offset, length) -> PaperHeader.decode(bytes, offset, length));
    }

    synchronized void put(int doc, PaperHeader header) {
        BytesRef bytes = header.encode();
        ring.put(doc, bytes.bytes, bytes.offset, bytes.length);
    }
}
