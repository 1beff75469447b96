package dev.papernotes.corpus;

import dev.papernotes.names.LatexText;
import java.util.ArrayList;
import java.util.List;

/**
 * BibTeX name lists: {@code Vaswani, Ashish and Shazeer, Noam and others},
 * {@code Ludwig van Beethoven}, {@code {Google DeepMind}}, {@code von Last, Jr., First}, with LaTeX
 * in them ({@code M{\"u}ller}). Splits at {@code and} outside braces, as BibTeX does.
 */
final class BibNames {
    private BibNames() {
    }

    /** The authors of a name list, and whether it ended in "and others". */
    record Names(List<Author> authors, boolean more) {
    }

    static Names parse(String raw) {
        List<Author> out = new ArrayList<>();
        boolean more = false;
        if (raw == null || raw.isBlank()) {
            return new Names(out, false);
        }
        for (String part : splitAnd(raw)) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (name.equalsIgnoreCase("others")) {
                more = true;
                continue;
            }
            Author a = one(name);
            if (!a.family().isEmpty() || !a.given().isEmpty()) {
                out.add(a);
            }
        }
        return new Names(out, more);
    }

    /** Splits at the word {@code and} (any case) between spaces, outside braces. */
    static List<String> splitAnd(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && Character.isWhitespace(c) && i + 4 < n
                    && s.regionMatches(true, i + 1, "and", 0, 3) && Character.isWhitespace(s.charAt(i + 4))) {
                parts.add(s.substring(start, i));
                start = i + 5;
                i += 4;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static Author one(String name) {
        if (name.startsWith("{") && matchingBrace(name, 0) == name.length() - 1) {
            return new Author(LatexText.toUnicode(name), ""); // {Google DeepMind}: taken as is
        }
        List<String> commaParts = splitTopLevel(name, ',');
        if (commaParts.size() >= 2) {
            // von Last, First  or  von Last, Jr, First
            String last = commaParts.get(0).strip();
            String first = commaParts.get(commaParts.size() - 1).strip();
            return new Author(LatexText.toUnicode(last), LatexText.toUnicode(first));
        }
        // First von Last: the last word is the family name, with the lower-case words before it.
        List<String> words = splitTopLevel(name, ' ');
        words.removeIf(String::isBlank);
        if (words.size() == 1) {
            return new Author(LatexText.toUnicode(words.get(0)), "");
        }
        int familyStart = words.size() - 1;
        for (int i = 1; i < words.size() - 1; i++) {
            if (startsLowerCase(words.get(i))) {
                familyStart = i;
                break;
            }
        }
        String given = String.join(" ", words.subList(0, familyStart));
        String family = String.join(" ", words.subList(familyStart, words.size()));
        return new Author(LatexText.toUnicode(family), LatexText.toUnicode(given));
    }

    private static boolean startsLowerCase(String word) {
        String plain = LatexText.toUnicode(word);
        return !plain.isEmpty() && Character.isLowerCase(plain.codePointAt(0)) && !word.startsWith("{");
    }

    private static List<String> splitTopLevel(String s, char sep) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && (c == sep || sep == ' ' && Character.isWhitespace(c))) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    private static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
