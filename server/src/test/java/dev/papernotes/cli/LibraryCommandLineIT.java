package dev.papernotes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.papernotes.JarProcess;
import dev.papernotes.JarProcess.Result;
import dev.papernotes.index.LibraryFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A library as corpus from the command line: search by author, export's new fields, check's corpus problems. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibraryCommandLineIT {
    private Path home;
    private Path cache;
    private Path lib;
    private String index;

    @BeforeAll
    void setUp(@TempDir Path dir) throws Exception {
        home = dir;
        cache = Files.createDirectories(dir.resolve("cache"));
        lib = LibraryFixtures.copyTo(dir.resolve("library"));
        index = dir.resolve("index").toString();
        Result r = JarProcess.run(home, cache, "index", "--corpus", lib.toString(), "--index", index);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("indexed 13 papers (16 entries read from 5 changed files"), r.out());
        assertTrue(r.err().contains("zotero-bibtex.bib:43: warning: entry 'brokenEntry2022' is not closed"), r.err());
    }

    @Test
    void searchFindsByAuthorAndTitleWords() throws Exception {
        Result r = JarProcess.run(home, cache, "search", "vaswani", "attention", "--corpus", lib.toString(), "--index",
                index, "--json");
        assertEquals(0, r.status(), r.err());
        JsonObject first = JsonParser.parseString(r.out()).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("vaswaniAttentionAllYou2017", first.get("citekey").getAsString());
        assertEquals("Vaswani", first.getAsJsonArray("authors").get(0).getAsJsonObject().get("family").getAsString());
    }

    @Test
    void exportKeepsItsKeysAndAddsTheLibraryFields() throws Exception {
        Result r = JarProcess.run(home, cache, "export", "--corpus", lib.toString(), "--index", index);
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.outLines();
        assertEquals(13, lines.size());
        JsonObject attention = lines.stream().map(l -> JsonParser.parseString(l).getAsJsonObject())
                .filter(o -> o.get("citekey").getAsString().equals("vaswaniAttentionAllYou2017")).findFirst().orElseThrow();
        assertEquals(List.of("id", "title", "methods", "citekey", "occurrences", "authors", "year", "date", "venue",
                "doi", "arxiv", "url", "keywords"), List.copyOf(attention.keySet()));
        assertEquals("2017", attention.get("year").getAsString());
        assertEquals("1706.03762", attention.get("arxiv").getAsString());
        JsonObject bib = attention.getAsJsonArray("occurrences").get(1).getAsJsonObject();
        assertEquals(List.of("file", "line", "date", "entry"), List.copyOf(bib.keySet()));
        assertEquals("vaswaniAttentionAllYou2017", bib.get("entry").getAsString());
    }

    @Test
    void checkReportsCorpusProblemsWithTheNotes() throws Exception {
        Path notes = Files.createDirectories(home.resolve("notes"));
        Files.writeString(notes.resolve("n.md"), "Both @vaswaniAttentionAllYou2017 and @missing2020.\n");
        Result r = JarProcess.run(home, cache, "check", "notes", "--corpus", lib.toString(), "--index", index);
        assertEquals(1, r.status(), r.out() + r.err());
        assertEquals(List.of(
                // paths as the notes' are shown: relative to where the command runs
                "library/zotero-bibtex.bib:43: warning: entry 'brokenEntry2022' is not closed (a '}' is "
                        + "missing before line 50); its fields were read line by line",
                "library/zotero.json:34: warning: item 'noTitle2020' has no title; skipped",
                "notes/n.md:1:38: warning: Unknown citekey '@missing2020'"), r.outLines());
    }
}
