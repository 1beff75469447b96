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
                warnings.accept(new CorpusWarning(abs, 0, "corpus path does not exist"));
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
                                return within(dir, roots) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                            }

                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                                if (attrs.isRegularFile() && !isHidden(file)
                                        && CorpusFormat.byExtension(file) != null) {
                                    Path real = realWithin(file, roots);
                                    if (real != null) {
                                        files.add(real);
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

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
