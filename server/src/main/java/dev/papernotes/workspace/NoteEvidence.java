package dev.papernotes.workspace;

import dev.papernotes.index.PaperHeader;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.index.RecentMap;
import dev.papernotes.notes.Lines;
import dev.papernotes.notes.NoteChunks;
import dev.papernotes.notes.NoteModel.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evidence, in one note, that a name means one particular paper: the note links or cites the
 * paper, writes another of its names, writes distinctive words of its title near the name, or
 * another note of the workspace links it. Everything here reads this note and a few headers of
 * the candidate papers: its cost follows the note, not the corpus.
 */
final class NoteEvidence {
    /** Characters either side of an occurrence in which title words count. */
    static final int WINDOW = 250;
    /** Distinctive title words that must appear near the name (fewer when the title has fewer). */
    static final int TITLE_WORDS = 2;
    /** Candidates examined for a name many papers share. */
    static final int CANDIDATES = 8;
    /** Characters between another name of the paper and an occurrence for it to count. */
    static final int NAME_DISTANCE = 1500;
    /** Occurrences of one name whose surroundings are read. */
    private static final int OCCURRENCES = 20;

    /** The note, or null when its answers are not kept for its next analysis. */
    private final String uri;
    private final String text;
    /** The stretches the note's parse was put together from, or null. */
    private final NoteChunks stretches;
    private final PaperIndex index;
    private final MentionContext context;
    private final Set<String> linkedIds;
    private final Map<String, List<PaperRef>> namesById;
    /** Answers of {@link #writesLowerCase}, by name: a name recurs through the note. */
    private final Map<String, Boolean> lowerCaseWritten = new HashMap<>();

    /**
     * @param uri       the note, whose last analysis's answers are reused where nothing they read changed;
     *                  null: none
     * @param linkedIds papers this note links or cites
     * @param namesById papers this note mentions by a name that needs no evidence, with those mentions
     */
    NoteEvidence(String uri, String text, NoteChunks stretches, PaperIndex index, MentionContext context,
            Set<String> linkedIds, Map<String, List<PaperRef>> namesById) {
        this.uri = uri;
        this.text = text;
        this.stretches = stretches;
        this.index = index;
        this.context = context;
        this.linkedIds = linkedIds;
        this.namesById = namesById;
        LastAnswers last = uri == null ? null : LAST.get(uri);
        this.lastText = last == null ? "" : last.text();
        this.lastAnswers = last == null ? Map.of() : last.byName();
    }

    /** The text and answers of the note's last analysis (none: empty). */
    private final String lastText;
    private final Map<String, Answer> lastAnswers;
    /** This analysis's answers, by name. */
    private final Map<String, Answer> answers = new HashMap<>();

    /** Whether the note itself writes {@code name} in lower case as a word ("key", "network"). */
    boolean writesLowerCase(String name) {
        if (!EvidenceRule.isWordShaped(name)) {
            return false;
        }
        return lowerCaseWritten.computeIfAbsent(name, n -> writes(n.toLowerCase(Locale.ROOT)));
    }

    /** Each stretch's lower-case words (a stretch starts on a line of its own: no word runs across two). */
    private static final StretchMemo<Set<String>> LOWER_CASE_WORDS = new StretchMemo<>();
    /** This note's stretches' words, looked up once per analysis. */
    private List<Set<String>> stretchWords;

    /**
     * {@link #writesWord}: in a note put together from stretches, a look in each stretch's words,
     * which an edit leaves as they were but for the edited stretch; else a search of the note.
     */
    private boolean writes(String word) {
        if (stretches == null || !allLetters(word)) {
            return writesWord(text, word);
        }
        if (stretchWords == null) {
            stretchWords = new ArrayList<>(stretches.size());
            for (int i = 0; i < stretches.size(); i++) {
                stretchWords.add(LOWER_CASE_WORDS.get(stretches, i, s -> lowerCaseWords(s.text())));
            }
        }
        for (Set<String> words : stretchWords) {
            if (words.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false; // "İ" lower-cases to "i" and a combining dot
            }
        }
        return !word.isEmpty();
    }

    /**
     * The runs of letters in {@code text} without a capital: for a word of letters,
     * {@code writesWord(text, word)} is {@code lowerCaseWords(text).contains(word)}.
     */
    static Set<String> lowerCaseWords(String text) {
        Set<String> out = new HashSet<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean lower = true;
            while (i < n && Character.isLetter(text.charAt(i))) {
                lower &= !Character.isUpperCase(text.charAt(i));
                i++;
            }
            if (lower) {
                out.add(text.substring(start, i));
            }
        }
        return out;
    }

    /**
     * The candidates ({@code ids}, a name's papers) the note gives evidence for, in their order;
     * empty when it gives none.
     */
    List<String> supported(String name, List<Span> occurrences, List<String> ids) throws IOException {
        List<String> candidates = ids.subList(0, Math.min(CANDIDATES, ids.size()));
        // Links and other names are looked at afresh: they are cheap, and another note's links change them.
        long backedOtherwise = 0;
        for (int i = 0; i < candidates.size(); i++) {
            String id = candidates.get(i);
            if (linkedIds.contains(id) || context.linkedElsewhere(id) || otherNameNearby(id, name, occurrences)) {
                backedOtherwise |= 1L << i;
            }
        }
        if (backedOtherwise == (1L << candidates.size()) - 1) {
            return List.copyOf(candidates);
        }
        int[] windows = windows(occurrences);
        Answer last = lastAnswers.get(name);
        if (last != null && last.answers(index.generation(), candidates, backedOtherwise, lastText, windows, text)) {
            // kept with where its surroundings are now, in this text
            answers.put(name, new Answer(last.generation(), last.candidates(), backedOtherwise, windows, last.backed()));
            return last.backed();
        }
        List<String> out = new ArrayList<>();
        List<Set<String>> nearby = null;
        for (int i = 0; i < candidates.size(); i++) {
            String id = candidates.get(i);
            if ((backedOtherwise & 1L << i) != 0) {
                out.add(id);
                continue;
            }
            PaperHeader h = index.headerById(id);
            if (h == null) {
                continue;
            }
            Set<String> words = index.titleTerms().distinctive(h.title(), name);
            if (words.isEmpty()) {
                continue;
            }
            if (nearby == null) {
                nearby = nearbyTerms(windows);
            }
            int found = 0;
            for (String w : words) {
                if (anyHolds(nearby, w)) {
                    found++;
                }
            }
            if (found >= Math.min(TITLE_WORDS, words.size())) {
                out.add(id);
            }
        }
        List<String> backed = List.copyOf(out);
        answers.put(name, new Answer(index.generation(), List.copyOf(candidates), backedOtherwise, windows, backed));
        return backed;
    }

    /**
     * What {@link #supported} answered in a note's last analysis, by name, kept for its next: an edit
     * leaves most of a note's names and their surroundings as they were, and the title-word check
     * (headers, distinctive words, the words around each occurrence) was a third of a hover's
     * re-analysis at a million papers. Taken again only when everything it read is the same.
     *
     * @param windows the surroundings read, as {@code from, to} pairs in the note it was worked out in
     */
    private record Answer(long generation, List<String> candidates, long backedOtherwise, int[] windows,
            List<String> backed) {
        boolean answers(long gen, List<String> now, long otherwise, String lastText, int[] at, String text) {
            if (gen != generation || otherwise != backedOtherwise || at.length != windows.length
                    || !now.equals(candidates)) {
                return false;
            }
            for (int i = 0; i < at.length; i += 2) {
                int length = at[i + 1] - at[i];
                if (length != windows[i + 1] - windows[i]
                        || !text.regionMatches(at[i], lastText, windows[i], length)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The last analysis's answers of a few notes, with the text they were worked out in. */
    private record LastAnswers(String text, Map<String, Answer> byName) {
    }

    private static final int NOTES_KEPT = 4;
    private static final Map<String, LastAnswers> LAST = RecentMap.of(NOTES_KEPT);

    /** Keeps this analysis's answers for the note's next one; call once every name is asked. */
    void keep() {
        if (uri != null) {
            LAST.put(uri, new LastAnswers(text, answers));
        }
    }

    /**
     * Whether the note writes another name of the paper near an occurrence: the full name before
     * its acronym, the title in a list next to it. A list of a thousand papers names most of them
     * somewhere; only nearby does a name explain another.
     */
    private boolean otherNameNearby(String id, String name, List<Span> occurrences) {
        List<PaperRef> others = namesById.get(id);
        if (others == null) {
            return false;
        }
        for (PaperRef r : others) {
            if (r.written().equals(name)) {
                continue;
            }
            for (Span s : occurrences) {
                if (Math.abs(r.span().start() - s.start()) <= NAME_DISTANCE) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Where the terms around each occurrence are read, as {@code from, to} pairs: its paragraph, list
     * item, heading or table row, at most {@link #WINDOW} characters either side. A list of links is
     * many items, each about another paper; the item before is no evidence.
     */
    private int[] windows(List<Span> occurrences) {
        List<Span> read = occurrences.subList(0, Math.min(OCCURRENCES, occurrences.size()));
        int[] out = new int[2 * read.size()];
        int n = 0;
        int covered = -1;
        for (Span s : read) {
            int from = Math.max(blockStart(text, s.start(), Math.max(s.start() - WINDOW, 0)), covered);
            int to = blockEnd(text, s.end(), s.end() + WINDOW);
            if (from < to) {
                out[n++] = from;
                out[n++] = to;
                covered = to;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private List<Set<String>> nearbyTerms(int[] windows) throws IOException {
        List<Set<String>> out = new ArrayList<>(windows.length / 2);
        for (int i = 0; i < windows.length; i += 2) {
            out.add(index.titleTerms().termSet(text.substring(windows[i], windows[i + 1])));
        }
        return out;
    }

    /** Whether any of the surroundings holds {@code term}: a few title words asked of a few windows. */
    private static boolean anyHolds(List<Set<String>> nearby, String term) {
        for (Set<String> terms : nearby) {
            if (terms.contains(term)) {
                return true;
            }
        }
        return false;
    }

    /** Start of the block holding {@code offset}: back over wrapped lines, not past a blank line or an item. */
    static int blockStart(String text, int offset) {
        return blockStart(text, offset, 0);
    }

    /**
     * {@code max(blockStart(text, offset), floor)}, reading no further back than the line that holds
     * {@code floor}: a paragraph written as one long line, or a long wrapped one, is not walked whole
     * for every occurrence when only {@link #WINDOW} characters of it are read.
     */
    static int blockStart(String text, int offset, int floor) {
        int start = Lines.start(text, offset, floor);
        while (start > floor && !startsItem(text, start)) {
            int prev = Lines.start(text, start - 1);
            if (isBlankLine(text, prev) || isOneLineBlock(text, prev)) {
                break;
            }
            start = prev;
        }
        return Math.max(start, floor);
    }

    /** End of the block holding {@code offset}: on over wrapped lines, up to a blank line or the next item. */
    static int blockEnd(String text, int offset) {
        return blockEnd(text, offset, text.length());
    }

    /** {@code min(blockEnd(text, offset), cap)}, reading no further than the line that holds {@code cap}. */
    static int blockEnd(String text, int offset, int cap) {
        int end = Lines.end(text, offset, cap);
        if (end >= cap) {
            return cap; // the line ends at cap or after it
        }
        if (isOneLineBlock(text, Lines.start(text, offset))) {
            return end;
        }
        while (end < text.length() && end < cap) {
            int next = Lines.next(text, end);
            if (next >= text.length() || startsItem(text, next) || isBlankLine(text, next)) {
                break;
            }
            end = Lines.end(text, next, cap);
        }
        return Math.min(end, cap);
    }

    /**
     * Whether the line starting at {@code lineStart} holds only white space; stops at its first other
     * character rather than finding the line's end first (a long next line was walked twice).
     */
    private static boolean isBlankLine(String text, int lineStart) {
        for (int i = lineStart; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** A heading or a table row: a block of one line. */
    private static boolean isOneLineBlock(String text, int lineStart) {
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && (text.charAt(i) == '#' || text.charAt(i) == '|');
    }

    /** A line that starts a block of its own: list item, heading, table row, quote. */
    private static boolean startsItem(String text, int lineStart) {
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        if (c == '#' || c == '|' || c == '>') {
            return true;
        }
        if ((c == '-' || c == '*' || c == '+') && i + 1 < text.length() && text.charAt(i + 1) == ' ') {
            return true;
        }
        int j = i;
        while (j < text.length() && Character.isDigit(text.charAt(j))) {
            j++;
        }
        return j > i && j + 1 < text.length() && (text.charAt(j) == '.' || text.charAt(j) == ')')
                && text.charAt(j + 1) == ' ';
    }

    /**
     * Whether {@code word} stands in {@code text} as a whole run of letters with no capital in it.
     * A search per name asked about: the few names that need evidence, not every word of the note.
     */
    static boolean writesWord(String text, String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !Character.isLetter(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetter(text.charAt(end))) && noCapital(text, at, end)) {
                return true;
            }
        }
        return false;
    }

    private static boolean noCapital(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isUpperCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Groups occurrences by name, in note order. */
    static Map<String, List<Span>> byName(List<MentionScanner.Mention> mentions) {
        Map<String, List<Span>> out = new HashMap<>();
        for (MentionScanner.Mention m : mentions) {
            out.computeIfAbsent(m.text(), k -> new ArrayList<>()).add(m.span());
        }
        return out;
    }
}
