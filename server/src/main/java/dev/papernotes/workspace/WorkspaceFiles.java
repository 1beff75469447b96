package dev.papernotes.workspace;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every file under the workspace folders that a link may point at — notes, images, PDFs, anything
 * — by lower-cased file name. Only names are kept (no reads, no stats), so the index of a vault of
 * tens of thousands of attachments costs a walk of the tree and a few megabytes.
 */
final class WorkspaceFiles {
    private final ConcurrentHashMap<String, Set<Path>> byName = new ConcurrentHashMap<>();
    private final Set<Path> all = ConcurrentHashMap.newKeySet();
    /** Each file's path relative to its workspace folder, lower-cased with {@code /}: computed once, compared per link. */
    private final ConcurrentHashMap<Path, String> relative = new ConcurrentHashMap<>();
    private final java.util.function.Function<Path, String> relativeOf;

    /** @param relativeOf a file's lower-cased path relative to its workspace folder */
    WorkspaceFiles(java.util.function.Function<Path, String> relativeOf) {
        this.relativeOf = relativeOf;
    }

    static String key(String fileName) {
        return fileName.toLowerCase(Locale.ROOT);
    }

    void add(Path file) {
        Path name = file.getFileName();
        if (name != null && all.add(file)) {
            relative.put(file, relativeOf.apply(file));
            byName.computeIfAbsent(key(name.toString()), k -> ConcurrentHashMap.newKeySet()).add(file);
        }
    }

    void remove(Path file) {
        Path name = file.getFileName();
        if (name != null && all.remove(file)) {
            relative.remove(file);
            Set<Path> s = byName.get(key(name.toString()));
            if (s != null) {
                s.remove(file);
            }
        }
    }

    /** Keeps exactly {@code files} (a finished scan's result). */
    void resetTo(Collection<Path> files) {
        Set<Path> keep = Set.copyOf(files);
        for (Path p : all) {
            if (!keep.contains(p)) {
                remove(p);
            }
        }
        for (Path p : keep) {
            add(p);
        }
    }

    void clear() {
        all.clear();
        byName.clear();
        relative.clear();
    }

    /** The file's lower-cased path relative to its workspace folder (as when it was added). */
    String relative(Path file) {
        String r = relative.get(file);
        return r != null ? r : relativeOf.apply(file);
    }

    /** Files whose name is {@code fileName}, case forgiven. */
    Set<Path> named(String fileName) {
        Set<Path> s = byName.get(key(fileName));
        return s == null ? Set.of() : s;
    }

    boolean contains(Path file) {
        return all.contains(file);
    }

    int size() {
        return all.size();
    }

    /** Every indexed file (a live view; for "did you mean" over file names). */
    Set<Path> all() {
        return all;
    }
}
