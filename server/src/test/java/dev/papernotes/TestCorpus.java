package dev.papernotes;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the bundled seed corpus lives when tests run (surefire works in server/). */
public final class TestCorpus {
    private TestCorpus() {
    }

    public static Path dir() {
        String prop = System.getProperty("papernotes.corpus");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "corpus");
        p = p.toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("seed corpus not found at " + p);
        }
        return p;
    }
}
