package dev.papernotes.corpus;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DOIs, arXiv ids and dates as libraries write them, brought to one form each. */
public final class Identifiers {
    private Identifiers() {
    }

    private static final Pattern DOI = Pattern.compile("(10\\.\\d{4,9}/\\S+)");
    /** New-style ids (1706.03762, 2401.00001) and old-style ones (hep-th/9901001, math.GT/0309136). */
    private static final Pattern ARXIV = Pattern.compile(
            "(?<![\\w.])(\\d{4}\\.\\d{4,5}|[a-z][a-z-]*(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?(?!\\d)");
    private static final Pattern ARXIV_URL = Pattern.compile(
            "(?i)arxiv\\.org/(?:abs|pdf|html)/([^?#\\s]+?)(?:v\\d+)?(?:\\.pdf)?(?:[?#].*)?$");
    private static final Pattern ARXIV_DOI = Pattern.compile("(?i)^10\\.48550/arxiv\\.(.+)$");
    private static final Pattern ARXIV_MENTION = Pattern.compile("(?i)arxiv:\\s*(\\S+)");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d|21\\d\\d)(?!\\d)");
    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

    /** {@code https://doi.org/10.1000/ABC} → {@code 10.1000/abc}; empty when there is no DOI in it. */
    public static String doi(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        Matcher m = DOI.matcher(raw.strip());
        if (!m.find()) {
            return "";
        }
        String d = m.group(1);
        while (!d.isEmpty() && ".,;".indexOf(d.charAt(d.length() - 1)) >= 0) {
            d = d.substring(0, d.length() - 1);
        }
        return d.toLowerCase(Locale.ROOT);
    }

    /** An arXiv id without version, from an id as written ({@code arXiv:1706.03762v5}); else empty. */
    public static String arxiv(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String s = raw.strip();
        Matcher mention = ARXIV_MENTION.matcher(s);
        if (mention.find()) {
            s = mention.group(1);
        }
        Matcher m = ARXIV.matcher(s);
        return m.find() ? m.group(1) : "";
    }

    /** The arXiv id in an arxiv.org URL, an arXiv DOI ({@code 10.48550/arXiv.X}) or "arXiv:X" text. */
    public static String arxivIn(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        Matcher u = ARXIV_URL.matcher(text.strip());
        if (u.find()) {
            return arxiv(u.group(1));
        }
        Matcher d = ARXIV_DOI.matcher(text.strip());
        if (d.find()) {
            return arxiv(d.group(1));
        }
        Matcher mention = ARXIV_MENTION.matcher(text);
        if (mention.find()) {
            return arxiv(mention.group(1));
        }
        return "";
    }

    /** The first plausible year (1500-2199) in a date or year field, or empty. */
    public static String year(String raw) {
        if (raw == null) {
            return "";
        }
        Matcher m = YEAR.matcher(raw);
        return m.find() ? m.group(1) : "";
    }

    /** {@code 2017-6-2} → {@code 2017-06-02}; anything else that starts with a year → the year. */
    public static String isoDate(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        Matcher m = ISO_DATE.matcher(raw.strip());
        if (!m.find()) {
            return year(raw);
        }
        return isoDate(m.group(1), parse(m.group(2)), parse(m.group(3)));
    }

    /** A date from its parts; month and day 0 (or out of range) when unknown. */
    public static String isoDate(String year, int month, int day) {
        if (year == null || year.isEmpty()) {
            return "";
        }
        if (month < 1 || month > 12) {
            return year;
        }
        String ym = year + "-" + (month < 10 ? "0" : "") + month;
        return day < 1 || day > 31 ? ym : ym + "-" + (day < 10 ? "0" : "") + day;
    }

    /** Month names and numbers as BibTeX writes them ({@code jun}, {@code June}, {@code 6}); 0 if unknown. */
    public static int month(String raw) {
        if (raw == null) {
            return 0;
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return 0;
        }
        if (Character.isDigit(s.charAt(0))) {
            return parse(s.replaceAll("\\D.*", ""));
        }
        String[] names = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (int i = 0; i < names.length; i++) {
            if (s.startsWith(names[i])) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int parse(String s) {
        if (s == null || s.isEmpty() || s.length() > 4) {
            return 0;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
