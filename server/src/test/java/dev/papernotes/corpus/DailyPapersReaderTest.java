package dev.papernotes.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.TestCorpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DailyPapersReaderTest {
    private static final Path FILE = Path.of("/corpus/page.txt");
    private static final String HEADER = "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\n"
            + "byAK and the research community\n\nMar 11\n\n";
    private static final String ABSTRACT_A = "We propose Alpha, a method that does things. " + "It works well. ".repeat(30);
    private static final String ABSTRACT_B = "We introduce Beta, which is better. " + "Results are strong. ".repeat(30);

    private final List<CorpusEntry> entries = new ArrayList<>();
    private final List<CorpusWarning> warnings = new ArrayList<>();

    private void read(String text) throws IOException {
        read(text.getBytes(StandardCharsets.UTF_8));
    }

    private void read(byte[] bytes) throws IOException {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            DailyPapersReader.read(FILE, in, entries::add, warnings::add);
        }
    }

    @Test
    void seedCorpusHas497EntriesOf413Papers() throws IOException {
        List<Path> files;
        try (var s = Files.list(TestCorpus.dir())) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertEquals(5, files.size());
        for (Path f : files) {
            DailyPapersReader.read(f, entries::add, warnings::add);
        }
        assertEquals(List.of(), warnings);
        assertEquals(497, entries.size());
        Set<String> ids = new HashSet<>();
        for (CorpusEntry e : entries) {
            ids.add(PaperKey.idOf(e.title()));
            assertTrue(e.abstractText().length() > 1000, e.title());
            List<String> lines = Files.readAllLines(e.occurrence().file());
            assertEquals(e.title(), lines.get(e.occurrence().line() - 1), "title line of " + e.title());
        }
        assertEquals(413, ids.size());
        CorpusEntry first = entries.get(0);
        assertEquals("Dragonfly: Multi-Resolution Zoom Supercharges Large Visual-Language Model", first.title());
        assertEquals("Mar 11", first.occurrence().date());
        assertEquals(11, first.occurrence().line());
    }

    @Test
    void readsTitleAbstractPairsWithLineNumbersAndDate() throws IOException {
        read(HEADER + "Alpha: A Title\n\n" + ABSTRACT_A + "\n\nBeta: Another\n\n" + ABSTRACT_B + "\n");
        assertEquals(List.of(), warnings);
        assertEquals(2, entries.size());
        assertEquals(new CorpusEntry("Alpha: A Title", ABSTRACT_A.strip(), new Occurrence(FILE, 11, "Mar 11")),
                entries.get(0));
        assertEquals(15, entries.get(1).occurrence().line());
    }

    @Test
    void crlfAndBareCrCountAsOneLineEnd() throws IOException {
        String crlf = (HEADER + "Alpha: A Title\n\n" + ABSTRACT_A + "\n").replace("\n", "\r\n");
        read(crlf);
        String cr = (HEADER + "Beta: Another\n\n" + ABSTRACT_B + "\n").replace("\n", "\r");
        read(cr);
        assertEquals(List.of(), warnings);
        assertEquals(11, entries.get(0).occurrence().line());
        assertEquals(11, entries.get(1).occurrence().line());
        assertEquals("Beta: Another", entries.get(1).title());
    }

    @Test
    void byteOrderMarkIsDropped() throws IOException {
        read("\uFEFF" + HEADER + "Alpha: A Title\n\n" + ABSTRACT_A + "\n");
        assertEquals(List.of(), warnings);
        assertEquals("Alpha: A Title", entries.get(0).title());
    }

    @Test
    void titleWithoutAbstractIsKeptWithAWarning() throws IOException {
        read(HEADER + "Alpha: A Title\n\nBeta: Another\n\n" + ABSTRACT_B + "\n\nGamma: Last one\n");
        assertEquals(3, entries.size());
        assertEquals("", entries.get(0).abstractText());
        assertEquals("Beta: Another", entries.get(1).title());
        assertEquals(ABSTRACT_B.strip(), entries.get(1).abstractText());
        assertEquals("", entries.get(2).abstractText());
        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals(11, warnings.get(0).line());
        assertTrue(warnings.get(0).message().contains("title without an abstract"));
        assertEquals(17, warnings.get(1).line());
    }

    @Test
    void abstractWithoutTitleIsReportedAndTheRestRead() throws IOException {
        read(HEADER + ABSTRACT_A + "\n\nBeta: Another\n\n" + ABSTRACT_B + "\n");
        assertEquals(1, entries.size());
        assertEquals("Beta: Another", entries.get(0).title());
        assertEquals(1, warnings.size());
        assertEquals(11, warnings.get(0).line());
        assertTrue(warnings.get(0).message().contains("abstract without a title"));
    }

    @Test
    void abstractWrappedOverTwoLinesIsJoined() throws IOException {
        read(HEADER + "Alpha: A Title\n\n" + ABSTRACT_A + "\n" + ABSTRACT_B + "\n\nBeta: Another\n\n" + ABSTRACT_B + "\n");
        assertEquals(List.of(), warnings);
        assertEquals(2, entries.size());
        assertEquals(ABSTRACT_A.strip() + " " + ABSTRACT_B.strip(), entries.get(0).abstractText());
    }

    @Test
    void invalidUtf8IsReplacedAndReported() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
        out.writeBytes("Alpha: A Ti".getBytes(StandardCharsets.UTF_8));
        out.write(0xC3);
        out.write(0x28);
        out.writeBytes(("tle\n\n" + ABSTRACT_A + "\n").getBytes(StandardCharsets.UTF_8));
        read(out.toByteArray());
        assertEquals(1, entries.size());
        assertEquals("Alpha: A Ti\uFFFD(tle", entries.get(0).title());
        assertEquals(1, warnings.size());
        assertEquals(11, warnings.get(0).line());
        assertTrue(warnings.get(0).message().contains("invalid UTF-8"));
    }

    @Test
    void emptyFileIsAWarning() throws IOException {
        read("");
        assertEquals(List.of(), entries);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).message().contains("empty"));
    }

    @Test
    void binaryFileIsAWarningNotACrash() throws IOException {
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        junk[10] = 0;
        read(junk);
        assertTrue(warnings.stream().anyMatch(w -> w.message().contains("binary")), warnings.toString());
    }

    @Test
    void pageWithoutHeaderStillReads() throws IOException {
        read("Alpha: A Title\n\n" + ABSTRACT_A + "\n");
        assertEquals(List.of(), warnings);
        assertEquals(1, entries.size());
        assertEquals("", entries.get(0).occurrence().date());
        assertEquals(1, entries.get(0).occurrence().line());
    }

    @Test
    void hugeLineIsCutNotBuffered() throws IOException {
        byte[] big = new byte[DailyPapersReader.MAX_LINE_BYTES + 5000];
        java.util.Arrays.fill(big, (byte) 'a');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
        out.writeBytes("Alpha: A Title\n\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(big);
        out.writeBytes("\n\nBeta: Another\n\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes((ABSTRACT_B + "\n").getBytes(StandardCharsets.UTF_8));
        read(out.toByteArray());
        assertEquals(2, entries.size());
        assertEquals(DailyPapersReader.MAX_LINE_BYTES, entries.get(0).abstractText().length());
        assertTrue(warnings.stream().anyMatch(w -> w.line() == 13 && w.message().contains("cut")), warnings.toString());
    }

    // ---- issue 16: lines of unusual shape keep their place in the page's structure ----

    private static final String LONG_TITLE = "RedosScheme: Scaling Regular Expression Denial of Service Detection"
            + " Across Heterogeneous Engines, Languages and Libraries with Symbolic Automata".repeat(5);

    @Test
    void titleOfFourHundredCharactersIsATitle() throws IOException {
        assertTrue(LONG_TITLE.length() >= 400);
        read(HEADER + "Alpha: A Title\n\n" + ABSTRACT_A + "\n\n" + LONG_TITLE + "\n\n" + ABSTRACT_B
                + "\n\nGamma: Last one\n\n" + ABSTRACT_A + "\n");
        assertEquals(List.of("Alpha: A Title", LONG_TITLE, "Gamma: Last one"), titles());
        assertEquals(ABSTRACT_B.strip(), entries.get(1).abstractText());
        assertEquals(ABSTRACT_A.strip(), entries.get(2).abstractText());
        assertEquals(15, entries.get(1).occurrence().line());
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(15, warnings.get(0).line());
        assertTrue(warnings.get(0).message().startsWith("doubtful pair: a long title"), warnings.get(0).message());
    }

    @Test
    void shortAbstractIsNotTakenForATitle() throws IOException {
        read(HEADER + "Alpha: A Title\n\nWe propose RedosScheme, a method for finding slow patterns\n\n"
                + "Beta: Another\n\n" + ABSTRACT_B + "\n");
        assertEquals(List.of("Alpha: A Title", "Beta: Another"), titles());
        assertEquals("We propose RedosScheme, a method for finding slow patterns", entries.get(0).abstractText());
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(13, warnings.get(0).line());
        assertTrue(warnings.get(0).message().startsWith("doubtful pair: a short abstract"), warnings.get(0).message());
    }

    @Test
    void longTitleWithoutAbstractDoesNotTakeTheNextTitle() throws IOException {
        read(HEADER + LONG_TITLE + "\n\nBeta: Another\n\n" + ABSTRACT_B + "\n");
        assertEquals(List.of(LONG_TITLE, "Beta: Another"), titles());
        assertEquals("", entries.get(0).abstractText());
        assertEquals(ABSTRACT_B.strip(), entries.get(1).abstractText());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).message().startsWith("title without an abstract"), warnings.get(0).message());
    }

    /**
     * Random pages of papers with every kind of damage the reader must survive, in any order: each
     * paper comes out as itself (its own abstract, or none when it had none), none is shifted onto
     * its neighbour, and each damaged paper has a warning on its own lines.
     */
    @Test
    void randomDamageNeverShiftsThePairs() throws IOException {
        java.util.Random random = new java.util.Random(1616);
        String[] words = {"Sparse", "Token", "Pruning", "Attention", "Diffusion", "Models", "Scaling", "Vision",
            "Language", "Retrieval", "Graph", "Adapters", "Efficient", "Long", "Context", "Reasoning", "Agents"};
        for (int page = 0; page < 300; page++) {
            entries.clear();
            warnings.clear();
            StringBuilder text = new StringBuilder(HEADER);
            List<String> expectedTitles = new ArrayList<>();
            List<String> expectedAbstracts = new ArrayList<>();
            List<Integer> damagedLines = new ArrayList<>();
            int line = 11;
            int papers = 1 + random.nextInt(12);
            for (int i = 0; i < papers; i++) {
                StringBuilder title = new StringBuilder("Name" + page + "x" + i + ":");
                int length = random.nextInt(5) == 0 ? 400 + random.nextInt(300) : 40 + random.nextInt(80);
                while (title.length() < length) {
                    title.append(' ').append(words[random.nextInt(words.length)]);
                }
                int kind = random.nextInt(10); // 0: no abstract, 1: a short one, else a full one
                String abs = kind == 0 ? "" : kind == 1 ? "we propose a method for " + words[random.nextInt(words.length)]
                        .toLowerCase() + " that works" : "We propose Name" + i + ", a method. " + "It works well. ".repeat(20);
                text.append(title).append("\n\n");
                int titleLine = line;
                line += 2;
                if (!abs.isEmpty()) {
                    text.append(abs).append("\n\n");
                    line += 2;
                }
                expectedTitles.add(title.toString());
                expectedAbstracts.add(abs.strip());
                if (kind <= 1 || title.length() > DailyPapersReader.LONG_TITLE_CHARS) {
                    damagedLines.add(titleLine);
                }
            }
            read(text.toString());
            assertEquals(expectedTitles, titles(), "page " + page + ":\n" + text + "\nwarnings: " + warnings);
            for (int i = 0; i < papers; i++) {
                assertEquals(expectedAbstracts.get(i), entries.get(i).abstractText(), "page " + page + " paper " + i);
            }
            for (int damaged : damagedLines) {
                assertTrue(warnings.stream().anyMatch(w -> w.line() == damaged || w.line() == damaged + 2),
                        "page " + page + ": no warning for the paper at line " + damaged + ": " + warnings);
            }
            assertEquals(damagedLines.size(), warnings.size(), "page " + page + ": " + warnings);
        }
    }

    private List<String> titles() {
        return entries.stream().map(CorpusEntry::title).toList();
    }
}
