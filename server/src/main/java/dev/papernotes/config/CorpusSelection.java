package dev.papernotes.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which corpus roots and index folder to use: what the user said, else the workspace's
 * {@code corpus/} folder, else the bundled corpus; the index defaults to a cache folder keyed by
 * the roots.
 */
public record CorpusSelection(List<Path> roots, Path indexDir) {

    /** A corpus path the user gave that does not exist. */
    public static final class MissingCorpusException extends IOException {
        public MissingCorpusException(Path p) {
            super("corpus path does not exist: " + p);
        }
    }

    /**
     * @param explicit  corpus paths from the user (may be empty); relative ones resolve against
     *                  {@code base}
     * @param indexDir  index folder from the user, or null
     * @param workspace the folder whose {@code corpus/} is the default, or null
     */
    public static CorpusSelection resolve(List<String> explicit, String indexDir, Path base, Path workspace)
            throws IOException {
        List<Path> roots = new ArrayList<>();
        for (String s : explicit) {
            if (s == null || s.isBlank()) {
                continue;
            }
            Path p = expandHome(s);
            if (!p.isAbsolute() && base != null) {
                p = base.resolve(p);
            }
            p = p.toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                if (!Files.isSymbolicLink(p)) {
                    throw new MissingCorpusException(p);
                }
                // A dangling link is there, just broken: indexing warns about it and skips it.
                roots.add(p);
                continue;
            }
            roots.add(p.toRealPath());
        }
        if (roots.isEmpty() && workspace != null) {
            Path ws = workspace.resolve("corpus");
            if (Files.isDirectory(ws)) {
                roots.add(ws.toRealPath());
            }
        }
        if (roots.isEmpty()) {
            roots.add(Locations.bundledCorpus().toRealPath());
        }
        Path index;
        if (indexDir != null && !indexDir.isBlank()) {
            index = expandHome(indexDir);
            if (!index.isAbsolute() && base != null) {
                index = base.resolve(index);
            }
            index = index.toAbsolutePath().normalize();
        } else {
            index = Locations.defaultIndexDir(roots);
        }
        return new CorpusSelection(List.copyOf(roots), index);
    }

    /**
     * The corpus of a multi-root workspace: every folder counts. A folder's own {@code corpus}
     * setting (relative paths from that folder) if it has one, else the shared setting, else its
     * {@code corpus/} folder; a path missing in one folder is reported and skipped, so one folder
     * cannot stop the others. The bundled corpus only when no folder gives anything.
     *
     * @param perFolder each folder's own corpus setting (may lack folders)
     * @param shared    the setting without a folder scope
     * @param warn      told about paths that do not exist
     */
    public static CorpusSelection resolveFolders(List<Path> folders, java.util.Map<Path, List<String>> perFolder,
            List<String> shared, String indexDir, java.util.function.Consumer<String> warn) throws IOException {
        java.util.LinkedHashSet<Path> roots = new java.util.LinkedHashSet<>();
        List<Path> missing = new ArrayList<>();
        boolean anyExplicit = false;
        for (Path folder : folders) {
            List<String> explicit = perFolder.getOrDefault(folder, shared);
            boolean given = false;
            for (String s : explicit) {
                if (s == null || s.isBlank()) {
                    continue;
                }
                given = true;
                anyExplicit = true;
                Path p = expandHome(s);
                p = (p.isAbsolute() ? p : folder.resolve(p)).toAbsolutePath().normalize();
                if (Files.exists(p)) {
                    roots.add(p.toRealPath());
                } else {
                    missing.add(p);
                }
            }
            if (!given) {
                Path ws = folder.resolve("corpus");
                if (Files.isDirectory(ws)) {
                    roots.add(ws.toRealPath());
                }
            }
        }
        if (roots.isEmpty() && anyExplicit && !missing.isEmpty()) {
            throw new MissingCorpusException(missing.get(0));
        }
        for (Path m : missing) {
            warn.accept("corpus path does not exist: " + m + " (skipped)");
        }
        if (roots.isEmpty()) {
            roots.add(Locations.bundledCorpus().toRealPath());
        }
        List<Path> list = List.copyOf(roots);
        Path index;
        if (indexDir != null && !indexDir.isBlank()) {
            index = expandHome(indexDir);
            if (!index.isAbsolute() && !folders.isEmpty()) {
                index = folders.get(0).resolve(index);
            }
            index = index.toAbsolutePath().normalize();
        } else {
            index = Locations.defaultIndexDir(list);
        }
        return new CorpusSelection(list, index);
    }

    private static Path expandHome(String s) {
        if (s.equals("~") || s.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + s.substring(1));
        }
        return Path.of(s);
    }
}
