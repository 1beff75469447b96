package dev.papernotes.names;

import java.util.Locale;
import java.util.Set;

/**
 * What a word or a candidate name looks like: the shape tests and small word lists the name
 * rules share. Proper names of methods stand out by their spelling (inner capitals, digits,
 * all caps) or, mid-sentence, by an initial capital; these predicates encode that.
 */
final class NameShape {
    private NameShape() {
    }

    /** The most names are this many words long; longer spans are phrases or descriptions. */
    static final int MAX_NAME_WORDS = 6;

    /** Function words: never a name alone, never its first or last word. */
    static final Set<String> STOPWORDS = words(
            "a", "an", "the", "of", "for", "on", "in", "to", "with", "and", "or", "via", "by", "from",
            "towards", "toward", "at", "as", "into", "onto", "over", "under", "is", "are", "be", "been",
            "was", "were", "do", "does", "can", "not", "no", "its", "it", "this", "that", "these",
            "those", "our", "we", "us", "you", "your", "their", "they", "which", "what", "when",
            "where", "who", "how", "why", "than", "then", "so", "but", "if", "vs", "per", "all", "any",
            "each", "every", "some", "more", "most", "less", "only", "just", "also", "very", "about",
            "between", "through", "without", "within", "upon", "beyond", "across", "after", "before",
            "during", "while", "up", "down", "out", "off", "new", "novel", "here", "there", "both");

    /** Lower-case words that may sit inside a multi-word name ("Pre-training with Representative..."). */
    static final Set<String> CONNECTORS = words(
            "of", "for", "with", "and", "the", "in", "on", "to", "via", "by", "from", "&", "after",
            "before", "without", "over", "under", "through", "across", "within", "between", "at");

    /** Single-word title prefixes that label the kind of paper rather than name a contribution. */
    static final Set<String> GENERIC_TITLE_WORDS = words(
            "survey", "review", "position", "tutorial", "overview", "introduction", "editorial",
            "erratum", "perspective", "perspectives", "report", "note", "notes", "keynote", "preface",
            "abstract", "commentary", "summary", "appendix", "correction", "retraction", "chapter",
            "part", "lessons", "opinion", "rebuttal", "reply", "response", "foreword", "benchmark",
            "dataset", "datasets", "transformers", "llms", "rethinking", "revisiting", "beyond",
            "towards", "toward", "challenges", "findings", "results", "preliminary");

    /** First words that make a title prefix a phrase ("Beyond LLaVA-HD", "From PEFT to DEFT"). */
    static final Set<String> PHRASE_STARTERS = words(
            "beyond", "from", "towards", "toward", "every", "all", "why", "how", "what", "when",
            "where", "which", "who", "can", "could", "does", "do", "is", "are", "should", "shall",
            "will", "would", "not", "no", "only", "more", "less", "just", "let", "make", "making",
            "one", "two", "three", "on", "in", "to", "a", "an", "the", "is", "your", "our", "my",
            "inside", "into", "under", "over", "against", "through", "whither", "whence", "yes",
            "less", "don't", "stop", "think", "ask", "need", "keep", "mind", "look", "see");

    /** Nouns saying what kind of thing a name names: "the Parti model", "our VL-PET framework". */
    static final Set<String> KIND_NOUNS = words(
            "model", "models", "framework", "frameworks", "method", "methods", "approach", "system",
            "systems", "dataset", "datasets", "benchmark", "benchmarks", "architecture", "module",
            "modules", "network", "networks", "algorithm", "strategy", "technique", "pipeline",
            "family", "series", "suite", "pooling", "layer", "layers", "loss", "scheme", "paradigm",
            "toolkit", "library", "engine", "corpus", "encoder", "encoders", "decoder", "mechanism",
            "attention", "optimizer", "collection", "metric", "task", "tasks", "agent", "recipe",
            "tokenizer", "estimator", "protocol", "format", "procedure", "objective", "data", "solution");

    /** Last parts of hyphenated adjectives: "Flax-based", "CLIP-like", "Training-free". */
    private static final Set<String> ADJECTIVE_TAILS = words(
            "based", "like", "style", "free", "aware", "level", "scale", "wise", "specific", "oriented",
            "driven", "centric", "agnostic", "guided", "grained", "efficient", "friendly", "only",
            "compatible", "sized", "shot", "related", "dependent", "independent", "conditioned",
            "supervised", "trained", "tuned", "generated", "augmented", "resolution", "source");

    /** A word list; repeats are harmless (lists are easier to extend than to keep unique). */
    static Set<String> words(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    /** Lower case; the same string, without copying, when it has no capital (most words). */
    static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z') || c >= 128) {
                return s.toLowerCase(Locale.ROOT);
            }
        }
        return s;
    }

    static boolean isStopword(String w) {
        return w.length() <= MAX_STOPWORD_LENGTH && STOPWORDS_ANY_CASE.contains(w);
    }

    private static final int MAX_STOPWORD_LENGTH = STOPWORDS.stream().mapToInt(String::length).max().orElse(0);

    /** The stopwords as written in text ("the", "The", "THE"): looked up without lower-casing a copy. */
    private static final Set<String> STOPWORDS_ANY_CASE = anyCase(STOPWORDS);

    private static Set<String> anyCase(Set<String> words) {
        java.util.HashSet<String> out = new java.util.HashSet<>();
        for (String w : words) {
            out.add(w);
            out.add(w.toUpperCase(Locale.ROOT));
            out.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return Set.copyOf(out);
    }

    static boolean isGeneric(String name) {
        return FieldTerms.isFieldTerm(name);
    }

    /**
     * Spelled like a coined name: a capital after another letter ({@code GraphAdapter},
     * {@code LLaVA}, {@code mPLUG}, {@code HiRED}) or letters mixed with digits ({@code M3},
     * {@code GPT4Image}, {@code v2}).
     */
    static boolean isMarked(String w) {
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLetter(w.charAt(i - 1))) {
                return true;
            }
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        return letter && digit && !isQuantity(w);
    }

    /** The first letter or digit is an upper-case letter. */
    static boolean isCapitalized(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                return Character.isUpperCase(c);
            }
        }
        return false;
    }

    /** {@code v2}, {@code V2}, {@code 1.0}, {@code 3.0}, {@code II}: a version after a name. */
    static boolean isVersion(String w) {
        if (w.equals("II") || w.equals("III") || w.equals("IV") || w.equals("++")) {
            return true;
        }
        int i = 0;
        if (w.length() > 1 && (w.charAt(0) == 'v' || w.charAt(0) == 'V')) {
            i = 1;
        }
        if (i == w.length() || !Character.isDigit(w.charAt(i))) {
            return false;
        }
        boolean dot = false;
        for (int j = i; j < w.length(); j++) {
            char c = w.charAt(j);
            if (c == '.' && j > i && j + 1 < w.length() && Character.isDigit(w.charAt(j + 1))) {
                dot = true;
            } else if (!Character.isDigit(c)) {
                return false;
            }
        }
        return i == 1 || dot || w.length() <= 1;
    }

    /**
     * An amount, not a name: {@code 6B}, {@code 1.3B}, {@code 4K}, {@code 1080p}, {@code 2x},
     * {@code 3D}, {@code 50%}, {@code 2024}.
     */
    static boolean isQuantity(String w) {
        int i = 0;
        int n = w.length();
        if (i < n && (w.charAt(i) == '~' || w.charAt(i) == '+' || w.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && (Character.isDigit(w.charAt(i)) || w.charAt(i) == '.' || w.charAt(i) == ',')) {
            if (Character.isDigit(w.charAt(i))) {
                digits++;
            }
            i++;
        }
        if (digits == 0) {
            return false;
        }
        int letters = n - i;
        if (letters == 0) {
            return true;
        }
        if (letters > 2) {
            return false;
        }
        for (int j = i; j < n; j++) {
            char c = w.charAt(j);
            if (!Character.isLetter(c) && c != '%') {
                return false;
            }
        }
        return true;
    }

    /** {@code Flax-based}, {@code Training-free}: a hyphenated adjective, not a name. */
    static boolean isAdjectiveCompound(String w) {
        int dash = w.lastIndexOf('-');
        if (dash <= 0 || dash == w.length() - 1) {
            return false;
        }
        String tail = w.substring(dash + 1);
        return tail.equals(lower(tail)) && ADJECTIVE_TAILS.contains(tail);
    }

    /**
     * {@code Text-to-Layout}, {@code Audio-to-Motion}: a capitalized compound around a function
     * word describes a mapping; on its own it names a task, not a contribution.
     */
    static boolean isDescriptiveCompound(String w) {
        if (isMarked(w)) {
            return false;
        }
        String[] parts = lower(w).split("-");
        for (int i = 1; i + 1 < parts.length; i++) {
            if (STOPWORDS.contains(parts[i])) {
                return true;
            }
        }
        return false;
    }

    /** A word that can be part of a proper name in running text. */
    static boolean isNameWord(String w) {
        if (!(isCapitalized(w) || isMarked(w) || startsWithDigitAndHasLetters(w))) {
            return false; // most words: no capital, no digit
        }
        return !isQuantity(w) && !isAdjectiveCompound(w) && !isStopword(w);
    }

    /** {@code 1.5-Pints}: a name may start with a digit when letters follow. */
    static boolean startsWithDigitAndHasLetters(String w) {
        if (w.isEmpty() || !Character.isDigit(w.charAt(0)) || isQuantity(w)) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetter(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The inside of {@code (...)} that may abbreviate what precedes it: one word with at least two
     * capitals ({@code TTMs}, {@code HiP}, {@code RAM++}), or a capitalized word of up to 12
     * characters ({@code Parti}). Acronym matching decides whether it really does.
     */
    static boolean isShortFormShape(String w) {
        if (w.length() < 2 || w.length() > 15 || isQuantity(w)) {
            return false;
        }
        int upper = 0;
        for (int i = 0; i < w.length(); i++) {
            if (Character.isUpperCase(w.charAt(i))) {
                upper++;
            }
        }
        return upper >= 2 || isMarked(w) || (isCapitalized(w) && w.length() <= 12);
    }

    /**
     * A word that ends as an adjective joined by a hyphen: "Creative-Commons-licensed",
     * "Transformer-based", "Domain-agnostic". "Pre-training" is a noun, and may end a name.
     */
    static boolean endsInLowerCasePart(String word) {
        int hyphen = word.lastIndexOf('-');
        if (hyphen <= 0 || hyphen == word.length() - 1) {
            return false;
        }
        String part = word.substring(hyphen + 1);
        for (int i = 0; i < part.length(); i++) {
            if (!Character.isLowerCase(part.charAt(i))) {
                return false;
            }
        }
        return (part.length() > 3 && part.endsWith("ed")) || ADJECTIVE_PARTS.contains(part);
    }

    private static final Set<String> ADJECTIVE_PARTS = Set.of(
            "aware", "free", "like", "style", "specific", "wise", "level", "only", "agnostic", "centric", "friendly");

    /**
     * A written-out name, as in the long half of {@code Adaptive Sparse Trainer (AST)}: at most
     * {@link #MAX_NAME_WORDS} words, the first capitalized, and every word but one either
     * capitalized, coined or a connector. "large language models (LLMs)" is a term, not a name.
     */
    static boolean isTitleCased(String phrase) {
        String[] words = phrase.trim().split(" +");
        if (words.length == 0 || words.length > MAX_NAME_WORDS) {
            return false;
        }
        if (!(isCapitalized(words[0]) || isMarked(words[0]))) {
            return false;
        }
        String last = words[words.length - 1];
        if (!(isCapitalized(last) || isMarked(last) || startsWithDigitAndHasLetters(last) || isVersion(last))) {
            return false; // "Decoupled VIS framework": a name does not end in a common noun
        }
        if (endsInLowerCasePart(last)) {
            return false; // "Creative-Commons-licensed": a modifier, not a name
        }
        int misses = 0;
        for (String w : words) {
            if (CONNECTORS.contains(w)) {
                continue;
            }
            if (isStopword(w)) {
                return false; // "Large Language Model into a Pointer-Generator": a clause, not a name
            }
            if (!(isCapitalized(w) || isMarked(w) || startsWithDigitAndHasLetters(w) || isVersion(w))) {
                misses++;
            }
        }
        return misses <= (words.length >= 3 ? 1 : 0);
    }

    /**
     * Whether {@code name} can stand as a method name: trimmed, a handful of words, not a stopword
     * or an amount at either end, and, unless a title gave it, with a capital or a digit and not a
     * generic term.
     */
    static boolean isUsableName(String name, boolean fromTitle) {
        if (name == null) {
            return false;
        }
        String n = name.strip();
        if (!n.equals(name) || n.length() < 2 || n.length() > 60) {
            return false;
        }
        boolean letter = false;
        boolean capitalOrDigit = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            letter |= Character.isLetter(c);
            capitalOrDigit |= Character.isUpperCase(c) || Character.isDigit(c);
            if (Character.isISOControl(c)) {
                return false;
            }
        }
        if (!letter) {
            return false;
        }
        String[] words = n.split(" ");
        if (words.length > MAX_NAME_WORDS) {
            return false;
        }
        for (String w : words) {
            if (w.isEmpty()) {
                return false;
            }
        }
        if (isStopword(words[0]) || isStopword(words[words.length - 1])) {
            return false;
        }
        if (words.length == 1 && isQuantity(n)) {
            return false;
        }
        if (!isPunctuationBalanced(n) || !Character.isLetterOrDigit(n.codePointAt(0))) {
            return false;
        }
        if (fromTitle) {
            return true;
        }
        return capitalOrDigit && !isGeneric(n);
    }

    /** A name never carries half of a pair of brackets or quotes. */
    private static boolean isPunctuationBalanced(String n) {
        int round = 0;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '(') {
                round++;
            } else if (c == ')') {
                round--;
                if (round < 0) {
                    return false;
                }
            } else if (c == '"' || c == '“' || c == '”') {
                return false;
            }
        }
        return round == 0;
    }
}
