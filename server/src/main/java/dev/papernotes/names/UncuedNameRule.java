package dev.papernotes.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names introduced without a verb of proposing or a naming word:
 * <ul>
 * <li>"the resulting model, Magpie-Depth, ...", "the resulting VisualTracker can ...";
 * <li>"... into a novel privacy-preserving recognition method, MinusFace.";
 * <li>"Magpie-Depth, a novel depth estimator, ...", "DepthWorld, a new benchmark of ...";
 * <li>"the newly introduced SIM2MNIST dataset", "our newly collected DepthWorld".
 * </ul>
 * The name must be coined ({@code Magpie-Depth}, {@code MinusFace}) or, for the last two shapes,
 * belong to a sentence or title of the authors' own.
 */
final class UncuedNameRule {
    private UncuedNameRule() {
    }

    private static final Set<String> NEWLY_DONE = NameShape.words(
            "introduced", "proposed", "collected", "created", "curated", "constructed", "built", "released",
            "developed", "designed");

    private static final Set<String> OWN = NameShape.words("we", "our", "us", "this");

    static List<String> names(List<Token> t, Sentences sentences, String compactTitle) {
        List<String> out = new ArrayList<>();
        for (int i : sentences.triggers()) {
            if (i + 1 >= t.size()) {
                continue;
            }
            String w = t.get(i).lower();
            if ((w.equals("resulting") || w.equals("final")) && i > 0 && t.get(i - 1).isIgnoreCase("the")) {
                resulting(t, i + 1, w.equals("final"), out);
            } else if ((w.equals("novel") || w.equals("new")) && i > 0
                    && (t.get(i - 1).is("a") || t.get(i - 1).is("an"))) {
                int comma = kindThenComma(t, i + 1);
                if (comma > 0) {
                    name(t, comma + 1, out, true); // "into a novel ... method, MinusFace."
                }
                int before = i - 2; // "Magpie-Depth, a novel ..."
                if (before >= 1 && t.get(before).is(",") && t.get(before - 1).word()) {
                    String n = t.get(before - 1).text();
                    boolean start = before - 1 == 0 || !t.get(before - 2).word() || t.get(before - 1).sentenceStart();
                    boolean novel = w.equals("novel"); // authors rarely call someone else's work novel
                    if (start && isCoined(n) && (compactTitle.contains(NameKeys.compact(n)) || ownSentence(t, i)
                            || (kindFollows(t, i + 1) && (novel || occursAgain(t, n, i))))) {
                        out.add(n); // "DepthBench, a new benchmark of 500 scenes, ... DepthBench covers ..."
                    }
                }
            } else if (w.equals("newly") && i + 1 < t.size() && NEWLY_DONE.contains(t.get(i + 1).lower())) {
                if (i + 2 < t.size() && NameShape.isCapitalized(t.get(i + 2).text())) {
                    name(t, i + 2, out, false); // "the newly introduced SIM2MNIST dataset"
                }
            }
        }
        return out;
    }

    /**
     * "the resulting model, X," or "the resulting X can ...". Not "the resulting ViT-G model" nor
     * "the final PaLM 540B model": a name before a kind noun is the base, not the result. After
     * "final", only the appositive counts.
     */
    private static void resulting(List<Token> t, int k, boolean finalOnly, List<String> out) {
        if (k + 1 < t.size() && t.get(k).word() && NameShape.KIND_NOUNS.contains(t.get(k).lower())
                && t.get(k + 1).is(",")) {
            name(t, k + 2, out, true);
            return;
        }
        if (finalOnly || k >= t.size() || !t.get(k).word()) {
            return;
        }
        int end = k + 1;
        while (end < t.size() && t.get(end).word() && end - k < 3
                && (NameShape.isVersion(t.get(end).text()) || FamilyRule.isSize(t.get(end).text()))) {
            end++;
        }
        if (end < t.size() && t.get(end).word() && !isPredicate(t.get(end))) {
            return; // "the resulting ViT-G model", "the resulting sim2real gap": a modifier
        }
        name(t, k, out, false);
    }

    private static final Set<String> AUXILIARIES = NameShape.words(
            "can", "could", "will", "would", "may", "might", "is", "are", "was", "were", "has", "have", "does",
            "not", "also", "then", "thus", "still", "only", "even", "further", "significantly", "consistently");

    /** A verb after the name: "the resulting VisualTracker can ...", "... achieves". */
    private static boolean isPredicate(Token x) {
        String w = x.lower();
        return AUXILIARIES.contains(w) || (w.equals(x.text()) && w.endsWith("s") && !w.endsWith("ss")
                && !NameShape.KIND_NOUNS.contains(w));
    }

    /** "novel privacy-preserving face recognition method ," : the index of the comma, or -1. */
    private static int kindThenComma(List<Token> t, int k) {
        for (int j = k; j + 1 < t.size() && j < k + 6; j++) {
            Token x = t.get(j);
            if (!x.word() || !x.text().equals(x.lower()) || NameShape.isStopword(x.text())
                    || x.text().equals("based") || (x.text().endsWith("ing") && x.text().indexOf('-') < 0)) {
                return -1; // "a new benchmark based on two datasets, X": X is not the benchmark
            }
            if (NameShape.KIND_NOUNS.contains(x.lower()) && t.get(j + 1).is(",")) {
                return j + 1;
            }
        }
        return -1;
    }

    /**
     * The coined name at {@code k}, ended by punctuation, a verb-like lower-case word or the
     * sentence ("the resulting VisualTracker can", "method, MinusFace.").
     */
    private static void name(List<Token> t, int k, List<String> out, boolean appositive) {
        if (k >= t.size() || !t.get(k).word() || !isCoined(t.get(k).text())) {
            return;
        }
        int end = k + 1;
        while (end < t.size() && t.get(end).word() && end - k < 3
                && (NameShape.isVersion(t.get(end).text()) || FamilyRule.isSize(t.get(end).text()))) {
            end++;
        }
        if (appositive && end < t.size() && t.get(end).word() && !t.get(end).text().equals(t.get(end).lower())) {
            return;
        }
        StringBuilder sb = new StringBuilder(t.get(k).text());
        for (int i = k + 1; i < end; i++) {
            sb.append(' ').append(t.get(i).text());
        }
        out.add(sb.toString());
    }

    /** Spelled like a made-up name: inner capitals or digits, or a capitalized hyphenated word. */
    private static boolean isCoined(String w) {
        return NameShape.isNameWord(w) && !NameShape.isGeneric(w)
                && (NameShape.isMarked(w) || (w.indexOf('-') > 0 && NameShape.isCapitalized(w)
                    && !NameShape.isAdjectiveCompound(w) && !NameShape.isDescriptiveCompound(w)));
    }

    /** "a new benchmark", "a novel large-scale dataset": a kind noun within a few words. */
    private static boolean kindFollows(List<Token> t, int k) {
        for (int j = k; j < t.size() && j < k + 4 && t.get(j).word(); j++) {
            if (NameShape.KIND_NOUNS.contains(t.get(j).lower())) {
                return true;
            }
        }
        return false;
    }

    /** The abstract speaks of {@code name} again after {@code i}: it is the topic, not an aside. */
    private static boolean occursAgain(List<Token> t, String name, int i) {
        for (int k = i + 1; k < t.size(); k++) {
            if (t.get(k).word() && t.get(k).is(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ownSentence(List<Token> t, int i) {
        for (int k = i; k < t.size() && k < i + Sentences.WINDOW; k++) {
            Token x = t.get(k);
            if (!x.word() && x.sentenceEnd()) {
                break;
            }
            if (x.word() && OWN.contains(x.lower())) {
                return true;
            }
        }
        for (int k = i - 1; k >= 0 && k >= i - Sentences.WINDOW; k--) {
            Token x = t.get(k);
            if (!x.word() && x.sentenceEnd()) {
                return false;
            }
            if (x.word() && OWN.contains(x.lower())) {
                return true;
            }
        }
        return false;
    }
}
