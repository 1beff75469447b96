package dev.papernotes.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything a generated corpus is made from, shared read-only by all generator threads: the
 * lexicon's word lists, the Markov model of the seed abstracts and the title "core" bijection.
 */
final class CorpusModel {
    private static final Set<String> STOP = Set.of("this", "that", "with", "from", "have", "which", "their", "these",
            "while", "such", "than", "also", "into", "been", "more", "both", "they", "them", "when", "only", "over",
            "most", "other", "were", "well", "each", "however", "through", "without", "where", "what", "does",
            "thus", "then", "whether", "very", "much", "many", "some", "often", "even", "about", "able", "across",
            "being", "between", "could", "would", "should", "there", "here", "upon", "within");

    final long seed;
    final Profile profile;
    final AbstractModel abstracts;

    final List<String> modifiers;
    final List<String> topics;
    final List<String> heads;
    final List<String> domains;
    final List<String> techniques;
    final List<String> gerunds;
    final List<String> methodNouns;
    final List<String> works;
    final List<String> nameStems;
    final List<String> nameHeads;
    final List<String> onsets;
    final List<String> vowels;
    final List<String> codas;
    final List<String> wordNames;
    final List<String> githubOrgs;

    final List<String> subtitleTemplates;
    final List<String> plainTemplates;
    final List<String> phrasePrefixTemplates;
    final List<String> extensionTemplates;
    final List<String> introTemplates;
    final List<String> introDerivedTemplates;
    final List<String> introAnonymousTemplates;

    /** Seed content words by initial letter (a..z), capitalized, for acronym expansions. */
    final List<List<String>> wordsByInitial;
    final double[] initialWeights;

    /** Size of the core space (modifier x topic x head) and the bijection's parameters. */
    final long coreSpace;
    private final long coreMul;
    private final long coreOff;

    CorpusModel(long seed) {
        this(seed, Profile.SEED);
    }

    CorpusModel(long seed, Profile profile) {
        this.seed = seed;
        this.profile = profile;
        Lexicon lex = Shared.LEXICON;
        modifiers = lex.list("modifier");
        topics = lex.list("topic");
        heads = lex.list("head");
        domains = lex.list("domain");
        techniques = lex.list("technique");
        gerunds = lex.list("gerund");
        methodNouns = lex.list("method-noun");
        works = lex.list("work");
        nameStems = lex.list("name-stem");
        nameHeads = lex.list("name-head");
        onsets = dashIsEmpty(lex.list("onset"));
        vowels = dashIsEmpty(lex.list("vowel"));
        codas = dashIsEmpty(lex.list("coda"));
        wordNames = lex.list("word-name");
        githubOrgs = lex.list("github-org");
        subtitleTemplates = lex.templates("subtitle");
        plainTemplates = lex.templates("plain");
        phrasePrefixTemplates = lex.templates("phrase-prefix");
        extensionTemplates = lex.templates("extension");
        introTemplates = lex.templates("intro");
        introDerivedTemplates = lex.templates("intro-derived");
        introAnonymousTemplates = lex.templates("intro-anonymous");

        abstracts = Shared.ABSTRACTS;

        List<List<String>> byInitial = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            byInitial.add(new ArrayList<>());
        }
        for (String w : abstracts.contentWords) {
            char c = w.charAt(0);
            if (c >= 'a' && c <= 'z' && !STOP.contains(w) && !w.endsWith("ly") && w.matches("[a-z]+(-[a-z]+)?")) {
                byInitial.get(c - 'a').add(capitalizeParts(w));
            }
        }
        initialWeights = new double[26];
        wordsByInitial = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            initialWeights[i] = Math.sqrt(byInitial.get(i).size()); // flatter than English: fewer collisions
            wordsByInitial.add(List.copyOf(byInitial.get(i)));
        }

        coreSpace = (long) modifiers.size() * topics.size() * heads.size();
        long mul = Math.floorMod(Rng.streamSeed(seed, 0xC0DE), coreSpace);
        while (gcd(mul, coreSpace) != 1 || mul < coreSpace / 3) {
            mul = (mul + 1) % coreSpace;
        }
        coreMul = mul;
        coreOff = Math.floorMod(Rng.streamSeed(seed, 0xC0FF), coreSpace);
    }

    /** What does not depend on the corpus seed, built once per JVM (immutable). */
    private static final class Shared {
        static final Lexicon LEXICON = Lexicon.load();
        static final AbstractModel ABSTRACTS = new AbstractModel(SeedPapers.load(), LEXICON.list("work"));
    }

    private static List<String> dashIsEmpty(List<String> l) {
        return l.stream().map(x -> x.equals("-") ? "" : x).toList();
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /**
     * The core of paper {@code k}: modifier, topic and head indices. A bijection on
     * {@code [0, coreSpace)}, so papers below {@link #coreSpace} all get different cores.
     */
    int[] core(long k) {
        long x = Math.floorMod(Math.floorMod(k, coreSpace) * coreMul + coreOff, coreSpace);
        int a = (int) (x % modifiers.size());
        x /= modifiers.size();
        int b = (int) (x % topics.size());
        int c = (int) (x / topics.size());
        return new int[] {a, b, c};
    }

    String coreText(long k) {
        int[] c = core(k);
        return modifiers.get(c[0]) + " " + topics.get(c[1]) + " " + heads.get(c[2]);
    }

    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    static String capitalizeParts(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(start ? Character.toUpperCase(c) : c);
            start = c == '-';
        }
        return sb.toString();
    }

    /** Lower-cases words whose only capital is the first letter ("Token Pruning" -> "token pruning"). */
    static String lowerWords(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && s.charAt(j) != ' ') {
                j++;
            }
            sb.append(plainCapitalized(s, i, j) ? s.substring(i, j).toLowerCase(Locale.ROOT) : s.substring(i, j));
            if (j < s.length()) {
                sb.append(' ');
            }
            i = j + 1;
        }
        return sb.toString();
    }

    /** True when {@code s[from, to)} is a word with no capitals but the first letters of its parts. */
    static boolean plainCapitalized(String s, int from, int to) {
        if (to - from < 2) {
            return false;
        }
        boolean letters = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                return false;
            }
            if (Character.isUpperCase(c) && i > from && s.charAt(i - 1) != '-') {
                return false;
            }
            if (Character.isUpperCase(c) && i + 1 < to && Character.isUpperCase(s.charAt(i + 1))) {
                return false;
            }
            letters |= Character.isLetter(c);
        }
        return letters;
    }

    /** "a" or "an" before {@code word}. */
    static String article(String word) {
        if (word.isEmpty()) {
            return "a";
        }
        String w = word.toLowerCase(Locale.ROOT);
        char c = w.charAt(0);
        if (w.startsWith("uni") || w.startsWith("use") || w.startsWith("usa") || w.startsWith("one")) {
            return "a";
        }
        if (Character.isUpperCase(word.charAt(0)) && word.length() > 1 && Character.isUpperCase(word.charAt(1))) {
            // an acronym is read letter by letter: "an LLM", "a GPU"
            return "AEFHILMNORSX".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
        }
        return "aeio".indexOf(c) >= 0 || (c == 'u') ? "an" : "a";
    }
}
