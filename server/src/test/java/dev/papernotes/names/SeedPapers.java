package dev.papernotes.names;

import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.DailyPapersReader;
import dev.papernotes.corpus.PaperKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bundled seed corpus, read once: one entry per distinct paper (the occurrence with the
 * longest abstract), in corpus order. Tests run from {@code server/}, so the corpus is
 * {@code ../corpus}.
 */
final class SeedPapers {
    private SeedPapers() {
    }

    static final Path CORPUS = Path.of("..", "corpus");

    private static List<CorpusEntry> papers;

    static synchronized List<CorpusEntry> all() {
        if (papers == null) {
            Map<String, CorpusEntry> byId = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(CORPUS)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                    DailyPapersReader.read(file, e -> byId.merge(PaperKey.idOf(e.title()), e,
                            (a, b) -> a.abstractText().length() >= b.abstractText().length() ? a : b), w -> {
                            });
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            papers = List.copyOf(new ArrayList<>(byId.values()));
        }
        return papers;
    }

    /** The paper whose title starts with {@code titlePrefix}; fails the test when there is none. */
    static CorpusEntry byTitle(String titlePrefix) {
        for (CorpusEntry e : all()) {
            if (e.title().startsWith(titlePrefix)) {
                return e;
            }
        }
        throw new AssertionError("no seed paper titled \"" + titlePrefix + "...\" in " + CORPUS.toAbsolutePath());
    }
}
