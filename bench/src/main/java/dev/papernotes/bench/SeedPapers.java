package dev.papernotes.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed corpus the generator imitates: the 413 distinct papers of the bundled daily-papers
 * pages ({@code corpus/}), frozen as {@code seed-papers.tsv} (title TAB abstract, corpus order) so
 * that a generated corpus stays the same when the bundled corpus changes.
 */
record SeedPapers(List<Paper> papers) {
    record Paper(String title, String abstractText) {
    }

    static SeedPapers load() {
        List<Paper> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(Lexicon.resource("seed-papers.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    out.add(new Paper(line.substring(0, tab), line.substring(tab + 1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SeedPapers(List.copyOf(out));
    }
}
