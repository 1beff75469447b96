package dev.papernotes.bench;

import java.util.Locale;

/**
 * The shape of a generated corpus. {@link #SEED} is modelled on the bundled corpus; the others
 * are shapes the server was not tuned on, each stressing what the seed's shape hides:
 *
 * <ul>
 *   <li>{@link #SYLLABLES}: most names are built from a small set of shared syllables
 *       ({@code Koravin}, {@code KoraNet}, {@code Kotelmi}), so thousands of names share their
 *       first letters and many collide outright; abstracts of 6 to 10 sentences.</li>
 *   <li>{@link #ACRONYMS}: most names are short all-caps acronyms (2 to 4 letters), so a name is
 *       shared by dozens of papers at a million; long titles (120-260 characters) and long
 *       abstracts (2,400-3,800 characters, past arXiv's limit).</li>
 *   <li>{@link #ARXIV}: not daily pages but one file in the shape of the arXiv metadata snapshot
 *       (JSON Lines: titles and abstracts wrapped at 70 columns, authors, categories, versions),
 *       each paper once, written by {@link LibraryGenerator} with the seed's texts: the library
 *       reader's path, authors for {@code @} completion, no repeated entries.</li>
 * </ul>
 */
enum Profile {
    SEED(0, 0, 0, 0, 0, 0, 0),
    SYLLABLES(0.85, 0, 0, 0, 6, 10, 4000),
    ACRONYMS(0, 0.8, 120, 260, 0, 0, 3800),
    ARXIV(0, 0, 0, 0, 0, 0, 0);

    /** Share of fresh names built from {@link #SYLLABLE_SET}. */
    final double syllableNames;
    /** Share of fresh names that are 2-4 capital letters. */
    final double shortCaps;
    /** Title length range; 0: the seed's lengths. */
    final int titleMin;
    final int titleMax;
    /** Sentences per abstract; 0: up to a length drawn from the seed's. */
    final int sentencesMin;
    final int sentencesMax;
    /** Longest abstract in characters; 0: the seed's (1,920, arXiv's limit). */
    final int abstractMax;

    Profile(double syllableNames, double shortCaps, int titleMin, int titleMax, int sentencesMin, int sentencesMax,
            int abstractMax) {
        this.syllableNames = syllableNames;
        this.shortCaps = shortCaps;
        this.titleMin = titleMin;
        this.titleMax = titleMax;
        this.sentencesMin = sentencesMin;
        this.sentencesMax = sentencesMax;
        this.abstractMax = abstractMax;
    }

    /** Few enough that thousands of names start alike at 100k papers; CV syllables read as names. */
    static final String[] SYLLABLE_SET = {"ka", "ro", "vin", "tel", "mo", "sa", "ri", "lon", "de", "na", "po", "lu",
        "zen", "ta", "mi", "gor"};

    /** A library file from {@link LibraryGenerator} rather than daily pages from {@link CorpusGenerator}. */
    boolean isLibrary() {
        return this == ARXIV;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Profile parse(String s) {
        for (Profile p : values()) {
            if (p.id().equals(s.strip().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile " + s + "; known: seed, syllables, acronyms, arxiv");
    }
}
