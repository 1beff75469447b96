package dev.papernotes.corpus;

import java.util.function.Consumer;

/**
 * Where a reader puts entries, when the caller also wants to skip what it has read before: each
 * entry comes with a fingerprint of its text, and before parsing an entry the reader asks whether
 * that text is known (re-reading a forty-thousand-entry export after one change parses one entry,
 * not forty thousand). Readers handed a plain {@link Consumer} parse everything.
 */
public interface EntrySink extends Consumer<CorpusEntry> {
    /** Whether the entry at {@code at} (its handle) had exactly this text when last read. */
    boolean isUnchanged(Occurrence at, long fingerprint);

    /** An entry not parsed again because it is unchanged; {@code at} says where it is now. */
    void unchanged(Occurrence at, long fingerprint);

    /**
     * As {@link #unchanged(Occurrence, long)}, from a reader that gives {@link AbstractSpan}s:
     * {@code start} is the byte offset the entry (and its span) starts at now.
     */
    default void unchanged(Occurrence at, long fingerprint, long start) {
        unchanged(at, fingerprint);
    }

    /** An entry read, with the fingerprint of its text (0 when the reader has none). */
    void accept(CorpusEntry entry, long fingerprint);

    @Override
    default void accept(CorpusEntry entry) {
        accept(entry, 0);
    }

    /** The fingerprint of an entry's text: a 64-bit hash, never 0. */
    static long fingerprint(CharSequence text, long salt) {
        long h = 0xcbf29ce484222325L ^ salt;
        if (text instanceof String s) {
            // One copy, then plain array reads: the same hash, cheaper than charAt on every character.
            for (char c : s.toCharArray()) {
                h ^= c;
                h *= 0x100000001b3L;
            }
        } else {
            for (int i = 0; i < text.length(); i++) {
                h ^= text.charAt(i);
                h *= 0x100000001b3L;
            }
        }
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
