package dev.papernotes.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The library fixtures (written for these tests, in the shapes Zotero, Better BibTeX, pandoc and arXiv use). */
public final class LibraryFixtures {
    public static final List<String> FILES = List.of("zotero-bibtex.bib", "zotero-biblatex.bib", "zotero.json",
            "references.yaml", "arxiv.jsonl");

    private LibraryFixtures() {
    }

    public static Path source() {
        Path p = Path.of("src", "test", "resources", "library").toAbsolutePath();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("library fixtures not found at " + p);
        }
        return p;
    }

    /** Copies the fixtures into {@code dir} (created), so a test may change them. */
    public static Path copyTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String f : FILES) {
            Files.copy(source().resolve(f), dir.resolve(f));
        }
        return dir.toRealPath();
    }

    /** The 1-based line of the first line of {@code file} containing {@code text}. */
    public static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
