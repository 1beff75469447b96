package dev.papernotes.workspace;

import dev.papernotes.notes.NoteChunks;
import dev.papernotes.notes.NoteModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What is worked out from one stretch of a note ({@link NoteChunks}), kept for the next versions:
 * an edit leaves every other stretch's parse as it was (the same object), so only the edited
 * stretch is worked out again. Keyed by identity (a record's equality would compare whole parses);
 * the latest {@code capacity} stretches are kept.
 */
final class StretchMemo<T> {
    private final Map<Key, T> kept;

    StretchMemo(int capacity) {
        this.kept = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, T> eldest) {
                return size() > capacity;
            }
        };
    }

    /** What {@code work} makes of {@code stretch}, remembered. */
    T get(NoteModel stretch, Function<NoteModel, T> work) {
        Key key = new Key(stretch);
        T value;
        synchronized (kept) {
            value = kept.get(key);
        }
        if (value == null) {
            value = work.apply(stretch); // outside the lock: another request may do the same meanwhile
            synchronized (kept) {
                kept.put(key, value);
            }
        }
        return value;
    }

    private record Key(NoteModel model) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.model == model;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(model);
        }
    }
}
