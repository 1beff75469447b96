package dev.papernotes.corpus;

import dev.papernotes.names.LatexText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A BibTeX or BibLaTeX entry's fields as a corpus entry. Both shapes Better BibTeX writes are read:
 * BibTeX ({@code journal}, {@code year}/{@code month}, {@code eprint} with {@code archiveprefix})
 * and BibLaTeX ({@code journaltitle}, {@code date}, {@code eprint} with {@code eprinttype} and
 * {@code eprintclass}); LaTeX in every field becomes Unicode.
 */
final class BibFields {
    private BibFields() {
    }

    /** Entry types that are not papers but containers of settings or shared data. */
    static final Set<String> NOT_PAPERS = Set.of("comment", "preamble", "string", "set", "xdata");

    /** Types whose publisher (or institution) is where they appeared. */
    private static final Set<String> PUBLISHER_VENUE = Set.of("misc", "online", "report", "techreport",
            "unpublished", "thesis", "phdthesis", "mastersthesis", "software", "dataset", "electronic", "www");

    /**
     * @param fields lower-case field names to raw (LaTeX) values, macros already resolved
     * @return the entry, or null when it has no title
     */
    static CorpusEntry toEntry(Path file, int line, String type, String key, Map<String, String> fields) {
        String title = LatexText.toUnicode(fields.getOrDefault("title", ""));
        String subtitle = LatexText.toUnicode(fields.getOrDefault("subtitle", ""));
        if (!subtitle.isEmpty() && !title.isEmpty()) {
            title = title + (title.endsWith(":") || title.endsWith("?") || title.endsWith("!") ? " " : ": ") + subtitle;
        }
        if (title.isEmpty()) {
            return null;
        }
        String abstractText = LatexText.toUnicode(fields.getOrDefault("abstract", ""));
        BibNames.Names names = BibNames.parse(fields.getOrDefault("author", ""));
        if (names.authors().isEmpty()) {
            names = BibNames.parse(fields.getOrDefault("editor", ""));
        }
        String date = dateOf(fields);
        String year = date.isEmpty() ? Identifiers.year(fields.getOrDefault("year", "")) : date.substring(0, 4);
        String doi = Identifiers.doi(fields.getOrDefault("doi", ""));
        String url = LatexText.toUnicode(fields.getOrDefault("url", "")).replace(" ", "");
        String arxiv = arxivOf(fields, doi, url);
        return new CorpusEntry(title, abstractText, new Occurrence(file, line, "", key),
                new PaperMetadata(names.authors(), names.more(), year, date, venueOf(type, fields), doi, arxiv, url,
                        keywordsOf(fields), key));
    }

    private static String dateOf(Map<String, String> fields) {
        String date = Identifiers.isoDate(LatexText.toUnicode(fields.getOrDefault("date", "")));
        if (!date.isEmpty()) {
            return date;
        }
        String year = Identifiers.year(fields.getOrDefault("year", ""));
        if (year.isEmpty()) {
            return "";
        }
        return Identifiers.isoDate(year, Identifiers.month(fields.getOrDefault("month", "")),
                dayOf(fields.getOrDefault("day", "")));
    }

    private static int dayOf(String raw) {
        String d = raw.strip();
        return d.matches("\\d{1,2}") ? Integer.parseInt(d) : 0;
    }

    private static String venueOf(String type, Map<String, String> fields) {
        for (String f : List.of("journaltitle", "journal", "booktitle", "eventtitle")) {
            String v = LatexText.toUnicode(fields.getOrDefault(f, ""));
            if (!v.isEmpty()) {
                return v;
            }
        }
        if (PUBLISHER_VENUE.contains(type)) {
            for (String f : List.of("publisher", "institution", "school", "organization", "howpublished")) {
                String v = LatexText.toUnicode(fields.getOrDefault(f, ""));
                if (!v.isEmpty() && !v.startsWith("\\url") && !v.contains("://")) {
                    return v;
                }
            }
        }
        return "";
    }

    private static String arxivOf(Map<String, String> fields, String doi, String url) {
        String prefix = fields.getOrDefault("archiveprefix", fields.getOrDefault("eprinttype", ""))
                .strip().toLowerCase(Locale.ROOT);
        String eprint = fields.getOrDefault("eprint", "");
        if (!eprint.isBlank() && (prefix.isEmpty() || prefix.equals("arxiv"))) {
            String id = Identifiers.arxiv(eprint);
            if (!id.isEmpty()) {
                return id;
            }
        }
        for (String candidate : List.of(url, doi, fields.getOrDefault("journal", ""),
                fields.getOrDefault("number", ""), fields.getOrDefault("note", ""))) {
            String id = Identifiers.arxivIn(candidate);
            if (!id.isEmpty()) {
                return id;
            }
        }
        return "";
    }

    private static List<String> keywordsOf(Map<String, String> fields) {
        List<String> out = new ArrayList<>();
        String raw = LatexText.toUnicode(fields.getOrDefault("keywords", ""));
        for (String k : raw.split("[,;]")) {
            String t = k.strip();
            if (!t.isEmpty() && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
