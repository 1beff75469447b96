package dev.papernotes.workspace;

import dev.papernotes.index.PaperHeader;
import dev.papernotes.index.PaperIndex;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The note says which work a name means, and it is not the corpus paper: a name followed by a
 * colon and a title ({@code [EAGLE: Exploring the Design Space for Multimodal LLMs](...)}), or a name
 * the note defines ({@code Naturalized Execution Tuning (NExT)}). When those words share no
 * distinctive word with the title of any paper carrying the name, the note means another work of
 * the same name, and the name is no mention of these papers (nor a hint). Lists of papers are full
 * of such titles; notes define their acronyms. Works of one field share words ("CoDi: Any-to-Any
 * Generation via Composable Diffusion" and "CoDi: Conditional Diffusion Distillation ..."): a
 * title written must be mostly the paper's words, not merely some of them.
 */
final class TitledElsewhere {
    /** Fewer distinctive words than this after the colon is a remark, not a title ("TSM: nice"). */
    static final int MIN_TITLE_TERMS = 2;
    private static final int MAX_TITLE_CHARS = 200;

    private TitledElsewhere() {
    }

    /** The title written after a name that ends at {@code end} ("NAME: Title"), or null. */
    static String titleAfter(String text, int end) {
        if (end + 2 >= text.length() || text.charAt(end) != ':' || text.charAt(end + 1) != ' ') {
            return null;
        }
        int from = end + 2;
        int to = from;
        int limit = Math.min(text.length(), from + MAX_TITLE_CHARS);
        while (to < limit) {
            char c = text.charAt(to);
            if (c == '\n' || c == '\r' || c == '|' || c == ']' || (c == '*' && to + 1 < limit && text.charAt(to + 1) == '*')) {
                break;
            }
            to++;
        }
        return to > from ? text.substring(from, to) : null;
    }

    /** Words of the note is the name in parentheses after ("Long Form (NAME)"), or null. */
    static String expansionBefore(String text, int start, int end) {
        if (start < 2 || text.charAt(start - 1) != '(') {
            return null;
        }
        int close = end < text.length() && text.charAt(end) == 's' ? end + 1 : end;
        if (close >= text.length() || text.charAt(close) != ')') {
            return null;
        }
        int to = start - 1;
        while (to > 0 && text.charAt(to - 1) == ' ') {
            to--;
        }
        int from = to;
        int words = 0;
        while (from > 0 && words < MAX_EXPANSION_WORDS) {
            char c = text.charAt(from - 1);
            if (c == '\n' || c == '\r' || c == '(' || c == ')' || c == '.' || c == ':' || c == ';' || c == '|'
                    || c == '[') {
                break;
            }
            if (c == ' ' && from < to && text.charAt(from) != ' ') {
                words++;
            }
            from--;
        }
        return from < to ? text.substring(from, to) : null;
    }

    private static final int MAX_EXPANSION_WORDS = 8;

    /**
     * Whether {@code title} (written after the name, or its expansion) is the title of none of
     * {@code ids}' papers: no paper's title and names hold more than half of its distinctive words
     * (written as a title; a remark in the note's words: none of them).
     */
    static boolean namesAnotherWork(PaperIndex index, String name, String title, List<String> ids) throws IOException {
        return namesAnotherWork(index, name, title, ids, false);
    }

    /**
     * As above; {@code definition}: the words are the note's own spelling-out of the name ("domain-specific
     * (DSP)"), where one word says as much as a title says with two.
     */
    static boolean namesAnotherWork(PaperIndex index, String name, String title, List<String> ids, boolean definition)
            throws IOException {
        if (isCoined(name)) {
            return false; // two works called HallusionBench are unlikely; a title changed between versions is not
        }
        Set<String> written = new java.util.LinkedHashSet<>(index.titleTerms().contentTerms(title));
        written.removeAll(index.titleTerms().terms(name)); // "PaLM: Palm Tree Detection" says nothing by "palm"
        if (written.size() < (definition ? 1 : MIN_TITLE_TERMS)) {
            return false;
        }
        boolean titleCased = isTitleCased(title);
        for (String id : ids.subList(0, Math.min(NoteEvidence.CANDIDATES, ids.size()))) {
            PaperHeader h = index.headerById(id);
            if (h == null) {
                return false;
            }
            StringBuilder own = new StringBuilder(h.title());
            for (String m : h.methods()) {
                own.append(' ').append(m);
            }
            Set<String> shared = new java.util.HashSet<>(index.titleTerms().contentTerms(own.toString()));
            shared.addAll(index.titleTerms().contentTerms(Acronyms.expand(own.toString(), title)));
            Set<String> writtenHere = new java.util.LinkedHashSet<>(written);
            writtenHere.addAll(index.titleTerms().contentTerms(Acronyms.expand(title, own.toString())));
            writtenHere.removeAll(Acronyms.abbreviated(title, own.toString(), index.titleTerms()));
            shared.retainAll(writtenHere);
            if (titleCased ? shared.size() * 2 > writtenHere.size() : !shared.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A name coined to be unmistakable: eight letters or digits or more, not a plain word, with a
     * lower-case letter ({@code HallusionBench}, {@code SEED-Bench}, {@code MiniGPT-4}). Short and
     * word-like names ({@code EAGLE}, {@code CoDi}, {@code Chameleon}) are the ones works share.
     */
    static boolean isCoined(String name) {
        int alnum = 0;
        boolean lower = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c)) {
                return false;
            }
            if (Character.isLetterOrDigit(c)) {
                alnum++;
                lower |= Character.isLowerCase(c);
            }
        }
        return alnum >= 8 && lower && !EvidenceRule.isWordShaped(name);
    }

    /**
     * Written as a title: the first letter and at least half of the longer words capitalized. A
     * remark after the name ("IO-Net: use outlier rejection as an auxiliary task") says what the
     * paper does in the note's words: one word of its title is enough there.
     */
    static boolean isTitleCased(String s) {
        int longer = 0;
        int capitalized = 0;
        boolean first = true;
        for (String w : s.split("[^\\p{L}\\p{N}]+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (first && !Character.isUpperCase(w.charAt(0))) {
                return false;
            }
            first = false;
            if (w.length() >= 4) {
                longer++;
                if (Character.isUpperCase(w.charAt(0))) {
                    capitalized++;
                }
            }
        }
        return !first && capitalized * 2 >= longer;
    }
}
