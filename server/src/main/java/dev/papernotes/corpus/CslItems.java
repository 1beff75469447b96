package dev.papernotes.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A CSL item (from CSL-JSON or CSL-YAML, as Zotero, Better BibTeX and pandoc write them) as a
 * corpus entry. Items are plain Java values here: maps, lists, strings and numbers, whichever
 * parser produced them.
 */
final class CslItems {
    private CslItems() {
    }

    /** What a usable citekey looks like: pandoc's key characters, no URL, not a bare number. */
    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_:.#$%&+?<>~-]*");

    /**
     * @return the entry, or null when the item has no title (the caller says so)
     */
    static CorpusEntry toEntry(Path file, int line, Map<?, ?> item) {
        String title = text(item.get("title"));
        if (title.isEmpty()) {
            return null;
        }
        String id = text(item.get("id"));
        String citationKey = text(item.get("citation-key"));
        String key = !citationKey.isEmpty() ? citationKey : looksLikeKey(id) ? id : "";
        String handle = !id.isEmpty() ? id : key;
        List<Author> authors = names(item.get("author"));
        if (authors.isEmpty()) {
            authors = names(item.get("editor"));
        }
        String date = date(item.get("issued"));
        String year = date.length() >= 4 ? date.substring(0, 4) : "";
        String doi = Identifiers.doi(text(item.get("DOI")));
        String url = text(item.get("URL"));
        String arxiv = "";
        for (Object candidate : new Object[] {url, doi, item.get("number"), item.get("archive_location"),
            item.get("note")}) {
            arxiv = Identifiers.arxivIn(text(candidate));
            if (!arxiv.isEmpty()) {
                break;
            }
        }
        String venue = first(item, "container-title", "event-title", "event", "collection-title");
        String type = text(item.get("type"));
        if (venue.isEmpty() && (type.equals("article") || type.equals("report") || type.equals("manuscript")
                || type.equals("webpage") || type.equals("thesis") || type.equals("dataset")
                || type.equals("software"))) {
            venue = first(item, "publisher", "archive", "genre");
        }
        List<String> keywords = new ArrayList<>();
        for (String k : text(item.get("keyword")).split("[,;]")) {
            if (!k.isBlank() && !keywords.contains(k.strip())) {
                keywords.add(k.strip());
            }
        }
        return new CorpusEntry(title, text(item.get("abstract")), new Occurrence(file, line, "", handle),
                new PaperMetadata(authors, false, year, date, venue, doi, arxiv, url, keywords, key));
    }

    static boolean looksLikeKey(String id) {
        return !id.isEmpty() && KEY.matcher(id).matches() && !id.chars().allMatch(Character::isDigit);
    }

    private static String first(Map<?, ?> item, String... fields) {
        for (String f : fields) {
            String v = text(item.get(f));
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    /** Text of a scalar; CSL rich text may carry a little HTML ({@code <i>}), which goes. */
    static String text(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof List<?> l) {
            return l.isEmpty() ? "" : text(l.get(0));
        }
        if (o instanceof Map<?, ?>) {
            return "";
        }
        String s = String.valueOf(o);
        if (o instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            s = Long.toString(d.longValue());
        }
        if (s.indexOf('<') >= 0) {
            s = s.replaceAll("</?(i|b|sup|sub|span|sc|em|strong)(\\s[^>]*)?>", "");
        }
        return collapse(s);
    }

    private static String collapse(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    static List<Author> names(Object o) {
        List<Author> out = new ArrayList<>();
        if (!(o instanceof List<?> list)) {
            return out;
        }
        for (Object n : list) {
            if (!(n instanceof Map<?, ?> m)) {
                if (n != null && !String.valueOf(n).isBlank()) {
                    out.add(new Author(String.valueOf(n), ""));
                }
                continue;
            }
            String literal = text(m.get("literal"));
            if (!literal.isEmpty()) {
                out.add(new Author(literal, ""));
                continue;
            }
            String family = text(m.get("family"));
            String particle = String.join(" ", nonEmpty(text(m.get("dropping-particle")),
                    text(m.get("non-dropping-particle"))));
            if (!particle.isEmpty() && !family.isEmpty()) {
                family = particle + " " + family;
            }
            String given = text(m.get("given"));
            if (!family.isEmpty() || !given.isEmpty()) {
                out.add(new Author(family.isEmpty() ? given : family, family.isEmpty() ? "" : given));
            }
        }
        return out;
    }

    private static List<String> nonEmpty(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * A CSL date: {@code {"date-parts": [[2017, 6, 12]]}}, {@code {"raw": "2017-06-12"}},
     * {@code {"literal": ...}}, the YAML form {@code [{year: 2017, month: 6}]}, or a plain string.
     */
    static String date(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Map<?, ?> m) {
            Object parts = m.get("date-parts");
            if (parts instanceof List<?> outer && !outer.isEmpty() && outer.get(0) instanceof List<?> p && !p.isEmpty()) {
                String y = Identifiers.year(text(p.get(0)));
                int month = p.size() > 1 ? number(p.get(1)) : 0;
                int day = p.size() > 2 ? number(p.get(2)) : 0;
                return Identifiers.isoDate(y, month, day);
            }
            if (m.get("year") != null) {
                return Identifiers.isoDate(Identifiers.year(text(m.get("year"))), number(m.get("month")),
                        number(m.get("day")));
            }
            for (String f : new String[] {"raw", "literal"}) {
                String v = text(m.get(f));
                if (!v.isEmpty()) {
                    return Identifiers.isoDate(v).isEmpty() ? Identifiers.year(v) : Identifiers.isoDate(v);
                }
            }
            return "";
        }
        if (o instanceof List<?> l) {
            return l.isEmpty() ? "" : date(l.get(0));
        }
        String s = text(o);
        return Identifiers.isoDate(s);
    }

    private static int number(Object o) {
        String s = text(o);
        return s.matches("\\d{1,4}") ? Integer.parseInt(s) : 0;
    }
}
