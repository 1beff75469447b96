package dev.papernotes.workspace;

import dev.papernotes.index.TitleTerms;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Acronyms of one text spelled out by the words of another: one version of a title writes "LLMs",
 * the other "Large Language Models"; compared word by word they would share nothing there.
 */
final class Acronyms {
    private static final int MIN_LETTERS = 2;
    private static final int MAX_LETTERS = 6;

    private Acronyms() {
    }

    /**
     * The runs of words of {@code other} that acronyms of {@code text} abbreviate, joined by blanks;
     * empty when there are none.
     */
    static String expand(String text, String other) {
        List<String> words = words(other);
        StringBuilder out = new StringBuilder();
        for (String token : words(text)) {
            String run = spelledOut(token, words);
            if (run != null) {
                out.append(run).append(' ');
            }
        }
        return out.toString();
    }

    /** The terms of the acronyms of {@code text} that {@code other} spells out (counted by their words instead). */
    static Set<String> abbreviated(String text, String other, TitleTerms terms) throws IOException {
        List<String> words = words(other);
        Set<String> out = new HashSet<>();
        for (String token : words(text)) {
            if (spelledOut(token, words) != null) {
                out.addAll(terms.contentTerms(token));
            }
        }
        return out;
    }

    /** The consecutive words of {@code words} whose initials are the acronym {@code token} ("LLMs"), or null. */
    static String spelledOut(String token, List<String> words) {
        String letters = acronymLetters(token);
        if (letters == null) {
            return null;
        }
        for (int i = 0; i + letters.length() <= words.size(); i++) {
            boolean match = true;
            for (int k = 0; k < letters.length() && match; k++) {
                String w = words.get(i + k);
                match = Character.toLowerCase(w.charAt(0)) == letters.charAt(k) && w.length() > 1;
            }
            if (match) {
                return String.join(" ", words.subList(i, i + letters.length()));
            }
        }
        return null;
    }

    /** "LLMs" → "llm", "VLM" → "vlm"; null for what is no acronym (lower-case words, "PaLM"). */
    static String acronymLetters(String token) {
        String t = token.endsWith("s") ? token.substring(0, token.length() - 1) : token;
        if (t.length() < MIN_LETTERS || t.length() > MAX_LETTERS) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isUpperCase(t.charAt(i))) {
                return null;
            }
        }
        return t.toLowerCase(Locale.ROOT);
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
