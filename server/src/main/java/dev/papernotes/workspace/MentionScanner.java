package dev.papernotes.workspace;

import dev.papernotes.index.MentionDictionary;
import dev.papernotes.notes.NoteChunks;
import dev.papernotes.notes.NoteModel;
import dev.papernotes.notes.NoteModel.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds bare mentions of method names and full titles in a note's prose: exactly as the paper
 * writes them, as whole words, the longest match winning ({@code B-PROP} is not {@code PROP}).
 */
public final class MentionScanner {
    /** Words that may follow a name after a hyphen without making it part of a longer word. */
    private static final Set<String> HYPHEN_SUFFIXES = Set.of(
            "based", "like", "style", "type", "inspired", "specific", "generated", "free", "only", "level",
            "scale", "sized", "size", "related", "augmented", "enhanced", "guided", "aware", "driven", "family",
            "series", "small", "base", "large", "tuned", "trained", "finetuned");

    private MentionScanner() {
    }

    /**
     * A bare mention: {@code count} papers carry this exact text (more than one: ambiguous).
     *
     * @param usage how the corpus uses the text ({@link MentionDictionary#GENERIC}, {@link MentionDictionary#ORDINARY})
     */
    public record Mention(Span span, String text, long count, int usage) {
        public Mention(Span span, String text, long count) {
            this(span, text, count, 0);
        }

        Mention shifted(int by) {
            return by == 0 ? this : new Mention(span.shifted(by), text, count, usage);
        }
    }

    /**
     * As {@link #scan(NoteModel, MentionDictionary)}, for a note put together from {@code stretches}
     * (null: parsed whole). A stretch starts a line after a blank line (or the front matter), so what
     * it holds depends on its text alone, and an edit leaves every other stretch's parse as it was:
     * after a keystroke only the edited stretch is scanned, and the others are not even read again.
     */
    public static List<Mention> scan(NoteModel note, NoteChunks stretches, MentionDictionary dictionary)
            throws IOException {
        if (stretches == null || dictionary == null) {
            return scan(note, dictionary);
        }
        List<Mention> out = new ArrayList<>();
        StretchMemo<List<Mention>> known = stretchesScanned(dictionary);
        try {
            for (int i = 0; i < stretches.size(); i++) {
                List<Mention> found = known.get(stretches, i, stretch -> {
                    try {
                        return List.copyOf(scanUncached(stretch, dictionary));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                int start = stretches.start(i);
                for (Mention m : found) {
                    out.add(m.shifted(start));
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    public static List<Mention> scan(NoteModel note, MentionDictionary dictionary) throws IOException {
        List<Mention> out = new ArrayList<>();
        if (dictionary == null) {
            return out;
        }
        String text = note.text();
        MentionDictionary.Walker walker = null;
        Map<String, List<Mention>> known = spansScanned(dictionary);
        for (Span prose : note.prose()) {
            for (Span span : InlineMath.outside(text, prose)) {
                // What a span holds depends on its text and the two characters before it.
                int from = Math.max(0, span.start() - 2);
                String key = (span.start() - from) + text.substring(from, span.end());
                List<Mention> found;
                synchronized (known) {
                    found = known.get(key);
                }
                if (found == null) {
                    if (walker == null) {
                        walker = dictionary.walker();
                    }
                    List<Mention> here = new ArrayList<>();
                    scanSpan(text, span, walker, here);
                    found = new ArrayList<>(here.size());
                    for (Mention m : here) {
                        found.add(m.shifted(-span.start()));
                    }
                    synchronized (known) {
                        known.put(key, List.copyOf(found));
                    }
                }
                for (Mention m : found) {
                    out.add(m.shifted(span.start()));
                }
            }
        }
        return out;
    }

    /** {@link #scan} without what it remembers: tests compare the two. */
    static List<Mention> scanUncached(NoteModel note, MentionDictionary dictionary) throws IOException {
        List<Mention> out = new ArrayList<>();
        MentionDictionary.Walker walker = dictionary.walker();
        for (Span prose : note.prose()) {
            for (Span span : InlineMath.outside(note.text(), prose)) {
                scanSpan(note.text(), span, walker, out);
            }
        }
        return out;
    }

    /** Spans scanned lately, per dictionary: after an edit, all but the edited span are as they were. */
    private static final Map<MentionDictionary, Map<String, List<Mention>>> SCANNED = new java.util.WeakHashMap<>();
    private static final int SPANS_KEPT = 4096;
    /** What stretches hold (offsets relative to the stretch), per dictionary. */
    private static final Map<MentionDictionary, StretchMemo<List<Mention>>> STRETCHES = new java.util.WeakHashMap<>();

    private static StretchMemo<List<Mention>> stretchesScanned(MentionDictionary dictionary) {
        synchronized (STRETCHES) {
            return STRETCHES.computeIfAbsent(dictionary, d -> new StretchMemo<>());
        }
    }

    private static Map<String, List<Mention>> spansScanned(MentionDictionary dictionary) {
        synchronized (SCANNED) {
            return SCANNED.computeIfAbsent(dictionary, d -> new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<Mention>> eldest) {
                    return size() > SPANS_KEPT;
                }
            });
        }
    }

    private static void scanSpan(String text, Span span, MentionDictionary.Walker walker, List<Mention> out)
            throws IOException {
        int i = span.start();
        int limit = span.end();
        while (i < limit) {
            char c = text.charAt(i);
            boolean word = Character.isLetterOrDigit(c) || Character.isHighSurrogate(c);
            // Names start with a letter or digit; a title may start with anything but a blank,
            // right after a blank ("(a+)+: ...", "[Re] ...").
            boolean canStart = word ? startsWord(text, i)
                    : !Character.isWhitespace(c) && (i == span.start() || Character.isWhitespace(text.charAt(i - 1)));
            if (!canStart) {
                i++;
                continue;
            }
            final int start = i;
            int[] best = {-1, 0};
            long[] bestCount = {0};
            walker.matchesAt(text, start, limit, (MentionDictionary.FlaggedHit) (end, count, flags) -> {
                if (endsWord(text, end, limit)) {
                    best[0] = end;
                    best[1] = flags;
                    bestCount[0] = count;
                }
            });
            if (best[0] > 0 && !afterBackslash(text, start)) {
                out.add(new Mention(new Span(start, best[0]), text.substring(start, best[0]), bestCount[0], best[1]));
                i = best[0];
            } else {
                i = word ? skipWord(text, i, limit) : i + 1;
            }
        }
    }

    /** {@code \Delta}: a TeX command, not a word of prose. */
    private static boolean afterBackslash(String text, int start) {
        return start > 0 && text.charAt(start - 1) == '\\';
    }

    /** A match starts a word: not inside one, nor after a hyphen or dot joined to one. */
    private static boolean startsWord(String text, int i) {
        if (i == 0) {
            return true;
        }
        char p = text.charAt(i - 1);
        if (Character.isLetterOrDigit(p) || p == '_' || p == '@' || Character.isLowSurrogate(p)) {
            return false;
        }
        if ((isHyphen(p) || p == '.' || p == '/' || p == '+') && i >= 2) {
            char pp = text.charAt(i - 2);
            return !Character.isLetterOrDigit(pp);
        }
        return true;
    }

    private static boolean endsWord(String text, int end, int limit) {
        if (end >= limit) {
            return true;
        }
        char c = text.charAt(end);
        if (Character.isLetterOrDigit(c) || c == '_' || Character.isHighSurrogate(c)) {
            return false;
        }
        if ((isHyphen(c) || c == '+' || c == '/') && end + 1 < limit && Character.isLetterOrDigit(text.charAt(end + 1))) {
            if (!isHyphen(c)) {
                return false;
            }
            int j = end + 1;
            while (j < limit && Character.isLowerCase(text.charAt(j))) {
                j++;
            }
            boolean wordEnds = j >= limit || !Character.isLetterOrDigit(text.charAt(j));
            return wordEnds && HYPHEN_SUFFIXES.contains(text.substring(end + 1, j));
        }
        if (c == '.' && end + 1 < limit && Character.isLetterOrDigit(text.charAt(end + 1))) {
            return false; // "GPT-4.5" is not "GPT-4"
        }
        return true;
    }

    /** ASCII hyphen-minus and the Unicode hyphens (‐, ‑) that join words the same way. */
    static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    private static int skipWord(String text, int i, int limit) {
        int j = i + 1;
        while (j < limit && (Character.isLetterOrDigit(text.charAt(j)) || Character.isSurrogate(text.charAt(j)))) {
            j++;
        }
        return j;
    }
}
