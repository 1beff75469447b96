package dev.papernotes.workspace;

import dev.papernotes.notes.FrontMatter;
import dev.papernotes.notes.Lines;
import dev.papernotes.notes.NoteModel.Span;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When an {@code @word} that names no paper is a handle, not a citation. Pandoc reads every
 * {@code @key} as a citation; notes written for GitHub, Obsidian or a blog also use {@code @} for
 * people and organisations ("thanks to @SomeUser", "(@Uber, sensor fusion)", a line
 * "@someone" crediting a note) and for "at" ({@code AP @0.5IOU}). A handle is no reference: no
 * warning, no hover.
 *
 * <p>A key the library has is always a citation. An unknown key is a citation, and warned, when it
 * is in brackets ({@code [@missingKey]}, {@code [see @a; @b, p. 3]}: pandoc's citation group, which
 * nobody writes for a handle) or carries a locator ({@code @key [p. 3]}). An unknown key in running
 * text is a handle when
 * <ul>
 *   <li>it starts with a digit: a number "at" something;
 *   <li>the words around it say so: "thanks (to) @x", "follow @x", "cc @x", "@x on GitHub";
 *   <li>the note is no pandoc note (no citation in brackets, no citation of a known key, no
 *       {@code bibliography:} in its front matter) and the key has no citekey shape: no year
 *       ({@code smith2020}, {@code vaswani17}) as the keys of reference managers have.
 * </ul>
 */
final class Handles {
    /** Words right before a handle (after "to": "thanks to", "credit to"). */
    private static final Set<String> CUES = Set.of("thanks", "thank", "thx", "follow", "following", "cc", "ping",
            "kudos", "courtesy", "credit", "credits", "shoutout", "via", "contact", "dm");
    private static final Pattern ON_SITE = Pattern.compile(
            "\\s+on\\s+(twitter|x|github|gitlab|mastodon|bluesky|threads|instagram|linkedin|youtube|reddit|discord"
                    + "|hugging\\s*face|huggingface|weibo|zhihu)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PANDOC_FRONT_MATTER = Pattern.compile(
            "^(bibliography|references|csl|citation-style|link-citations|nocite)\\s*:", Pattern.MULTILINE);
    /** Look no further back than this for the cue word or the bracket. */
    private static final int REACH = 200;

    private Handles() {
    }

    /**
     * Whether the unknown key at {@code span} ({@code @} included) is a handle.
     *
     * @param pandocNote whether the note cites the pandoc way elsewhere ({@link #isPandocNote})
     */
    static boolean isHandle(String text, Span span, String key, boolean pandocNote) {
        if (inBrackets(text, span) || hasLocator(text, span.end())) {
            return false;
        }
        if (key.isEmpty() || Character.isDigit(key.charAt(0))) {
            return true;
        }
        if (cueBefore(text, span.start()) || ON_SITE.matcher(text).region(span.end(), Lines.end(text, span.end()))
                .lookingAt()) {
            return true;
        }
        return !pandocNote && !citekeyShaped(key);
    }

    /**
     * A note written for pandoc: it has a citation in brackets, or cites a key the library has, or
     * names a bibliography in its front matter.
     *
     * @param anyKnown whether one of its citations names a paper
     */
    static boolean isPandocNote(String text, Iterable<Span> citations, boolean anyKnown) {
        if (anyKnown) {
            return true;
        }
        for (Span s : citations) {
            if (inBrackets(text, s)) {
                return true;
            }
        }
        if (text.startsWith("---")) {
            int end = FrontMatter.end(text);
            return end > 0 && PANDOC_FRONT_MATTER.matcher(text).region(0, end).find();
        }
        return false;
    }

    /** A year as reference managers write it into keys: {@code 19xx}/{@code 20xx}, or two final digits. */
    static boolean citekeyShaped(String key) {
        int i = 0;
        while (i < key.length()) {
            if (!Character.isDigit(key.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < key.length() && Character.isDigit(key.charAt(i))) {
                i++;
            }
            int len = i - start;
            if (len == 4 && (key.startsWith("19", start) || key.startsWith("20", start))) {
                return true;
            }
            if (len == 2 && i == key.length() && start > 0 && Character.isLetter(key.charAt(start - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Inside {@code [...]} on its line, and not the text of a link {@code [...](url)}. */
    static boolean inBrackets(String text, Span span) {
        int open = -1;
        for (int i = span.start() - 1; i >= Math.max(0, span.start() - REACH); i--) {
            char c = text.charAt(i);
            if (c == '[') {
                open = i;
                break;
            }
            if (c == ']' || c == '\n' || c == '\r') {
                return false;
            }
        }
        if (open < 0) {
            return false;
        }
        int limit = Math.min(text.length(), span.end() + REACH);
        for (int i = span.end(); i < limit; i++) {
            char c = text.charAt(i);
            if (c == ']') {
                return i + 1 >= text.length() || text.charAt(i + 1) != '(';
            }
            if (c == '[' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return false;
    }

    /** {@code @key [p. 33]}: pandoc's in-text citation with a locator. */
    private static boolean hasLocator(String text, int end) {
        int i = end;
        if (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i > end && i < text.length() && text.charAt(i) == '['
                && (i + 1 >= text.length() || text.charAt(i + 1) != '[');
    }

    private static boolean cueBefore(String text, int at) {
        String before = text.substring(Math.max(0, at - REACH), at);
        int nl = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
        String[] words = before.substring(nl + 1).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}/]+");
        int i = words.length - 1;
        while (i >= 0 && words[i].isEmpty()) {
            i--;
        }
        if (i >= 0 && (words[i].equals("to") || words[i].equals("from") || words[i].equals("h/t"))) {
            if (words[i].equals("h/t")) {
                return true;
            }
            i--;
            while (i >= 0 && words[i].isEmpty()) {
                i--;
            }
        }
        return i >= 0 && CUES.contains(words[i]);
    }
}
