package dev.papernotes.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A page entry's abstract span: the bytes it names give back exactly the abstract the reader made. */
class AbstractSpanTest {
    private static final Path FILE = Path.of("/corpus/page.txt");
    private static final String[] ENDINGS = {"\n", "\r\n", "\r"};
    private static final String[] WORDS = {"we", "propose", "Sparse", "attention", "é", "漢字", "model", "😀",
        "\tTabbed", "works", "well.", "Results", "are", "strong.", "naïve", "Ω-nets", "  spaced  "};

    private static List<CorpusEntry> read(byte[] page, Random random) throws IOException {
        List<CorpusEntry> out = new ArrayList<>();
        // Reads of a few bytes at a time put buffer boundaries everywhere in lines and line ends.
        InputStream trickle = new FilterInputStream(new java.io.ByteArrayInputStream(page)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(9)));
            }
        };
        DailyPapersReader.read(FILE, trickle, out::add, w -> { });
        return out;
    }

    private static String sentence(Random random, int words) {
        StringBuilder sb = new StringBuilder("We propose");
        for (int i = 0; i < words; i++) {
            sb.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.append('.').toString();
    }

    @Test
    void everySpanGivesBackItsAbstractOnRandomPages() throws IOException {
        Random random = new Random(2611);
        int spans = 0;
        int withoutSpan = 0;
        for (int page = 0; page < 400; page++) {
            String eol = ENDINGS[random.nextInt(ENDINGS.length)];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (random.nextBoolean()) {
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.writeBytes(("new" + eol + eol + "Mar 11" + eol + eol).getBytes(StandardCharsets.UTF_8));
            List<Boolean> damaged = new ArrayList<>();
            int papers = 1 + random.nextInt(15);
            for (int i = 0; i < papers; i++) {
                String e = eol; // one kind a page: "\r" then "\n" would be one line end
                out.writeBytes(("Paper " + page + " Number " + i + ": A Title" + e + e).getBytes(StandardCharsets.UTF_8));
                int lines = 1 + (random.nextInt(3) == 0 ? random.nextInt(3) : 0);
                boolean bad = false;
                for (int l = 0; l < lines; l++) {
                    String text = (random.nextBoolean() ? "  " : "") + sentence(random, 30 + random.nextInt(30))
                            + (random.nextInt(5) == 0 ? "\u0007 trailing." : "") + (random.nextBoolean() ? " " : "");
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    if (random.nextInt(12) == 0) {
                        // A cut two-byte sequence inside the prose (the line still ends in a full stop).
                        int cut = text.indexOf(' ', 12);
                        ByteArrayOutputStream broken = new ByteArrayOutputStream();
                        broken.write(bytes, 0, cut);
                        broken.write(0xC3);
                        broken.write(bytes, cut, bytes.length - cut);
                        bytes = broken.toByteArray();
                        bad = true;
                    }
                    out.writeBytes(bytes);
                    out.writeBytes(eol.getBytes(StandardCharsets.UTF_8));
                }
                out.writeBytes(e.getBytes(StandardCharsets.UTF_8));
                damaged.add(bad);
            }
            byte[] bytes = out.toByteArray();
            List<CorpusEntry> entries = read(bytes, random);
            assertEquals(papers, entries.size(), "page " + page + ": " + entries.stream().map(CorpusEntry::title).toList());
            for (int i = 0; i < papers; i++) {
                CorpusEntry entry = entries.get(i);
                AbstractSpan span = entry.abstractSpan();
                if (damaged.get(i)) {
                    // Replaced bytes are not what the file holds: such an abstract is kept as text.
                    assertNull(span, "page " + page + " paper " + i);
                    withoutSpan++;
                    continue;
                }
                assertNotNull(span, "page " + page + " paper " + i);
                byte[] at = Arrays.copyOfRange(bytes, (int) span.offset(), (int) span.offset() + span.length());
                assertEquals(entry.abstractText(), span.decode(at), "page " + page + " paper " + i);
                assertEquals(span, AbstractSpan.decode(span.encode()));
                spans++;
            }
        }
        assertTrue(spans > 2000 && withoutSpan > 50, spans + " spans, " + withoutSpan + " without");
    }

    @Test
    void everyArxivLineSpanGivesBackItsAbstract() throws IOException {
        Random random = new Random(3007);
        String[] pieces = {"We study", "\\n", "\\\"quoted\\\"", "\\u00e9t\\u00e9", "  ", "$x^2$", "naïve", "漢字",
            "😀", "\\t", "Ω-nets", "end."};
        for (int file = 0; file < 100; file++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (random.nextBoolean()) {
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            String eol = ENDINGS[random.nextInt(ENDINGS.length)];
            int lines = 1 + random.nextInt(20);
            for (int i = 0; i < lines; i++) {
                StringBuilder abs = new StringBuilder();
                for (int w = random.nextInt(40); w > 0; w--) {
                    abs.append(pieces[random.nextInt(pieces.length)]).append(' ');
                }
                String line = "{\"id\": \"2401." + String.format("%05d", i) + "\", \"title\": \"Paper " + i
                        + "\", \"abstract\": \"" + abs + "\", \"categories\": \"cs.CL\"}";
                out.writeBytes((line + eol).getBytes(StandardCharsets.UTF_8));
            }
            byte[] bytes = out.toByteArray();
            List<CorpusEntry> entries = new ArrayList<>();
            ArxivJsonlReader.INSTANCE.read(Path.of("/l/a.jsonl"), new java.io.ByteArrayInputStream(bytes), entries::add,
                    w -> { });
            assertEquals(lines, entries.size());
            for (CorpusEntry e : entries) {
                AbstractSpan span = e.abstractSpan();
                if (e.abstractText().isEmpty()) {
                    assertNull(span);
                    continue;
                }
                byte[] at = Arrays.copyOfRange(bytes, (int) span.offset(), (int) span.offset() + span.length());
                assertEquals(e.abstractText(), span.decode(at), "file " + file + " " + e.title());
                assertEquals('{', (char) at[0], "a line's span starts where the line does");
            }
        }
    }

    @Test
    void onlyTheLinesOwnAbstractKeyIsRead() {
        String line = "{\"title\": \"On \\\"abstract\\\": keys\", \"meta\": {\"abstract\": \"nested\"},"
                + " \"notes\": [\"abstract\", {\"abstract\": \"in a list\"}], \"abstract\" :  \"  The  line's own.\\n\"}";
        assertEquals("The line's own.", ArxivJsonlReader.abstractFrom(line.getBytes(StandardCharsets.UTF_8)));
        assertEquals("", ArxivJsonlReader.abstractFrom("{\"title\": \"x\", \"abstract\": null}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("", ArxivJsonlReader.abstractFrom("{\"title\": \"no abstract\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("", ArxivJsonlReader.abstractFrom("{\"abstract\": \"cut".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void changedBytesAreNotTakenForTheAbstract() throws IOException {
        byte[] page = "Mar 11\n\nAlpha: A Title\n\nWe propose Alpha, a method that works well for things.\n"
                .getBytes(StandardCharsets.UTF_8);
        CorpusEntry entry = read(page, new Random(1)).get(0);
        AbstractSpan span = entry.abstractSpan();
        byte[] at = Arrays.copyOfRange(page, (int) span.offset(), (int) span.offset() + span.length());
        assertEquals("We propose Alpha, a method that works well for things.", span.decode(at));
        at[3] = 'q';
        assertNull(span.decode(at));
    }

    @Test
    void damagedStoredSpansAreNoSpans() {
        assertNull(AbstractSpan.decode(""));
        assertNull(AbstractSpan.decode("DAILY_PAGES,1,2"));
        assertNull(AbstractSpan.decode("NO_SUCH_FORMAT,1,2,3"));
        assertNull(AbstractSpan.decode("DAILY_PAGES,-1,2,3"));
        assertNull(AbstractSpan.decode("DAILY_PAGES,1,x,3"));
    }
}
