package dev.papernotes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.CorpusFormat;
import dev.papernotes.corpus.CorpusReaders;
import dev.papernotes.corpus.CorpusWarning;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stress profiles have the shapes they promise, and the seed profile is what it always was. */
class ProfileTest {
    private static final int PAPERS = 3000;

    private record Shape(List<String> names, List<String> titles, List<String> abstracts) {
    }

    private static Shape shape(Profile profile) {
        PaperFactory f = new PaperFactory(new CorpusModel(5, profile));
        List<String> names = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<String> abstracts = new ArrayList<>();
        for (long k = 0; k < PAPERS; k++) {
            PaperFactory.Info info = f.info(k);
            if (info.named()) {
                names.add(info.name().text());
            }
            titles.add(info.title());
            ByteBuf b = new ByteBuf(8192);
            f.appendAbstract(info, b);
            abstracts.add(b.toUtf8());
        }
        return new Shape(names, titles, abstracts);
    }

    /** The largest share of names that begin with the same three letters. */
    private static double topPrefixShare(List<String> names) {
        Map<String, Integer> byPrefix = new HashMap<>();
        for (String n : names) {
            if (n.length() >= 3) {
                byPrefix.merge(n.substring(0, 3).toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            }
        }
        return byPrefix.values().stream().mapToInt(Integer::intValue).max().orElse(0) / (double) names.size();
    }

    private static double median(List<Integer> values) {
        List<Integer> s = new ArrayList<>(values);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static int sentences(String text) {
        return text.split("[.!?] +(?=[A-Z(\\[])").length;
    }

    @Test
    void syllableNamesShareTheirFirstLettersAndAbstractsRunSixToTenSentences() {
        Shape seed = shape(Profile.SEED);
        Shape s = shape(Profile.SYLLABLES);
        double seedShare = topPrefixShare(seed.names());
        double share = topPrefixShare(s.names());
        assertTrue(share > 4 * seedShare && share > 0.02,
                "top 3-letter prefix share " + share + " vs seed " + seedShare);
        double medianSentences = median(s.abstracts().stream().map(ProfileTest::sentences).toList());
        assertTrue(medianSentences >= 6 && medianSentences <= 10, "median sentences " + medianSentences);
    }

    @Test
    void acronymNamesAreShortCapitalsAndTitlesAndAbstractsAreLong() {
        Shape a = shape(Profile.ACRONYMS);
        long caps = a.names().stream().filter(n -> n.matches("[A-Z]{2,4}")).count();
        assertTrue(caps > 0.6 * a.names().size(), caps + " of " + a.names().size() + " names are 2-4 capitals");
        long distinct = a.names().stream().distinct().count();
        assertTrue(distinct < a.names().size(), "short acronyms collide");
        double title = median(a.titles().stream().map(String::length).toList());
        double seedTitle = median(shape(Profile.SEED).titles().stream().map(String::length).toList());
        assertTrue(title >= 120 && title > seedTitle + 40, "median title length " + title + " vs seed " + seedTitle);
        double abs = median(a.abstracts().stream().map(String::length).toList());
        assertTrue(abs > 2000, "median abstract length " + abs);
    }

    @Test
    void theProfileIsAnOptionAndTheDefaultIsTheSeed() {
        CorpusGenerator.Options o = CorpusGenerator.parse(new String[] {"--papers", "5", "--out", "x", "--seed", "1",
            "--profile", "Syllables"});
        assertEquals(Profile.SYLLABLES, o.profile());
        assertEquals(Profile.SEED,
                CorpusGenerator.parse(new String[] {"--papers", "5", "--out", "x", "--seed", "1"}).profile());
        assertEquals(new CorpusGenerator.Options(5, Path.of("x"), 1, 120, 0.17, 0, o.threads(), null),
                CorpusGenerator.parse(new String[] {"--papers", "5", "--out", "x", "--seed", "1"}));
        assertThrows(IllegalArgumentException.class, () -> CorpusGenerator.parse(new String[] {"--papers", "5",
            "--out", "x", "--seed", "1", "--profile", "nope"}));
        IllegalArgumentException library = assertThrows(IllegalArgumentException.class,
                () -> CorpusGenerator.parse(new String[] {"--papers", "5", "--out", "x", "--seed", "1", "--profile",
                    "arxiv"}));
        assertTrue(library.getMessage().contains("LibraryGenerator"), library.getMessage());
    }

    @Test
    void theArxivProfileIsOneSnapshotShapedFileTheServerReadsWithTheTruthsTitles(@TempDir Path dir)
            throws Exception {
        Path corpus = dir.resolve("corpus-arxiv-300");
        Path truth = dir.resolve("truth-arxiv-300.jsonl");
        LibraryGenerator.writeArxivCorpus(300, corpus, truth, 3);

        assertTrue(Files.exists(corpus.resolve("generator-manifest.json")));
        List<String> titles = new ArrayList<>();
        for (String line : Files.readAllLines(truth)) {
            titles.add(com.google.gson.JsonParser.parseString(line).getAsJsonObject().get("title").getAsString());
        }
        List<CorpusEntry> read = new ArrayList<>();
        List<CorpusWarning> warnings = new ArrayList<>();
        CorpusReaders.read(corpus.resolve("arxiv-metadata.jsonl"), read::add, warnings::add);

        assertEquals(List.of(), warnings);
        assertEquals(CorpusFormat.ARXIV_JSONL, CorpusReaders.formatOf(corpus.resolve("arxiv-metadata.jsonl")));
        assertEquals(titles, read.stream().map(CorpusEntry::title).toList());
        assertTrue(read.stream().allMatch(e -> !e.metadata().authors().isEmpty() && !e.abstractText().isEmpty()));
        assertTrue(Files.readString(corpus.resolve("arxiv-metadata.jsonl")).contains("\\n  "),
                "titles and abstracts are wrapped as in the snapshot");
    }
}
