package dev.papernotes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.CorpusWarning;
import dev.papernotes.corpus.PaperKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DamageTest {
    @TempDir
    Path tmp;

    @Test
    void damagedPagesWarnButLoseNoPaper() throws IOException {
        int papers = 2000;
        CorpusGenerator.Summary s = TestCorpora.generate(
                new CorpusGenerator.Options(papers, tmp, 5, 120, 0.17, 0.6, 2, null));
        Map<Damage, Integer> expected = new EnumMap<>(Damage.class);
        PagePlanner planner = new PagePlanner(5, papers, 120, 0.17, 0.6);
        Map<Integer, Damage> damageOf = new java.util.HashMap<>();
        while (planner.hasNext()) {
            PagePlanner.Page p = planner.next();
            if (p.damage() != null) {
                damageOf.put(p.index(), p.damage());
                expected.merge(p.damage(), 1, Integer::sum);
            }
        }
        assertEquals(expected, s.damaged());
        for (Damage d : Damage.values()) {
            assertTrue(expected.containsKey(d), "this seed damages at least one page with " + d + ": " + expected);
        }

        TestCorpora.Read read = TestCorpora.read(tmp);
        assertEquals(s.entries(), read.entries().size(), "no entry is lost");
        Set<String> ids = new HashSet<>();
        for (CorpusEntry e : read.entries()) {
            ids.add(PaperKey.idOf(e.title()));
        }
        assertEquals(papers, ids.size());

        for (Map.Entry<Integer, Damage> e : damageOf.entrySet()) {
            Path page = tmp.resolve(CorpusGenerator.pageFileName(e.getKey())).toAbsolutePath();
            List<String> warnings = read.warnings().stream().filter(w -> w.file().equals(page))
                    .map(CorpusWarning::message).toList();
            switch (e.getValue()) {
                case MISSING_ABSTRACT, TITLE_AT_EOF -> assertTrue(warnings.size() == 1
                        && warnings.get(0).startsWith("title without an abstract"), page + ": " + warnings);
                case INVALID_UTF8 -> assertTrue(warnings.size() == 1 && warnings.get(0).contains("invalid UTF-8"),
                        page + ": " + warnings);
                case CRLF, BOM -> {
                    assertEquals(List.of(), warnings, page.toString()); // the reader takes these in its stride
                    byte[] b = Files.readAllBytes(page);
                    assertTrue(e.getValue() == Damage.BOM ? (b[0] & 0xFF) == 0xEF : new String(b).contains("\r\n"));
                }
            }
        }
        List<String> junk = read.warnings().stream()
                .filter(w -> w.file().getFileName().toString().startsWith("damaged-"))
                .map(w -> w.file().getFileName() + ": " + w.message()).toList();
        assertTrue(junk.stream().anyMatch(w -> w.startsWith("damaged-empty.txt: empty file")), junk.toString());
        assertTrue(junk.stream().anyMatch(w -> w.startsWith("damaged-binary.txt: binary data")), junk.toString());
    }
}
