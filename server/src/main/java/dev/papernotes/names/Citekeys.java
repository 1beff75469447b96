package dev.papernotes.names;

import java.util.List;
import java.util.Set;

/**
 * Citekeys for pandoc citations ({@code @hidiffusion}): the primary method name, or failing that
 * the first three significant title words, lower case, letters and digits only. Collision
 * suffixes ({@code -2}, {@code -3}) are added by the caller, which knows corpus order.
 */
public final class Citekeys {
    private Citekeys() {
    }

    /** Title words that carry no identity: skipped when a key is made from the title. */
    static final Set<String> STOPWORDS = NameShape.words(
            "a", "an", "the", "of", "for", "on", "in", "to", "with", "and", "via", "by", "from",
            "towards", "toward", "at", "as", "or", "into", "onto", "over", "under", "its", "is", "are",
            "be", "do", "does");

    /** Used when neither a name nor a title gives a single letter or digit. */
    static final String FALLBACK = "paper";

    /** The citekey before collision suffixes; never empty. */
    public static String base(List<String> methods, String title) {
        if (methods != null && !methods.isEmpty() && methods.get(0) != null) {
            String key = NameKeys.compact(methods.get(0));
            if (!key.isEmpty()) {
                return key;
            }
        }
        String t = LatexText.clean(title == null ? "" : title);
        StringBuilder key = new StringBuilder();
        int taken = 0;
        for (String word : t.split("\\s+")) {
            String w = NameKeys.compact(word);
            if (w.isEmpty() || STOPWORDS.contains(w)) {
                continue;
            }
            key.append(w);
            if (++taken == 3) {
                break;
            }
        }
        if (key.length() == 0) {
            key.append(NameKeys.compact(t));
        }
        return key.length() == 0 ? FALLBACK : key.toString();
    }
}
