package dev.papernotes.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.PaperKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void everyPageParsesWithoutWarningsWithTheRightCounts() throws IOException {
        Path dir = TestCorpora.standard();
        TestCorpora.Read read = TestCorpora.standardRead();
        assertEquals(List.of(), read.warnings());
        String manifest = Files.readString(dir.resolve(CorpusGenerator.MANIFEST));
        long entries = read.entries().size();
        assertTrue(manifest.contains("\"entries\": " + entries + ","), manifest);
        Set<String> ids = new HashSet<>();
        for (CorpusEntry e : read.entries()) {
            ids.add(PaperKey.idOf(e.title()));
        }
        assertEquals(TestCorpora.PAPERS, ids.size(), "distinct papers");
        double repeats = (entries - ids.size()) / (double) entries;
        assertTrue(repeats > 0.14 && repeats < 0.20, "repeat share " + repeats);
    }

    @Test
    void aRepeatedPaperHasTheSameTitleAndAbstractOnLaterPages() {
        Map<String, CorpusEntry> first = new HashMap<>();
        int repeats = 0;
        for (CorpusEntry e : TestCorpora.standardRead().entries()) {
            assertTrue(e.abstractText().length() >= 900 && e.abstractText().length() <= 1920,
                    "abstract of " + e.title() + ": " + e.abstractText().length());
            CorpusEntry f = first.putIfAbsent(e.title(), e);
            if (f != null) {
                repeats++;
                assertEquals(f.abstractText(), e.abstractText(), e.title());
                assertNotEquals(f.occurrence().file(), e.occurrence().file(), "a page lists a paper once");
                assertTrue(f.occurrence().file().toString().compareTo(e.occurrence().file().toString()) < 0,
                        "repeats come on later pages");
            }
        }
        assertTrue(repeats > 500, "repeats " + repeats);
    }

    @Test
    void pagesHaveTheSeedsLayoutByteForByte() throws IOException {
        byte[] header = seedHeader();
        List<Path> pages = TestCorpora.pages(TestCorpora.standard());
        Set<String> dates = new HashSet<>();
        for (int i = 0; i < pages.size(); i++) {
            Path p = pages.get(i);
            assertEquals(CorpusGenerator.pageFileName(i), p.getFileName().toString());
            byte[] bytes = Files.readAllBytes(p);
            assertArrayEquals(header, Arrays.copyOf(bytes, header.length), p + " header");
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString(); // strict: throws on invalid UTF-8
            assertTrue(text.indexOf('\r') < 0 && text.indexOf('\uFEFF') < 0, p.toString());
            assertTrue(!text.endsWith("\n") && !text.contains("\n\n\n"), p + ": blank lines as in the seed");
            String[] blocks = text.split("\n\n", -1);
            // 4 header lines, the date line, then title and abstract lines
            assertTrue(dates.add(blocks[4]), "one date a page: " + blocks[4]);
            assertTrue(blocks[4].matches("[A-Z][a-z]{2} \\d{1,2}"), blocks[4]);
            assertEquals(0, (blocks.length - 5) % 2, "title/abstract pairs; got " + (blocks.length - 5) + " lines");
            int entries = (blocks.length - 5) / 2;
            if (i < pages.size() - 1) {
                assertTrue(entries >= 89 && entries <= 151, p + " has " + entries + " entries");
            }
            for (int b = 5; b < blocks.length; b += 2) {
                assertTrue(blocks[b].length() < 300 && !blocks[b].contains("\n"), blocks[b]);
                assertTrue(blocks[b + 1].length() >= 900 && !blocks[b + 1].contains("\n"), blocks[b + 1]);
            }
        }
    }

    /** The header of the bundled seed pages up to and including the blank line before the date. */
    private static byte[] seedHeader() throws IOException {
        Path corpus = Path.of("..", "corpus");
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> s = Files.list(corpus)) {
                Path seedPage = s.filter(p -> p.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
                byte[] bytes = Files.readAllBytes(seedPage);
                String text = new String(bytes, StandardCharsets.UTF_8);
                int at = 0;
                for (int i = 0; i < 4; i++) {
                    at = text.indexOf("\n\n", at) + 2;
                }
                byte[] header = Arrays.copyOf(bytes, at);
                assertArrayEquals(header, PageRenderer.HEADER, "the generator writes the seed's header");
                return header;
            }
        }
        return PageRenderer.HEADER;
    }

    @Test
    void titlesAreNeverTakenForAbstractsOrDates() {
        for (CorpusEntry e : TestCorpora.standardRead().entries()) {
            String t = e.title();
            assertTrue(!t.endsWith(".") && t.length() < 300, t);
        }
    }
}
