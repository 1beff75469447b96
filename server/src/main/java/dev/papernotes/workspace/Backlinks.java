package dev.papernotes.workspace;

import dev.papernotes.names.NameKeys;
import dev.papernotes.notes.NoteModel.Link;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which notes have a link whose target ends in a given name: the notes a rename or a "who links
 * here" has to read, instead of every note of the workspace. Kept lazily: an edit only marks its
 * note dirty (cheap, on the thread that took the edit); the next question re-reads the dirty notes'
 * links, from the parse the note has anyway.
 */
final class Backlinks {
    private final Map<String, Set<String>> sourcesByKey = new HashMap<>();
    private final Map<String, Set<String>> keysBySource = new HashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();

    /** The key under which a link target is filed: its last path segment without {@code .md}, loosely. */
    static String key(String target) {
        String t = target.replace('\\', '/');
        int slash = t.lastIndexOf('/');
        return NameKeys.spaced(NoteWorkspace.stem(slash >= 0 ? t.substring(slash + 1) : t));
    }

    void changed(String uri) {
        dirty.add(uri);
    }

    void clear() {
        synchronized (this) {
            sourcesByKey.clear();
            keysBySource.clear();
        }
    }

    /**
     * Notes with a link filed under any of {@code keys}; a superset of the notes that link to the
     * note those keys name (callers resolve each link to be sure).
     *
     * @param linkable the linkable note under a canonical uri, or null if there is none now
     */
    synchronized Set<String> sources(Set<String> keys, Function<String, NoteDocument> linkable) {
        refresh(linkable);
        Set<String> out = new HashSet<>();
        for (String k : keys) {
            Set<String> s = sourcesByKey.get(k);
            if (s != null) {
                out.addAll(s);
            }
        }
        return out;
    }

    private void refresh(Function<String, NoteDocument> linkable) {
        if (dirty.isEmpty()) {
            return;
        }
        for (String uri : Set.copyOf(dirty)) {
            dirty.remove(uri);
            Set<String> old = keysBySource.remove(uri);
            if (old != null) {
                for (String k : old) {
                    Set<String> s = sourcesByKey.get(k);
                    if (s != null) {
                        s.remove(uri);
                        if (s.isEmpty()) {
                            sourcesByKey.remove(k);
                        }
                    }
                }
            }
            NoteDocument d = linkable.apply(uri);
            if (d == null) {
                continue;
            }
            Set<String> keys = new HashSet<>();
            for (Link l : d.model().links()) {
                if (!l.target().isEmpty()) {
                    keys.add(key(l.target()));
                }
            }
            keysBySource.put(uri, keys);
            for (String k : keys) {
                sourcesByKey.computeIfAbsent(k, x -> new HashSet<>()).add(uri);
            }
        }
    }
}
