package dev.papernotes.index;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exact lookups remembered for one index snapshot. A note is analysed again after every edit, and
 * nearly all of its links, citations and mentions are the ones it had a keystroke ago: their
 * answers cost a hash lookup instead of a walk over every segment's terms. The snapshot never
 * changes, so nothing here goes stale; a newer snapshot starts empty.
 */
final class LookupCache {
    /** A few notes' worth of distinct names; entries are a key and a short list of ids. */
    private static final int ENTRIES = 8192;
    private static final Object NONE = new Object();

    interface Lookup<T> {
        T find() throws IOException;
    }

    private final Map<String, Object> entries;

    LookupCache() {
        this(ENTRIES);
    }

    /** At most {@code capacity} answers, the least recently asked dropped first. */
    LookupCache(int capacity) {
        entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @SuppressWarnings("unchecked")
    <T> T get(String key, Lookup<T> lookup) throws IOException {
        Object v;
        synchronized (entries) {
            v = entries.get(key);
        }
        if (v == null) {
            T found = lookup.find();
            synchronized (entries) {
                entries.put(key, found == null ? NONE : found);
            }
            return found;
        }
        return v == NONE ? null : (T) v;
    }
}
