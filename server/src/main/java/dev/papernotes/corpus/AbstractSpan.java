package dev.papernotes.corpus;

/**
 * Where an entry's abstract is in its file: {@code length} bytes at {@code offset} that
 * {@link CorpusFormat#abstractFrom} turns back into exactly the text the reader gave. An index can
 * then read the abstract from the corpus instead of keeping a second copy of it.
 *
 * <p>For an entry named by a handle (a JSON line), the span starts where the entry starts: an entry
 * that is unchanged but moved ({@link EntrySink#unchanged(Occurrence, long, long)}) moves its span.
 *
 * @param fingerprint {@link EntrySink#fingerprint} of the abstract: bytes that no longer give it mean
 *                    the file changed since it was read
 */
public record AbstractSpan(CorpusFormat format, long offset, int length, long fingerprint) {
    /** No abstract is longer: a span claiming more is damaged. */
    public static final int MAX_BYTES = 16 << 20;

    public AbstractSpan {
        if (offset < 0 || length <= 0 || length > MAX_BYTES) {
            throw new IllegalArgumentException("abstract span " + offset + "+" + length);
        }
    }

    /** The span of {@code text}, read from {@code length} bytes at {@code offset}. */
    public static AbstractSpan of(CorpusFormat format, long offset, int length, String text) {
        return new AbstractSpan(format, offset, length, EntrySink.fingerprint(text, 0));
    }

    /** The abstract these bytes (read at the span) give, or null when they are not the ones read. */
    public String decode(byte[] bytes) {
        String text = format.abstractFrom(bytes);
        return EntrySink.fingerprint(text, 0) == fingerprint ? text : null;
    }

    /** {@code FORMAT,offset,length,fingerprint}: how an index keeps it. */
    public String encode() {
        return format.name() + "," + offset + "," + length + "," + Long.toHexString(fingerprint);
    }

    /** The span {@link #encode} wrote, or null for an empty or damaged value. */
    public static AbstractSpan decode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        String[] parts = stored.split(",", -1);
        if (parts.length != 4) {
            return null;
        }
        try {
            return new AbstractSpan(CorpusFormat.valueOf(parts[0]), Long.parseLong(parts[1]),
                    Integer.parseInt(parts[2]), Long.parseUnsignedLong(parts[3], 16));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
