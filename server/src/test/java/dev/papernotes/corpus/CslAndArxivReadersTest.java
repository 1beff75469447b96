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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSL-JSON, CSL-YAML and arXiv metadata lines, whole and damaged. */
class CslAndArxivReadersTest {
    private final List<CorpusEntry> entries = new ArrayList<>();
    private final List<CorpusWarning> warnings = new ArrayList<>();

    private void read(Path file, String text) throws IOException {
        CorpusReaders.read(file, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), entries::add,
                warnings::add);
    }

    private List<String> titles() {
        return entries.stream().map(CorpusEntry::title).toList();
    }

    private static final Path JSON = Path.of("/library/My Library.json");
    private static final Path YAML = Path.of("/library/references.yaml");
    private static final Path JSONL = Path.of("/library/arxiv.jsonl");

    @Test
    void zoteroCslJson() throws IOException {
        read(JSON, """
                [
                  {"id": "http://zotero.org/users/1/items/ABCD1234", "type": "article-journal",
                   "title": "Zotero's Own <i>Export</i>", "container-title": "Journal of Things",
                   "author": [{"family": "Berg", "given": "Pieter", "non-dropping-particle": "van der"},
                              {"literal": "The Consortium"}],
                   "issued": {"date-parts": [["2019", 3]]}, "DOI": "https://doi.org/10.1000/ABC.1",
                   "URL": "https://arxiv.org/abs/1901.00001v3", "keyword": "a, b; c"},
                  {"id": "bbtKey2020", "citation-key": "bbtKey2020", "title": "Better CSL",
                   "issued": {"raw": "2020-05-17"}, "abstract": "Text."}
                ]
                """);
        assertEquals(List.of(), warnings);
        assertEquals(List.of("Zotero's Own Export", "Better CSL"), titles());
        PaperMetadata z = entries.get(0).metadata();
        assertEquals(List.of(new Author("van der Berg", "Pieter"), new Author("The Consortium", "")), z.authors());
        assertEquals("2019-03", z.date());
        assertEquals("10.1000/abc.1", z.doi());
        assertEquals("1901.00001", z.arxivId());
        assertEquals("Journal of Things", z.venue());
        assertEquals(List.of("a", "b", "c"), z.keywords());
        assertEquals("", z.key(), "a Zotero item URI is no citekey");
        assertEquals(2, entries.get(0).occurrence().line());
        PaperMetadata b = entries.get(1).metadata();
        assertEquals("bbtKey2020", b.key());
        assertEquals("2020-05-17", b.date());
        assertEquals(8, entries.get(1).occurrence().line());
    }

    @Test
    void aBrokenItemOrAMissingCommaCostsOneItem() throws IOException {
        read(JSON, """
                [
                  {"id": "a", "title": "A"}
                  {"id": "b", "title": "B"},
                  {"id": "c", "title": "C",, "oops": },
                  {"id": "d", "title": "D"},
                  {"id": "e"}
                ]
                """);
        assertEquals(List.of("A", "B", "D"), titles());
        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals(4, warnings.get(0).line());
        assertTrue(warnings.get(0).message().startsWith("item is not valid JSON"), warnings.get(0).message());
        assertEquals(new CorpusWarning(JSON, 6, "item 'e' has no title; skipped"), warnings.get(1));
    }

    @Test
    void aCslJsonFileCutOffSaysSo(@TempDir Path dir) throws IOException {
        read(JSON, "[\n  {\"id\": \"a\", \"title\": \"A\"},\n  {\"id\": \"b\", \"tit");
        assertEquals(List.of("A"), titles());
        assertEquals(List.of(new CorpusWarning(JSON, 3, "the file ends inside this item (still being written?); "
                + "item skipped")), warnings);
        Path f = dir.resolve("x.json");
        Files.writeString(f, "[\n  {\"id\": \"a\", \"title\": \"A\"},\n  {\"id\": \"b\", \"tit");
        assertFalse(CslJsonReader.INSTANCE.looksComplete(f));
        Files.writeString(f, "[\n  {\"id\": \"a\", \"title\": \"A\"}\n]\n");
        assertTrue(CslJsonReader.INSTANCE.looksComplete(f));
    }

    @Test
    void notCslJson() throws IOException {
        read(JSON, "\"just a string\"");
        assertEquals(List.of(), entries);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).message().startsWith("not CSL-JSON"), warnings.toString());
    }

    @Test
    void pandocCslYaml() throws IOException {
        read(YAML, """
                ---
                references:
                - id: hassan2023
                  type: paper-conference
                  title: 'Flow Matching: A Case'
                  author:
                  - family: Hassan
                    given: Layla
                  issued:
                  - year: 2023
                    month: 4
                  container-title: Invented Workshop
                - id: second
                  title: Second
                  issued: 2021-09-01
                  DOI: 10.9/x
                ...
                """);
        assertEquals(List.of(), warnings);
        assertEquals(List.of("Flow Matching: A Case", "Second"), titles());
        assertEquals(3, entries.get(0).occurrence().line());
        assertEquals("2023-04", entries.get(0).metadata().date());
        assertEquals("Invented Workshop", entries.get(0).metadata().venue());
        assertEquals("hassan2023", entries.get(0).metadata().key());
        assertEquals("2021-09-01", entries.get(1).metadata().date());
        assertEquals(13, entries.get(1).occurrence().line());
    }

    @Test
    void aYamlSyntaxErrorKeepsTheItemsBeforeIt() throws IOException {
        read(YAML, """
                references:
                - id: one
                  title: One
                - id: two
                  title: "Two
                  author: [unclosed
                - id: three
                  title: Three
                """);
        assertEquals(List.of("One"), titles());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).message().startsWith("YAML error"), warnings.toString());
        assertTrue(warnings.get(0).line() >= 5, warnings.toString());
    }

    @Test
    void arxivSnapshotLines() throws IOException {
        read(JSONL, """
                {"id":"0704.0001","submitter":"S","authors":"C. Bal\\\\'azs, E. L. Berger","title":"A Wrapped\\n  Title","comments":null,"journal-ref":"Phys.Rev.D76:013009,2007","doi":"10.1103/PhysRevD.76.013009","report-no":null,"categories":"hep-ph","license":null,"abstract":"  An abstract\\nover lines.\\n","versions":[{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"},{"version":"v2","created":"Tue, 24 Jul 2007 20:10:27 GMT"}],"update_date":"2008-11-26","authors_parsed":[["Bal\\\\'azs","C.",""],["Berger","E. L.",""]]}

                {"id":"2301.00002","title":"No authors_parsed","authors":"Ada Lovelace and Alan Turing","categories":"cs.LG stat.ML","versions":[],"update_date":"2023-01-09"}
                this is not json
                {"id":"2301.00003","abstract":"no title"}
                """);
        assertEquals(List.of("A Wrapped Title", "No authors_parsed"), titles());
        CorpusEntry first = entries.get(0);
        assertEquals(new Occurrence(JSONL, 1, "", "0704.0001"), first.occurrence());
        assertEquals("An abstract over lines.", first.abstractText());
        PaperMetadata m = first.metadata();
        assertEquals(List.of(new Author("Balázs", "C."), new Author("Berger", "E. L.")), m.authors());
        assertEquals("2007-04-02", m.date());
        assertEquals("Phys.Rev.D76:013009,2007", m.venue());
        assertEquals("10.1103/physrevd.76.013009", m.doi());
        assertEquals("0704.0001", m.arxivId());
        assertEquals("https://arxiv.org/abs/0704.0001", m.url());
        assertEquals(List.of("hep-ph"), m.keywords());
        PaperMetadata second = entries.get(1).metadata();
        assertEquals(List.of(new Author("Lovelace", "Ada"), new Author("Turing", "Alan")), second.authors());
        assertEquals("2023-01", second.date(), "no versions: the year and month of the id");
        assertEquals("arXiv", second.venue());
        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals(4, warnings.get(0).line());
        assertTrue(warnings.get(0).message().startsWith("not a JSON object"), warnings.toString());
        assertEquals(new CorpusWarning(JSONL, 5, "no title; line skipped"), warnings.get(1));
    }

    @Test
    void arxivLinesCutOff(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("a.jsonl");
        Files.writeString(f, "{\"id\":\"1\",\"title\":\"T\"}\n{\"id\":\"2\",\"tit");
        assertFalse(ArxivJsonlReader.INSTANCE.looksComplete(f));
        Files.writeString(f, "{\"id\":\"1\",\"title\":\"T\"}\n{\"id\":\"2\",\"title\":\"U\"}");
        assertTrue(ArxivJsonlReader.INSTANCE.looksComplete(f));
    }

    @Test
    void identifiersAsLibrariesWriteThem() {
        assertEquals("10.1000/abc", Identifiers.doi("https://doi.org/10.1000/ABC"));
        assertEquals("10.1000/abc(1)", Identifiers.doi("doi:10.1000/abc(1)."));
        assertEquals("", Identifiers.doi("not a doi"));
        assertEquals("1706.03762", Identifiers.arxiv("arXiv:1706.03762v5"));
        assertEquals("hep-th/9901001", Identifiers.arxiv("hep-th/9901001v2"));
        assertEquals("math.GT/0309136", Identifiers.arxiv("math.GT/0309136"));
        assertEquals("1706.03762", Identifiers.arxivIn("http://arxiv.org/pdf/1706.03762v2.pdf"));
        assertEquals("1706.03762", Identifiers.arxivIn("10.48550/arXiv.1706.03762"));
        assertEquals("2402.01234", Identifiers.arxivIn("arXiv preprint arXiv:2402.01234"));
        assertEquals("", Identifiers.arxivIn("https://example.org/abs/1706.03762"));
        assertEquals("2017-06-02", Identifiers.isoDate("2017-6-2"));
        assertEquals("2017", Identifiers.isoDate("June 2017"));
        assertEquals(6, Identifiers.month("jun"));
        assertEquals(11, Identifiers.month("11"));
    }
}
