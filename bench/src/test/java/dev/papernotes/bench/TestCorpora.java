package dev.papernotes.bench;

import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.CorpusWarning;
import dev.papernotes.corpus.DailyPapersReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Corpora generated once per test run, under {@code target/test-corpora}. */
final class TestCorpora {
    static final int PAPERS = 5000;
    static final long SEED = 20240311L;
    private static Path standard;
    private static Read standardRead;

    private TestCorpora() {
    }

    /** The corpus most tests look at: 5,000 papers, default options, with a truth file. */
    static synchronized Path standard() {
        if (standard == null) {
            Path dir = Path.of("target", "test-corpora", "standard");
            generate(new CorpusGenerator.Options(PAPERS, dir, SEED, 120, 0.17, 0, 2, dir.resolveSibling("standard.jsonl")));
            standard = dir;
        }
        return standard;
    }

    /** What the server's reader makes of {@link #standard()}, read once. */
    static synchronized Read standardRead() {
        if (standardRead == null) {
            standardRead = read(standard());
        }
        return standardRead;
    }

    static Path truth() {
        standard();
        return Path.of("target", "test-corpora", "standard.jsonl");
    }

    static CorpusGenerator.Summary generate(CorpusGenerator.Options o) {
        try {
            return CorpusGenerator.generate(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> pages(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the server's reader makes of a corpus folder. */
    record Read(List<CorpusEntry> entries, List<CorpusWarning> warnings) {
    }

    static Read read(Path dir) {
        List<CorpusEntry> entries = new ArrayList<>();
        List<CorpusWarning> warnings = new ArrayList<>();
        for (Path p : pages(dir)) {
            DailyPapersReader.read(p.toAbsolutePath(), entries::add, warnings::add);
        }
        return new Read(entries, warnings);
    }
}
