package dev.papernotes.index;

import static dev.papernotes.index.IndexSchema.TITLE_TEXT;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * The distinctive words of a title, as terms a note's words can be compared with: the evidence
 * that a short name in a note means this paper ("PROP ... retrieval pre-training"). Words most
 * titles share ("learning", "transformer") are not distinctive. Remembered per snapshot: a note
 * asks for the same papers at every keystroke.
 */
public final class TitleTerms {
    /** A word in more than this share of titles (and in more than {@link #MIN_COMMON} titles) is not distinctive. */
    private static final double COMMON_SHARE = 0.05;
    private static final int MIN_COMMON = 30;
    private static final int CACHED = 2048;

    /**
     * Words of research prose in general: a title has them, and so has any note, whatever paper it
     * is about. Compared after analysis (stemmed).
     */
    private static final List<String> GENERAL_WORDS = List.of(
            "approach", "method", "methods", "model", "models", "framework", "system", "technique", "algorithm",
            "learning", "learn", "network", "networks", "neural", "deep", "data", "dataset", "task", "tasks",
            "novel", "new", "simple", "general", "generic", "unified", "efficient", "effective", "fast", "faster",
            "better", "improve", "improved", "improving", "towards", "toward", "via", "using", "based", "beyond",
            "rethinking", "revisiting", "understanding", "exploring", "leveraging", "enhancing", "boosting",
            "analysis", "study", "evaluation", "evaluating", "benchmark", "benchmarking", "performance", "large",
            "small", "scale", "scalable", "robust", "accurate", "high", "low", "multi", "single", "one", "two",
            "first", "real", "world", "time", "look", "looking", "similar", "different", "good", "make", "making",
            "work", "works", "need", "all", "more", "less", "power", "strong", "weak", "free", "aware", "guided",
            "driven", "level", "end", "wise", "case", "problem", "problems", "result", "results", "representation",
            "representations", "training", "train", "inference", "optimization", "generation", "prediction",
            "vision", "visual", "language", "image", "images", "video", "videos", "transformer", "transformers",
            "systematic", "practical", "adaptive", "dynamic", "global", "local", "joint", "self", "supervised");

    private final IndexReader reader;
    private final int common;
    private final Analyzer analyzer = IndexSchema.textAnalyzer();
    private final Set<String> general;
    /** A name and a title: no key string built at every look-up (a note's analysis asks many at each edit). */
    private record NameInTitle(String name, String title) {
    }

    private final Map<NameInTitle, Set<String>> distinctive = RecentMap.of(CACHED);

    TitleTerms(IndexReader reader, int papers) {
        this.reader = reader;
        this.common = Math.max(MIN_COMMON, (int) Math.ceil(papers * COMMON_SHARE));
        Set<String> g = new java.util.HashSet<>();
        try {
            for (String w : GENERAL_WORDS) {
                g.addAll(terms(w));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.general = Set.copyOf(g);
    }

    /** The distinctive terms of {@code title}, without those of {@code name} itself. */
    public Set<String> distinctive(String title, String name) throws IOException {
        NameInTitle key = new NameInTitle(name, title);
        Set<String> cached = distinctive.get(key);
        if (cached != null) {
            return cached;
        }
        Set<String> own = new LinkedHashSet<>(terms(name));
        Set<String> out = new LinkedHashSet<>();
        for (String t : terms(title)) {
            if (t.length() < 3 || own.contains(t) || general.contains(t) || Character.isDigit(t.charAt(0))) {
                continue;
            }
            if (reader == null || reader.docFreq(new Term(TITLE_TEXT, t)) <= common) {
                out.add(t);
            }
        }
        Set<String> result = Collections.unmodifiableSet(out);
        distinctive.put(key, result);
        return result;
    }

    /** The terms of {@code text} without the general words of research prose. */
    public Set<String> contentTerms(String text) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (String t : terms(text)) {
            if (t.length() >= 3 && !general.contains(t) && !Character.isDigit(t.charAt(0))) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * {@code text} as title terms: lower-cased, stemmed, stop words dropped, and hyphens
     * closed up first, so "pre-training" in a note meets "Pre-training" in a title.
     */
    public List<String> terms(String text) throws IOException {
        return kept(analyzed, text, () -> List.copyOf(analyze(text)));
    }

    /**
     * {@link #terms} of {@code text} as a set (kept as long as the list): what a note writes around
     * a name, asked whether it holds a few title words, without a set made of it at every analysis.
     */
    public Set<String> termSet(String text) throws IOException {
        return kept(analyzedSets, text, () -> Set.copyOf(terms(text)));
    }

    /** What {@code make} gives for {@code text}, from {@code cache} when it is there; a long text is not kept. */
    private static <T> T kept(Map<String, T> cache, String text, LookupCache.Lookup<T> make) throws IOException {
        T cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        T out = make.find();
        if (text.length() <= MAX_CACHED_CHARS) {
            cache.put(text, out);
        }
        return out;
    }

    private final Map<String, Set<String>> analyzedSets = RecentMap.of(CACHED);

    /**
     * Texts analyzed lately: a note is analysed again at every keystroke, and all but the edited
     * paragraph are the same text as before.
     */
    private final Map<String, List<String>> analyzed = RecentMap.of(CACHED);
    private static final int MAX_CACHED_CHARS = 2048;

    private List<String> analyze(String text) throws IOException {
        return AnalyzedTerms.of(analyzer, TITLE_TEXT, closeHyphens(text));
    }

    private static String closeHyphens(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' && i > 0 && i + 1 < s.length() && Character.isLetter(s.charAt(i - 1))
                    && Character.isLetter(s.charAt(i + 1))) {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
