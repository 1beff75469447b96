package dev.papernotes.index;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The caches of answers an edit asks again (lookups, analyzed texts, a note's linked papers): a
 * synchronized map that keeps the most recently used entries and drops the least recently used.
 */
public final class RecentMap {
    private RecentMap() {
    }

    /** A map that keeps at most {@code entries} entries, the least recently used dropped first. */
    public static <K, V> Map<K, V> of(int entries) {
        return Collections.synchronizedMap(new LinkedHashMap<>(Math.min(entries, 256), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > entries;
            }
        });
    }
}
