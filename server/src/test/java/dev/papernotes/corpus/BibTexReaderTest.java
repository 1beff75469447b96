package dev.papernotes.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BibTeX and BibLaTeX as Better BibTeX writes them, and as damage leaves them. */
class BibTexReaderTest {
    private static final Path FILE = Path.of("/library/refs.bib");
    private final List<CorpusEntry> entries = new ArrayList<>();
    private final List<CorpusWarning> warnings = new ArrayList<>();

    private void read(String text) throws IOException {
        CorpusReaders.read(FILE, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), entries::add,
                warnings::add);
    }

    private CorpusEntry only() {
        assertEquals(1, entries.size(), entries.toString());
        return entries.get(0);
    }

    private List<String> keys() {
        return entries.stream().map(e -> e.metadata().key()).toList();
    }

    @Test
    void betterBibTexBibtexShape() throws IOException {
        read("""
                @inproceedings{vaswaniAttentionAllYou2017,
                  title = {Attention Is All You Need},
                  author = {Vaswani, Ashish and Shazeer, Noam and Kaiser, {\\L}ukasz},
                  year = {2017},
                  month = jun,
                  booktitle = {Advances in Neural Information Processing Systems},
                  eprint = {1706.03762},
                  archiveprefix = {arXiv},
                  primaryclass = {cs},
                  doi = {10.5555/3295222.3295349},
                  url = {http://arxiv.org/abs/1706.03762},
                  keywords = {Computer Science - Machine Learning,Transformers}
                }
                """);
        CorpusEntry e = only();
        assertEquals(List.of(), warnings);
        assertEquals("Attention Is All You Need", e.title());
        assertEquals(new Occurrence(FILE, 1, "", "vaswaniAttentionAllYou2017"), e.occurrence());
        PaperMetadata m = e.metadata();
        assertEquals(List.of(new Author("Vaswani", "Ashish"), new Author("Shazeer", "Noam"), new Author("Kaiser", "Łukasz")),
                m.authors());
        assertEquals("2017", m.year());
        assertEquals("2017-06", m.date());
        assertEquals("Advances in Neural Information Processing Systems", m.venue());
        assertEquals("1706.03762", m.arxivId());
        assertEquals("10.5555/3295222.3295349", m.doi());
        assertEquals(List.of("Computer Science - Machine Learning", "Transformers"), m.keywords());
        assertEquals("vaswaniAttentionAllYou2017", m.key());
    }

    @Test
    void betterBibLatexShape() throws IOException {
        read("""
                @online{tanakaSparse2024,
                  title = {Sparse Mixtures},
                  author = {Tanaka, Yuki},
                  date = {2024-02-29},
                  eprint = {2402.01234v2},
                  eprinttype = {arxiv},
                  eprintclass = {cs},
                  journaltitle = {Invented Letters}
                }
                """);
        PaperMetadata m = only().metadata();
        assertEquals("2024-02-29", m.date());
        assertEquals("2024", m.year());
        assertEquals("2402.01234", m.arxivId());
        assertEquals("Invented Letters", m.venue());
    }

    @Test
    void latexInFieldsBecomesUnicode() throws IOException {
        read("""
                @article{k,
                  title = {{{\\"U}ber} gro{\\ss}e {{BERT}}-Modelle: \\emph{Ein} Vergleich --- mit \\enquote{Zitat} und 10\\% \\& ``mehr''},
                  author = {M{\\"u}ller, J{\\"o}rg and Garc\\'{\\i}a, Mar{\\'i}a and {\\v{S}}koda, Ji\\v{r}{\\'\\i}},
                  abstract = {A $\\alpha$-test on 1--2 \\href{https://example.org}{cases} with~spaces
                    across lines.},
                  year = 2023
                }
                """);
        CorpusEntry e = only();
        assertEquals("Über große BERT-Modelle: Ein Vergleich — mit “Zitat” und 10% & “mehr”", e.title());
        assertEquals(List.of(new Author("Müller", "Jörg"), new Author("García", "María"), new Author("Škoda", "Jiří")),
                e.metadata().authors());
        assertEquals("A α-test on 1–2 cases with spaces across lines.", e.abstractText());
        assertEquals("2023", e.metadata().year());
    }

    @Test
    void namesWithParticlesSuffixesOrganisationsAndOthers() {
        BibNames.Names n = BibNames.parse("van der Berg, Pieter and Ludwig van Beethoven and {Deep Learning Group} "
                + "and King, Jr., Martin Luther and AND and others");
        assertEquals(List.of(new Author("van der Berg", "Pieter"), new Author("van Beethoven", "Ludwig"),
                new Author("Deep Learning Group", ""), new Author("King", "Martin Luther"), new Author("AND", "")),
                n.authors());
        assertTrue(n.more());
        assertEquals("berg", n.authors().get(0).key());
        assertEquals("beethoven", n.authors().get(1).key());
    }

    @Test
    void stringMacrosAndConcatenation() throws IOException {
        read("""
                @string{ieee = "IEEE"}
                @String(trans = {Transactions on } # ieee)
                @article{a, title = {A}, journal = ieee # " " # trans # "Things", month = sep, year = 1999}
                @article{b, title = {B}, journal = nowhere, year = 2000}
                """);
        assertEquals(List.of("a", "b"), keys());
        assertEquals("IEEE Transactions on IEEEThings", entries.get(0).metadata().venue());
        assertEquals("1999-09", entries.get(0).metadata().date());
        assertEquals(List.of(new CorpusWarning(FILE, 4, "undefined @string 'nowhere'; read as empty")), warnings);
    }

    @Test
    void crossrefFillsMissingFieldsWhetherTheParentComesAfterOrBefore() throws IOException {
        read("""
                @inproceedings{child1, title = {One}, author = {A, B}, crossref = {conf}}
                @proceedings{conf, title = {Proceedings of Conf}, year = {2020}, publisher = {Pub}}
                @inproceedings{child2, title = {Two}, crossref = {conf}, year = {2021}}
                @inproceedings{orphan, title = {Three}, crossref = {missing}}
                """);
        assertEquals(4, entries.size());
        CorpusEntry one = entries.stream().filter(e -> e.title().equals("One")).findFirst().orElseThrow();
        assertEquals("Proceedings of Conf", one.metadata().venue());
        assertEquals("2020", one.metadata().year());
        assertEquals(1, one.occurrence().line());
        CorpusEntry two = entries.stream().filter(e -> e.title().equals("Two")).findFirst().orElseThrow();
        assertEquals("2021", two.metadata().year(), "the child's own fields win");
        assertEquals(List.of(new CorpusWarning(FILE, 4, "entry 'orphan': crossref 'missing' is not in this file; "
                + "read without it")), warnings);
    }

    @Test
    void anUnclosedBraceCostsOneEntryNotTheRestOfTheFile() throws IOException {
        read("""
                @article{before, title = {Before}, year = 2001}

                @article{broken,
                  title = {An {Unclosed Brace,
                  author = {Nobody, Nemo},
                  year = {2002}
                }

                @article{after1, title = {After One}, year = 2003}
                @article{after2, title = {After Two}, year = 2004}
                """);
        assertEquals(List.of("before", "broken", "after1", "after2"), keys());
        CorpusEntry broken = entries.get(1);
        assertEquals("An Unclosed Brace", broken.title());
        assertEquals(List.of(new Author("Nobody", "Nemo")), broken.metadata().authors());
        assertEquals("2002", broken.metadata().year());
        assertEquals(List.of(new CorpusWarning(FILE, 3, "entry 'broken' is not closed (a '}' is missing before "
                + "line 9); its fields were read line by line")), warnings);
    }

    @Test
    void anEntryJbibtexRejectsIsReadFieldByField() throws IOException {
        read("""
                @article{nocomma,
                  title = {Missing Comma}
                  year = {2005}
                }
                @article{fine, title = {Fine}}
                """);
        assertEquals(List.of("nocomma", "fine"), keys());
        assertEquals("2005", entries.get(0).metadata().year());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).message().startsWith("entry 'nocomma' does not parse"), warnings.toString());
        assertEquals(3, warnings.get(0).line(), "the line jbibtex stopped at");
    }

    @Test
    void aFileCutOffInsideAnEntrySaysSoAndKeepsTheEntriesBefore() throws IOException {
        read("@article{a, title = {A}}\n@article{b,\n  title = {B is cut o");
        assertEquals(List.of("a"), keys());
        assertEquals(List.of(new CorpusWarning(FILE, 2,
                "entry 'b' is cut off at the end of the file (still being written?); skipped")), warnings);
    }

    @Test
    void keysInAnyScriptDuplicatesAndEntriesWithoutTitle() throws IOException {
        read("""
                @book{胡適哲學史1917, title = {中國哲學史大綱}, author = {胡適}, year = {1919}}
                @article{dup, title = {First}}
                @article{dup, title = {Second}}
                @misc{notitle, author = {Someone}}
                """);
        assertEquals(List.of("胡適哲學史1917", "dup", "dup"), keys());
        assertEquals("dup#3", entries.get(2).occurrence().handle(), "a duplicate key keeps its entries apart");
        assertEquals(List.of(new CorpusWarning(FILE, 3, "duplicate key 'dup' (first at line 2)"),
                new CorpusWarning(FILE, 4, "entry 'notitle' has no title; skipped")), warnings);
    }

    @Test
    void commentsPreambleAndTextBetweenEntriesAreNotPapers() throws IOException {
        read("""
                This file was exported by Better BibTeX.
                @preamble{"\\newcommand{\\noopsort}[1]{}"}
                @comment{jabref-meta: databaseType:bibtex;}
                % a comment line
                @article{x, title = {X}}
                free text after an entry
                """);
        assertEquals(List.of("x"), keys());
        assertEquals(List.of(), warnings);
        assertEquals(5, entries.get(0).occurrence().line());
    }

    @Test
    void emptyAndBinaryFiles() throws IOException {
        read("");
        assertEquals(List.of(new CorpusWarning(FILE, 1, "empty file: no papers")), warnings);
        warnings.clear();
        CorpusReaders.read(FILE, new ByteArrayInputStream(new byte[] {'@', 'a', 0, 1, 2, '\n'}), entries::add,
                warnings::add);
        assertEquals("binary data (NUL bytes); the rest of the file is skipped", warnings.get(0).message());
        assertEquals(List.of(), entries);
    }

    @Test
    void aBibFileSavedAsTxtIsReadAsBibtexWithAWarning() throws IOException {
        Path txt = Path.of("/library/refs.txt");
        CorpusReaders.read(txt, new ByteArrayInputStream("@article{x, title = {X}}\n".getBytes(StandardCharsets.UTF_8)),
                entries::add, warnings::add);
        assertEquals(List.of("x"), keys());
        assertEquals(List.of(new CorpusWarning(txt, 1, "the file is BibTeX, not a daily-papers page as its extension "
                + "says; read as BibTeX")), warnings);
    }

    @Test
    void looksCompleteOnlyWhenTheLastEntryCloses(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.bib");
        Files.writeString(f, "@article{a, title = {A}}\n\n@article{b,\n  title = {B}\n}\n% trailing comment\n");
        assertTrue(BibTexReader.INSTANCE.looksComplete(f));
        Files.writeString(f, "@article{a, title = {A}}\n\n@article{b,\n  title = {B}\n");
        assertFalse(BibTexReader.INSTANCE.looksComplete(f));
        Files.writeString(f, "");
        assertTrue(BibTexReader.INSTANCE.looksComplete(f));
    }

    /**
     * Cut anywhere, a library still yields every entry that ends before the cut, never throws, and
     * names a line inside the file in every warning.
     */
    @Test
    void randomCutsNeverLoseTheEntriesBeforeThem() throws IOException {
        String whole = Files.readString(Path.of("src/test/resources/library/zotero-bibtex.bib"));
        List<String> all = new ArrayList<>();
        CorpusReaders.read(FILE, new ByteArrayInputStream(whole.getBytes(StandardCharsets.UTF_8)),
                e -> all.add(e.metadata().key()), w -> { });
        Random random = new Random(20240611);
        for (int round = 0; round < 200; round++) {
            int cut = random.nextInt(whole.length() + 1);
            String part = whole.substring(0, cut);
            entries.clear();
            warnings.clear();
            read(part);
            int lines = part.split("\n", -1).length;
            for (CorpusWarning w : warnings) {
                assertTrue(w.line() >= 0 && w.line() <= lines, "cut " + cut + ": " + w);
            }
            for (String key : all) {
                int end = whole.indexOf("\n}\n", whole.indexOf("{" + key + ","));
                if (end >= 0 && end + 2 <= cut && !key.equals("brokenEntry2022")) { // its braces never close
                    assertTrue(keys().contains(key), "cut at " + cut + " lost " + key + ": " + keys());
                }
            }
        }
    }

    /** A sink that knows the fingerprints of a first reading. */
    private static final class Remembering implements EntrySink {
        final java.util.Map<String, Long> known = new java.util.HashMap<>();
        final List<String> parsed = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        @Override
        public boolean isUnchanged(Occurrence at, long fingerprint) {
            return known.getOrDefault(at.handle(), 0L) == fingerprint;
        }

        @Override
        public void unchanged(Occurrence at, long fingerprint) {
            skipped.add(at.handle() + "@" + at.line());
        }

        @Override
        public void accept(CorpusEntry e, long fingerprint) {
            parsed.add(e.occurrence().handle());
            known.put(e.occurrence().handle(), fingerprint);
        }
    }

    @Test
    void entriesReadBeforeUnchangedAreNotParsedAgainButMacrosAndCrossrefsCount() throws IOException {
        String text = """
                @string{v = {Venue}}
                @article{a, title = {A}, journal = v}
                @article{b, title = {B}}
                @inproceedings{c, title = {C}, crossref = {p}}
                @proceedings{p, title = {P}}
                """;
        Remembering sink = new Remembering();
        CorpusReaders.read(FILE, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sink, warnings::add);
        assertEquals(List.of("a", "b", "p", "c"), sink.parsed, "the child waits for its parent");
        // Read again with one entry changed and one moved down a line: only the changed one is parsed;
        // a crossref child and its parent always are.
        sink.parsed.clear();
        String again = text.replace("@article{b, title = {B}}", "\n@article{b, title = {B, changed}}");
        CorpusReaders.read(FILE, new ByteArrayInputStream(again.getBytes(StandardCharsets.UTF_8)), sink, warnings::add);
        assertEquals(List.of("b", "p", "c"), sink.parsed);
        assertEquals(List.of("a@2"), sink.skipped);
        // A changed @string changes what the entries after it mean: they are parsed again.
        sink.parsed.clear();
        sink.skipped.clear();
        String macro = again.replace("{Venue}", "{Another Venue}");
        CorpusReaders.read(FILE, new ByteArrayInputStream(macro.getBytes(StandardCharsets.UTF_8)), sink, warnings::add);
        assertEquals(List.of("a", "b", "p", "c"), sink.parsed);
        assertEquals(List.of(), warnings);
    }
}
