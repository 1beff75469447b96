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

    private static Path expandHome(String s) {
        if (s.equals("~") || s.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + s.substring(1));
        }
        return Path.of(s);
    }
}
