package dev.papernotes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A daily-papers page a test writes: the header the reader expects, then each paper's title and abstract. */
public final class TestPage {
    /**
     * Ends every abstract: words every paper here writes, so that the tests' names and terms stand out
     * from a common background as they do in a real corpus.
     */
    public static final String FILLER = " It is evaluated on several public benchmarks against strong baselines and"
            + " studied in ablations that isolate each of its parts.";

    private final StringBuilder text = new StringBuilder("new\n\nSubscribe\n\nMar 1\n\n");

    public TestPage paper(String title, String abstractText) {
        text.append(title).append("\n\n").append(abstractText).append(FILLER).append("\n\n");
        return this;
    }

    /** Writes the page as {@code dir/corpus/page.txt}; returns the corpus folder. */
    public Path writeCorpus(Path dir) throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("page.txt"), text.toString());
        return corpus;
    }
}
