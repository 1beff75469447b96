package dev.papernotes.corpus;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The files a set of corpus roots stands for. A root is a file (taken as is) or a folder (its
 * files of the corpus formats, {@link CorpusFormat#byExtension}, recursively, hidden entries skipped). Symbolic links are followed, but a
 * link that leads outside every root or back into a folder already walked is not.
 */
public final class CorpusFiles {
    private CorpusFiles() {
    }

    /** Absolute, normalized, real paths of the roots that exist; a missing root is a warning. */
    public static List<Path> roots(List<Path> roots, Consumer<CorpusWarning> warnings) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path root : roots) {
            Path abs = root.toAbsolutePath().normalize();
            try {
                out.add(abs.toRealPath());
            } catch (IOException e) {
                String why = Files.isSymbolicLink(abs) ? skipReason(abs, null) : null;
                warnings.accept(new CorpusWarning(abs, 0, why != null ? why : "corpus path does not exist"));
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The corpus files under {@code roots} (already real paths, see {@link #roots}), sorted so
     * that "corpus order" is the same on every machine.
     */
    public static List<Path> list(List<Path> roots, Consumer<CorpusWarning> warnings) {
        TreeSet<Path> files = new TreeSet<>();
        for (Path root : roots) {
            String rootProblem = skipReason(root, attributes(root));
            if (rootProblem != null) {
                warnings.accept(new CorpusWarning(root, 0, rootProblem));
                continue;
            }
            if (Files.isRegularFile(root)) {
                files.add(root);
                continue;
            }
            if (!Files.isDirectory(root)) {
                continue;
            }
            try {
                Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                                if (!dir.equals(root) && isHidden(dir)) {
                                    return FileVisitResult.SKIP_SUBTREE;
                                }
                                String problem = dir.equals(root) ? null : skipReason(dir, attrs);
                                if (problem != null) {
                                    warnings.accept(new CorpusWarning(dir, 0, problem));
                                    return FileVisitResult.SKIP_SUBTREE;
                                }
                                return within(dir, roots) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                            }

                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                                if (attrs.isRegularFile() && !isHidden(file)
                                        && CorpusFormat.byExtension(file) != null) {
                                    Path real = realWithin(file, roots);
                                    if (real != null) {
                                        files.add(real);
                                    } else {
                                        warnings.accept(new CorpusWarning(file, 0,
                                                "symbolic link leads outside the corpus; not followed"));
                                    }
                                } else if (!isHidden(file)) {
                                    String problem = skipReason(file, attrs);
                                    if (problem != null) {
                                        warnings.accept(new CorpusWarning(file, 0, problem));
                                    }
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) {
                                String why = e instanceof FileSystemLoopException
                                        ? "symbolic link loop; not followed"
                                        : "cannot read: " + e.getMessage();
                                warnings.accept(new CorpusWarning(file, 0, why));
                                return FileVisitResult.CONTINUE;
                            }
                        });
            } catch (IOException e) {
                warnings.accept(new CorpusWarning(root, 0, "cannot list folder: " + e.getMessage()));
            }
        }
        return new ArrayList<>(files);
    }

    /** True when the real location of {@code path} lies under one of {@code roots}. */
    public static boolean within(Path path, List<Path> roots) {
        return realWithin(path, roots) != null;
    }

    /** The real location of {@code path} when it lies under one of {@code roots}, else null. */
    public static Path realWithin(Path path, List<Path> roots) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return null;
        }
        for (Path root : roots) {
            if (real.startsWith(root)) {
                return real;
            }
        }
        return null;
    }

    /**
     * Why a path in the corpus is not read, or null when it is an ordinary file or folder: a FIFO,
     * a device or a socket (never opened: reading a FIFO blocks until some writer comes), a
     * dangling symbolic link, or a folder named like a corpus file. Each gets a one-line warning.
     * Only attributes are read here, never the file itself.
     *
     * @param attrs the path's attributes (links followed), or null when they cannot be read
     */
    static String skipReason(Path path, BasicFileAttributes attrs) {
        if (attrs == null || attrs.isSymbolicLink()) {
            // Following the link failed: it points nowhere.
            if (Files.isSymbolicLink(path)) {
                String target;
                try {
                    target = Files.readSymbolicLink(path).toString();
                } catch (IOException | UnsupportedOperationException e) {
                    target = "?";
                }
                return "dangling symbolic link (to " + target + "); skipped";
            }
            return attrs == null ? "cannot read its attributes; skipped" : null;
        }
        if (attrs.isDirectory()) {
            return CorpusFormat.byExtension(path) != null
                    ? "a folder named like a corpus file; skipped (its contents are not read)" : null;
        }
        if (attrs.isOther()) {
            return "not a regular file (" + specialKind(path) + "); skipped, not opened";
        }
        return null;
    }

    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** FIFO, device or socket, from the file's mode where the platform tells it. */
    private static String specialKind(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            switch (mode & 0170000) {
                case 0010000:
                    return "a FIFO";
                case 0020000:
                    return "a character device";
                case 0060000:
                    return "a block device";
                case 0140000:
                    return "a socket";
                default:
                    return "a special file";
            }
        } catch (IOException | RuntimeException e) {
            return "a special file";
        }
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
