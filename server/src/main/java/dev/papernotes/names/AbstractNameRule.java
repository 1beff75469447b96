package dev.papernotes.names;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names an abstract gives the paper's own contribution. Only sentences that introduce that
 * contribution count: "we propose/introduce/present X", "this paper presents X", "a method
 * called/dubbed/named/termed X", "which we call X", "our model X". Everything else an abstract
 * names (BERT, LLaVA, "large language models (LLMs)") belongs to other work or to the field.
 *
 * <p>After a cue the object noun phrase is read: determiners and lower-case description are
 * skipped ("a novel training-free framework, X"), and the first name found is the one
 * introduced. A lower-case acronym definition counts for its short form only
 * ("polynomial composition activations (PolyCom)" gives {@code PolyCom}), and not after a
 * preposition of purpose ("a framework for few-shot class-incremental learning (FSCIL)").
 */
final class AbstractNameRule {
    /** Words of description allowed between a cue and the name it introduces. */
    private static final int MAX_SKIP = 12;
    /** Words read ahead for a written-out name before its "(ACRONYM)". */
    private static final int MAX_LONG_FORM = 8;

    /** Verbs by which authors introduce their own work; the subject must agree (see below). */
    private static final Set<String> VERB_CUES = NameShape.words(
            "propose", "proposes", "proposed", "introduce", "introduces", "introduced", "present",
            "presents", "develop", "develops", "developed", "construct", "constructs", "constructed",
            "curate", "curates", "curated", "create", "creates", "created", "build", "builds", "built",
            "release", "releases", "released", "design", "designs", "designed", "contribute",
            "contributes", "unveil", "unveils", "compile", "compiles", "compiled", "collect", "collects",
            "assemble", "assembles", "assembled", "establish", "establishes");

    /** "which we call X", "We name our method X". */
    private static final Set<String> NAMING_VERBS = NameShape.words("name", "call", "dub", "term");

    /** Words after which the very next words are a name. */
    private static final Set<String> NAMING_CUES = NameShape.words(
            "called", "dubbed", "named", "termed", "coined", "namely", "nicknamed", "codenamed");

    /** Subjects that are the authors' paper: "this paper presents ...". */
    private static final Set<String> OWN_WORK_NOUNS = NameShape.words(
            "paper", "work", "study", "report", "article", "letter", "thesis", "manuscript", "project");

    /** Subjects that are somebody else. */
    private static final Set<String> OTHER_SUBJECTS = NameShape.words(
            "they", "works", "methods", "studies", "approaches", "authors", "researchers", "al",
            "papers", "techniques", "systems", "efforts", "literature");

    /** Singular subjects that are somebody else's work, for verbs in the third person. */
    private static final Set<String> OTHER_SINGULAR_SUBJECTS = NameShape.words("it", "which", "who");

    /** Words in a naming sentence showing it is about the paper's own contribution. */
    private static final Set<String> OWN_MARKERS = NameShape.words(
            "we", "our", "us", "this", "proposed", "propose", "proposes", "new", "novel", "present",
            "presents", "introduce", "introduces", "resulting", "here");

    /** Words after which an object noun phrase has ended or turns to other work. */
    private static final Set<String> SCAN_STOPS = NameShape.words(
            "that", "which", "where", "whose", "who", "while", "whereas", "when", "if", "because",
            "since", "using", "based", "by", "from", "with", "without", "upon", "against", "than",
            "such", "like", "including", "e.g", "versus", "vs", "compared", "over", "beyond",
            "unlike", "inspired", "leveraging", "following", "but", "as", "is", "are", "was", "were",
            "can", "will", "has", "have", "built", "trained", "among");

    /** Prepositions: a name after one is a target ("for vanilla ViTs"), not the object. */
    private static final Set<String> PREPOSITIONS = NameShape.words(
            "of", "for", "in", "on", "into", "at", "about", "across", "towards", "toward", "via",
            "through", "within", "under", "to");

    /** Lower-case words that may follow a name without making it a modifier. */
    private static final Set<String> NAME_FOLLOWERS = NameShape.words(
            "using", "which", "that", "based", "designed", "built", "trained", "tailored", "capable",
            "consisting", "comprising", "leveraging", "featuring", "enabling", "achieving", "where",
            "whose", "specifically", "inspired", "named", "called", "dubbed", "termed", "pronounced",
            "i.e", "namely", "significantly", "effectively", "efficiently", "consistently");

    private static final Set<String> DETERMINERS = NameShape.words(
            "the", "a", "an", "our", "this", "these", "its", "their");

    /** Nouns after a definition that make it the name of a problem studied. */
    static final Set<String> TASK_WORDS = NameShape.words("task", "tasks", "problem", "problems", "setting", "settings",
            "challenge", "scenario", "scenarios");

    /** Kinds of thing authors make and name in the singular: "our DepthMix framework". */
    private static final Set<String> OWN_KINDS = NameShape.words(
            "framework", "method", "approach", "system", "pipeline", "module", "algorithm", "architecture",
            "technique", "strategy", "loss", "benchmark", "dataset", "toolkit", "library", "agent", "recipe",
            "scheme", "paradigm", "mechanism", "objective", "metric", "block", "layer", "augmentation");

    private final List<Token> t;
    private final String title;
    private String spacedTitle; // computed when first needed
    private String compactTitle;
    private final List<String> out = new ArrayList<>();
    private final Set<String> defined = new HashSet<>();
    /** Names the text writes in lower case after an explicit naming cue ("called depth soups"). */
    private final Set<String> lowerCase = new HashSet<>();
    /**
     * Names only a modifier position gives ("our WGAN paradigm", "the DepthMix strategy"): not
     * this paper's when the abstract defines them in a sentence about other work.
     */
    private final Set<String> weak = new HashSet<>();

    private final Sentences sentences;

    private AbstractNameRule(List<Token> tokens, String title, Sentences sentences) {
        this.t = tokens;
        this.sentences = sentences;
        this.title = title;

    }

    /**
     * What the abstract introduces.
     *
     * @param names the names, in text order, possibly repeated
     * @param definedShortForms short forms the introducing sentences define themselves, even in
     *     lower case ("polynomial composition activations (PolyCom)")
     */
    record Result(List<String> names, Set<String> definedShortForms, Set<String> lowerCaseNames,
            Set<String> weakNames) {
    }

    static Result find(List<Token> abstractTokens, String title, Sentences sentences) {
        AbstractNameRule rule = new AbstractNameRule(abstractTokens, title, sentences);
        rule.run();
        return new Result(rule.out, rule.defined, rule.lowerCase, rule.weak);
    }

    private static final int VERB = 1;
    private static final int NAMING_VERB = 2;
    private static final int NAMING = 3;
    private static final int OUR = 4;
    private static final int OR = 5;
    private static final int REFER = 6;

    /** Every cue word and what it cues, so that each word of the text costs one look-up. */
    private static final java.util.Map<String, Integer> CUES = cues();

    private static java.util.Map<String, Integer> cues() {
        java.util.Map<String, Integer> m = new java.util.HashMap<>();
        VERB_CUES.forEach(w -> m.put(w, VERB));
        NAMING_VERBS.forEach(w -> m.put(w, NAMING_VERB));
        NAMING_CUES.forEach(w -> m.put(w, NAMING));
        m.put("our", OUR);
        m.put("or", OR);
        m.put("refer", REFER);
        return java.util.Map.copyOf(m);
    }

    private void run() {
        for (int i = 0; i < t.size(); i++) {
            Token tok = t.get(i);
            if (!tok.word()) {
                continue;
            }
            String w = tok.lower();
            Integer cue = CUES.get(w);
            if (cue == null) {
                continue;
            }
            boolean infinitive = i > 0 && t.get(i - 1).is("to"); // "to create graphic layouts"
            switch (cue) {
                case VERB -> {
                    if (w.equals("proposed") && i > 0 && (t.get(i - 1).isIgnoreCase("our")
                            || t.get(i - 1).isIgnoreCase("the"))) {
                        ownNamed(i + 1);
                    } else if (!infinitive && subjectAgrees(i, w)) {
                        object(i + 1, false);
                    }
                }
                case NAMING_VERB -> {
                    if (!infinitive && i > 0 && t.get(i - 1).isIgnoreCase("we")) {
                        namingVerb(i + 1);
                    }
                }
                case NAMING -> {
                    if (aboutOwnWork(i)) {
                        named(i + 1, w.equals("namely"));
                    }
                }
                case OUR -> ownNamed(i + 1);
                case OR -> {
                    if (forShortFollows(i + 1) && aboutOwnWork(i)) {
                        named(i + 1, false); // "Leave-One-Out K-Nearest-Neighbor, or LOOK for short"
                    }
                }
                default -> {
                    if (i > 0 && t.get(i - 1).isIgnoreCase("we")) {
                        referAs(i + 1); // "we refer to the final model as Puffin-2"
                    }
                }
            }
        }
    }

    /** "we refer to ... as X": the name after "as", a few words on, in the same sentence. */
    private void referAs(int j) {
        for (int k = j; k < t.size() && k < j + 10; k++) {
            Token x = t.get(k);
            if (!x.word() && (isSentenceEnd(x) || x.is(","))) {
                return;
            }
            if (x.is("as")) {
                named(k + 1, false);
                return;
            }
        }
    }

    /** A task, problem or setting is what the naming cue at {@code cue} names, a few words back. */
    private boolean namesATask(int cue) {
        for (int k = cue - 1; k >= 0 && k >= cue - 16; k--) {
            Token x = t.get(k);
            if (isSentenceEnd(x) || (x.word() && (VERB_CUES.contains(x.lower()) || x.is("algorithm")
                    || x.is("method") || x.is("model") || x.is("framework")))) {
                return false; // "we propose an algorithm called X" names the algorithm
            }
            if (isProblemAt(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Token {@code k} is a task, problem or setting studied ("a new task"), not a task used for
     * training, which is part of a method ("a pre-training task called replaced token detection",
     * "the representative words prediction (ROP) task for pre-training").
     */
    boolean isProblemAt(int k) {
        if (k >= t.size() || !t.get(k).word() || !TASK_WORDS.contains(t.get(k).lower())) {
            return false;
        }
        for (int i = Math.max(0, k - 2); i < Math.min(t.size(), k + 3); i++) {
            if (t.get(i).word() && TRAINING_WORDS.contains(t.get(i).lower())) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> TRAINING_WORDS = NameShape.words(
            "pre-training", "pretraining", "pre-train", "pretrain", "pretext", "auxiliary", "proxy", "surrogate",
            "training", "self-supervised", "objective");

    /** "or LOOK for short": a name, then "for short". */
    private boolean forShortFollows(int k) {
        return k + 2 < t.size() && t.get(k).word() && NameShape.isNameWord(t.get(k).text())
                && t.get(k + 1).is("for") && t.get(k + 2).isIgnoreCase("short");
    }

    // ---- who is speaking ------------------------------------------------------------------

    /**
     * The verb's subject is the authors, in agreement: "we propose", "this paper proposes",
     * "we (also) developed". "designs" after "several innovative" is a noun, and "recently
     * introduced" is somebody else's.
     */
    private boolean subjectAgrees(int i, String verb) {
        if (verb.endsWith("ed") || verb.equals("built")) {
            return (i > 0 && t.get(i - 1).isIgnoreCase("we")) || (i > 1 && t.get(i - 2).isIgnoreCase("we"));
        }
        boolean thirdPerson = verb.endsWith("s");
        for (int k = i - 1; k >= 0 && k >= i - 40; k--) {
            Token x = t.get(k);
            if (!x.word()) {
                if (isSentenceEnd(x)) {
                    return false;
                }
                continue;
            }
            String w = x.lower();
            if (w.equals("we")) {
                return !thirdPerson;
            }
            if (OWN_WORK_NOUNS.contains(w) && k > 0) {
                String before = t.get(k - 1).lower();
                if (before.equals("this") || before.equals("our") || before.equals("present")) {
                    return true; // "this paper presents", and "this paper present" too
                }
            }
            if (OTHER_SUBJECTS.contains(w) || (thirdPerson && OTHER_SINGULAR_SUBJECTS.contains(w)) || x.sentenceStart()) {
                return false;
            }
        }
        return false;
    }

    /** The sentence up to {@code i} speaks of the paper's own work, not of "Gu et al.". */
    private boolean aboutOwnWork(int i) {
        boolean own = false;
        for (int k = i - 1; k >= 0 && k >= i - 60; k--) {
            Token x = t.get(k);
            if (!x.word()) {
                if (isSentenceEnd(x)) {
                    break;
                }
                continue;
            }
            String w = x.lower();
            if (w.equals("al") || w.equals("previously") || w.equals("prior") || w.equals("existing")
                    || w.equals("recently") || w.equals("recent")) {
                return false;
            }
            own |= OWN_MARKERS.contains(w);
            if (x.sentenceStart()) {
                break;
            }
        }
        return own;
    }

    private static boolean isSentenceEnd(Token x) {
        return !x.word() && (x.sentenceEnd() || x.is(";"));
    }

    // ---- reading the object of a cue ------------------------------------------------------

    /** After "we propose": skip description, take the first name of the noun phrase. */
    private void object(int j, boolean appositiveStart) {
        if (j < t.size() && t.get(j).is("to")) {
            return; // "we propose to ..."
        }
        int skipped = 0;
        boolean afterPreposition = false;
        boolean afterTarget = false;
        boolean appositive = appositiveStart;
        int segment = j;
        int k = j;
        while (k < t.size() && skipped <= MAX_SKIP) {
            Token x = t.get(k);
            if (!x.word()) {
                if (isSentenceEnd(x)) {
                    return;
                }
                if (x.is("(")) {
                    int next = parenthesis(segment, k, afterTarget && !appositive);
                    if (next < 0) {
                        return;
                    }
                    k = next;
                    segment = k;
                    continue;
                }
                if (x.is(",") || x.is(":")) {
                    appositive = true;
                } else if (isQuote(x.text())) {
                    quoted(k);
                    return;
                }
                k++;
                segment = k;
                continue;
            }
            String w = x.lower();
            if (NAMING_CUES.contains(w) || SCAN_STOPS.contains(w)) {
                return;
            }
            if (isEnumerator(w) && k + 1 < t.size() && t.get(k + 1).is(")")) {
                return; // "three tasks: 1) Text-guided ..."
            }
            if (w.equals("and") && k + 2 < t.size() && isLowerWord(t.get(k + 1))
                    && DETERMINERS.contains(t.get(k + 2).lower())) {
                return; // "... pool and employ the Hungarian algorithm": a new clause
            }
            // "a new task: 3D Data-Efficient Point-Language Understanding"
            boolean quantityStart = isDimension(x.text()) && k + 1 < t.size() && t.get(k + 1).word()
                    && NameShape.isNameWord(t.get(k + 1).text());
            if ((NameShape.isNameWord(x.text()) || quantityStart) && !x.sentenceStart()) {
                int open = definitionParenthesis(k);
                if (open >= 0 && startsDefinition(segment, open, k)) {
                    int next = parenthesis(segment, open, afterTarget && !appositive);
                    if (next < 0) {
                        return;
                    }
                    k = next;
                    segment = k;
                    continue;
                }
                Candidate c = candidateAt(k, appositive);
                if (c.modifier && namesItsKind(k, c.end)) {
                    weak.add(t.get(k).text());
                    emit(new Candidate(List.of(t.get(k).text()), c.end, false), true); // "the DepthMix strategy"
                    return;
                }
                if (c.modifier) {
                    skipped += c.end - k;
                    k = c.end;
                    appositive = false;
                    continue;
                }
                if (afterPreposition && !appositive) {
                    return; // "for vanilla ViTs": a target, not the thing introduced
                }
                if (c.names.isEmpty()) {
                    return;
                }
                if ((c.end == k + 1 && isMnemonic(t.get(k).text()) && namingParenthesisAhead(c.end))
                        || namedInBracketsAhead(c.end)) {
                    // "a Multiple-in-One image WArping model (named MOWA)": the name is in the brackets
                    skipped += c.end - k;
                    k = c.end;
                    appositive = false;
                    continue;
                }
                if (c.end < t.size() && t.get(c.end).is(",") && spelledOutAcronym(k, true)) {
                    return; // "we propose Decomposition, Interpretation, and Mitigation (DIM)"
                }
                if (c.names.size() == 1 && c.end == k + 1 && !isCoined(c.names.get(0)) && c.end + 1 < t.size()
                        && (t.get(c.end).is("and") || t.get(c.end).is("or"))) {
                    coordinatedPhrase(k, c.end);
                    return; // "a Hard and Soft Depth Regularization": not "Hard"
                }
                int coined = plainRun(c, k) ? coinedAppositiveAhead(c.end) : -1;
                if (coined < 0 && c.end < t.size() && t.get(c.end).word()
                        && NameShape.KIND_NOUNS.contains(t.get(c.end).lower()) && c.names.size() == 1) {
                    if (c.end == k + 1 && isProperAdjective(t.get(k).text())) {
                        return; // "a novel Bayesian approach"
                    }
                    weak.add(c.names.get(0)); // "a novel BSR approach": maybe the field's, defined earlier
                }
                emit(coined >= 0 ? candidateAt(coined, true) : c, false);
                return;
            }
            if (PREPOSITIONS.contains(w)) {
                afterPreposition = true;
                afterTarget |= !w.equals("of"); // "a category of X (Y)" still introduces Y
            }
            if (!w.equals("i.e") && !w.equals("namely") && !w.equals("the")) {
                appositive = false;
            }
            skipped++;
            k++;
        }
    }

    private static boolean isDimension(String w) {
        return w.length() == 2 && Character.isDigit(w.charAt(0)) && w.charAt(1) == 'D';
    }

    private static boolean isLowerWord(Token x) {
        return x.word() && x.text().equals(x.lower()) && !NameShape.isStopword(x.text());
    }

    /** Where "(SHORT)" follows the words starting at {@code k}, or -1. */
    private int definitionParenthesis(int k) {
        int end = k;
        while (end < t.size() && end - k < MAX_LONG_FORM && t.get(end).word()) {
            end++;
        }
        if (end + 2 < t.size() && t.get(end).is("(") && t.get(end + 2).is(")") && t.get(end + 1).word()
                && NameShape.isShortFormShape(t.get(end + 1).text())) {
            return end;
        }
        return -1;
    }

    /** The definition before {@code open} begins at or before {@code k}. */
    private boolean startsDefinition(int segment, int open, int k) {
        List<String> words = texts(segment, open);
        int start = AcronymDefinition.extendedStart(words, t.get(open + 1).text());
        return start >= 0 && open - words.size() + start <= k;
    }

    /**
     * A parenthesis met while reading an object, at {@code open}. An acronym definition
     * introduces its short form, and its long form when that is written like a name. Returns
     * where to go on reading, or -1 to stop (a name found, an enumeration "(1)", examples
     * "(e.g., BERT)").
     *
     * @param target whether a preposition of purpose came first ("for ... learning (FSCIL)")
     */
    private int parenthesis(int segment, int open, boolean target) {
        int close = closing(open);
        if (close < 0) {
            return -1;
        }
        Token first = t.get(open + 1);
        String lw = first.lower();
        if (first.word() && (NAMING_CUES.contains(lw) || lw.equals("e.g") || lw.equals("i.e")
                || lw.equals("see") || lw.equals("such") || isEnumerator(lw))) {
            return -1;
        }
        if (close != open + 2 || !first.word() || !NameShape.isShortFormShape(first.text())) {
            return close + 1; // "(Chinese-English)": read on
        }
        List<String> words = texts(segment, open);
        int start = AcronymDefinition.extendedStart(words, first.text());
        if (start < 0) {
            if (!target && isLabel(open)) {
                out.add(first.text()); // "a light-weight self-training method (DepthFix)"
                return -1;
            }
            return close + 1;
        }
        String shortForm = first.text();
        String longForm = String.join(" ", words.subList(start, words.size()));
        if (target && NameShape.isTitleCased(longForm) && inTitle(longForm)) {
            target = false; // "learning to Collocate Neural Modules (CNM)": the title's own words
        }
        if (target || !NameShape.isUsableName(shortForm, false)) {
            return close + 1; // a term of the field ("remote sensing (RS)"): read on
        }
        if (isProblemAt(close + 1)) {
            return -1; // "we present a Multi-Instance Generation (MIG) task": a task, not a contribution's name
        }
        out.add(shortForm);
        defined.add(shortForm);
        if (NameShape.isTitleCased(longForm)) {
            out.add(longForm);
        }
        return -1;
    }

    private static boolean isEnumerator(String w) {
        if (w.isEmpty() || w.length() > 4) {
            return false;
        }
        boolean digits = w.chars().allMatch(Character::isDigit);
        boolean roman = w.chars().allMatch(c -> c == 'i' || c == 'v' || c == 'x');
        return digits || roman || (w.length() == 1 && w.charAt(0) >= 'a' && w.charAt(0) <= 'h');
    }

    /** Index of the ")" closing the "(" at {@code open}, within a few words, or -1. */
    private int closing(int open) {
        for (int k = open + 1; k < t.size() && k <= open + 30; k++) {
            Token x = t.get(k);
            if (x.is(")")) {
                return k > open + 1 ? k : -1;
            }
            if (x.is("(") || isSentenceEnd(x)) {
                return -1;
            }
        }
        return -1;
    }

    /** "We name our method Byte2Word", "which we call Pathways Language Model PaLM". */
    private void namingVerb(int j) {
        int k = j;
        while (k < t.size() && k - j < 4 && t.get(k).word()
                && (NameShape.isStopword(t.get(k).text())
                    || NameShape.KIND_NOUNS.contains(t.get(k).lower())
                    || t.get(k).is("it") || t.get(k).is("them") || t.get(k).is("resulting") || t.get(k).is("final"))) {
            k++;
        }
        int quote = quoteAhead(k);
        if (quote >= 0) {
            quotedAfterCue(quote, true); // 'we call the results "model soups."'
        } else if (k < t.size() && t.get(k).word() && !NameShape.isNameWord(t.get(k).text())) {
            lowerCaseName(k); // "we call the resulting models depth soups"
        } else if (k < t.size()
                && (t.get(k).word() ? NameShape.isNameWord(t.get(k).text()) : isQuote(t.get(k).text()))) {
            named(k, false);
        }
    }

    /** After "called", "dubbed", "named as", "namely": the name that follows. */
    private void named(int j, boolean namely) {
        if (namesATask(j - 1)) {
            return; // "we explore the task of ..., which we term Set Difference Captioning"
        }
        int k = j;
        while (k < t.size() && t.get(k).word() && (t.get(k).is("as") || t.get(k).is("the") || t.get(k).is("a"))) {
            k++;
        }
        if (k >= t.size()) {
            return;
        }
        Token x = t.get(k);
        if (!x.word()) {
            if (isQuote(x.text())) {
                quotedAfterCue(k, !namely);
            }
            return;
        }
        // "dubbed Universal Parallel Tuning (UniPT)", "termed masked token optimization (MTO)"
        int open = definitionParenthesis(k);
        if (open >= 0 && AcronymDefinition.longFormStart(texts(k, open), t.get(open + 1).text()) == 0) {
            parenthesis(k, open, false);
            return;
        }
        if (spelledOutAcronym(k) || spelledOutAcronym(k, true)) {
            return; // "named Show, sEArch, and TelL (SEAL)": the acronym, not the words
        }
        if (!NameShape.isNameWord(x.text())) {
            if (!namely) {
                lowerCaseName(k); // "an objective called scale-shift alignment"
            }
            return;
        }
        Candidate c = candidateAt(k, true);
        if (namely && enumeration(j, c.end)) {
            return; // "two architectures, namely BERT and ConvKNRM": other people's
        }
        if (!namely && c.names.size() == 1 && !isCoined(c.names.get(0)) && c.end + 1 < t.size()
                && t.get(c.end).is("and") && t.get(c.end + 1).word() && NameShape.isNameWord(t.get(c.end + 1).text())
                && !isCoined(t.get(c.end + 1).text())) {
            Candidate second = candidateAt(c.end + 1, true);
            if (second.names.size() == 1 && endsPhrase(second.end)) {
                out.add(c.names.get(0) + " and " + second.names.get(0)); // "termed Listening and Imagining,"
                return;
            }
        }
        emit(c, false);
    }

    /**
     * "termed LMM with Sophisticated Tasks, Local image compression, and Mixture of global
     * Experts (SliME)": a definition running over commas, its first letter right after the cue.
     * Only the short form is kept; such a long form is no name.
     */
    private boolean spelledOutAcronym(int k) {
        return spelledOutAcronym(k, false);
    }

    /**
     * As above; {@code listOnly}: a short list of capitalized words and commas whose initials start
     * right here ("Decomposition, Interpretation, and Mitigation (DIM)").
     */
    private boolean spelledOutAcronym(int k, boolean listOnly) {
        List<String> words = new ArrayList<>();
        boolean comma = false;
        for (int i = k; i < t.size() && i - k < 3 * MAX_LONG_FORM; i++) {
            Token x = t.get(i);
            if (x.word()) {
                if (listOnly && !NameShape.isNameWord(x.text()) && !x.is("and") && !x.is("or")) {
                    return false;
                }
                words.add(x.text());
            } else if (x.is("(")) {
                boolean enough = listOnly ? comma && words.size() >= 3 : words.size() > MAX_LONG_FORM;
                if (enough && i + 2 < t.size() && t.get(i + 2).is(")") && t.get(i + 1).word()
                        && NameShape.isShortFormShape(t.get(i + 1).text())
                        && startsAt(words, t.get(i + 1).text(), listOnly)) {
                    out.add(t.get(i + 1).text());
                    defined.add(t.get(i + 1).text());
                    return true;
                }
                return false;
            } else if (x.is(",")) {
                comma = true;
            } else {
                return false;
            }
        }
        return false;
    }

    private static boolean startsAt(List<String> words, String shortForm, boolean atFirst) {
        int start = AcronymDefinition.longFormStart(words, shortForm);
        return atFirst ? start == 0 : start >= 0;
    }

    /** "... architectures, namely X and Y": a plural before "namely" and a list after it. */
    private boolean enumeration(int afterNamely, int end) {
        int k = afterNamely - 2;
        while (k >= 0 && !t.get(k).word()) {
            k--;
        }
        boolean plural = k >= 0 && isLowerWord(t.get(k)) && t.get(k).text().endsWith("s")
                && !t.get(k).text().endsWith("ss");
        boolean list = end < t.size() && (t.get(end).is("and") || t.get(end).is(","));
        return plural && list;
    }

    /** "our proposed X", "our model X", "our X." — only coined names, only where the phrase ends. */
    private void ownNamed(int j) {
        int k = j;
        while (k < t.size() && t.get(k).word() && (t.get(k).is("proposed") || t.get(k).is("new")
                || t.get(k).is("final") || t.get(k).is("resulting") || t.get(k).is("newly")
                || t.get(k).is("introduced") || t.get(k).is("collected") || t.get(k).is("curated"))) {
            k++;
        }
        boolean kind = false;
        if (k < t.size() && t.get(k).word() && NameShape.KIND_NOUNS.contains(t.get(k).lower())) {
            kind = true;
            k++;
            if (k + 1 < t.size() && t.get(k).is(",") && t.get(k + 1).word()
                    && (DETERMINERS.contains(t.get(k + 1).lower()) || NameShape.isNameWord(t.get(k + 1).text()))
                    && !t.get(k + 1).isIgnoreCase("our")) {
                // "Our proposed solution, the cross-refinement ... transformer (CRAFT), ..."
                object(k + 1, true);
                return;
            }
        }
        if (k >= t.size()) {
            return;
        }
        Token x = t.get(k);
        if (!x.word()) {
            if (isQuote(x.text())) {
                quoted(k);
            }
            return;
        }
        if (!NameShape.isNameWord(x.text())) {
            return;
        }
        int open = definitionParenthesis(k);
        if (open >= 0) {
            if (startsDefinition(k, open, k)) {
                parenthesis(k, open, false); // "the proposed Intra-Document Cascaded Ranking Model (IDCM)"
            }
            return;
        }
        if (!NameShape.isMarked(x.text()) && !kind) {
            return; // "our Japanese medical BERT": only coined names after a bare "our"
        }
        Candidate c = candidateAt(k, kind);
        if (c.modifier) {
            return;
        }
        // "our Llama-2 models" names a base model; "our UniPT can", "our SiT." name ours, and so
        // does "our DepthMix framework" (a kind of thing authors make, in the singular)
        if (!kind && c.end < t.size() && t.get(c.end).word()
                && NameShape.KIND_NOUNS.contains(t.get(c.end).lower())) {
            if (OWN_KINDS.contains(t.get(c.end).lower()) && c.names.size() == 1 && isCoined(c.names.get(0))) {
                weak.add(c.names.get(0));
                emit(c, true);
            }
            return;
        }
        // "our LLaMA-7B with ...": authors say "our" of what they merely used, so a bare "our X"
        // only confirms a name the title carries
        if (c.names.stream().allMatch(this::inTitleCompact)) {
            emit(c, true);
        }
    }

    /** {@code "1.5-Pints"}, {@code "ULIP-Objaverse Triplets"}: a quoted name of a few words. */
    private void quoted(int open) {
        List<String> words = new ArrayList<>();
        int from = open + 1;
        while (from < t.size() && isQuote(t.get(from).text())) {
            from++; // ``BitNet'' and ''Co-teaching''
        }
        for (int k = from; k < t.size() && words.size() <= NameShape.MAX_NAME_WORDS; k++) {
            Token x = t.get(k);
            if (x.word()) {
                words.add(x.text());
                continue;
            }
            if (isQuote(x.text()) && !words.isEmpty() && NameShape.isNameWord(words.get(0))) {
                out.add(String.join(" ", words));
            }
            return;
        }
    }

    private static boolean isQuote(String p) {
        return p.equals("\"") || p.equals("“") || p.equals("”") || p.equals("'") || p.equals("`")
                || p.equals("‘") || p.equals("’");
    }

    // ---- names in brackets, in lower case, as modifiers --------------------------------------

    /**
     * A naming bracket a few words on in the same noun phrase: "... image WArping model (named
     * MOWA)" or "... block (FB)". The capitals before it spell that name; they are not one.
     */
    private boolean namingParenthesisAhead(int from) {
        if (from >= t.size() || !t.get(from).word()) {
            return false;
        }
        for (int k = from; k < t.size() && k < from + 6; k++) {
            Token x = t.get(k);
            if (x.is("(")) {
                if (k + 1 < t.size() && NAMING_CUES.contains(t.get(k + 1).lower())) {
                    return true;
                }
                return k + 2 < t.size() && t.get(k + 2).is(")") && t.get(k + 1).word()
                        && OwnDefinitionRule.isCoinedShortForm(t.get(k + 1).text());
            }
            if (!x.word() || SCAN_STOPS.contains(x.lower())) {
                return false;
            }
        }
        return false;
    }

    /** "Bayesian", "Gaussian", "Euclidean", "Hierarchical": capitalized adjectives, not names. */
    private static boolean isProperAdjective(String w) {
        if (NameShape.isMarked(w) || w.indexOf('-') >= 0) {
            return false;
        }
        String l = NameShape.lower(w);
        return l.endsWith("ian") || l.endsWith("ean") || l.endsWith("ic") || l.endsWith("al") || l.endsWith("ive")
                || l.endsWith("ous") || l.endsWith("ary");
    }

    /** "WArping", "COlor": capitals picking the letters of an acronym out of a plain word. */
    private static boolean isMnemonic(String w) {
        if (w.length() < 4 || !Character.isUpperCase(w.charAt(0)) || !Character.isUpperCase(w.charAt(1))) {
            return false;
        }
        boolean lower = false;
        for (int i = 2; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isLetter(c) && lower) {
                return false;
            }
        }
        return lower;
    }

    /** "(named MOWA)" a few words on in the same noun phrase. */
    private boolean namedInBracketsAhead(int from) {
        for (int k = from; k + 1 < t.size() && k < from + 6; k++) {
            Token x = t.get(k);
            if (x.is("(")) {
                return NAMING_CUES.contains(t.get(k + 1).lower());
            }
            if (!x.word() || SCAN_STOPS.contains(x.lower())) {
                return false;
            }
        }
        return false;
    }

    /**
     * "a Hard and Soft Depth Regularization": a capitalized phrase joined by "and" is one name
     * when capitalized words close it; otherwise it names nothing.
     */
    private void coordinatedPhrase(int k, int and) {
        int end = and + 1;
        while (end < t.size() && t.get(end).word() && end - k < NameShape.MAX_NAME_WORDS
                && NameShape.isNameWord(t.get(end).text())) {
            end++;
        }
        boolean closed = end >= t.size() || !t.get(end).word() || !NameShape.isNameWord(t.get(end).text());
        if (end - and >= 3 && closed) {
            out.add(join(k, end));
        }
    }

    /** The candidate is plain capitalized words ("Non-parametric Network"), none coined, not the title's. */
    private boolean plainRun(Candidate c, int k) {
        if (c.names.size() != 1 || inTitle(c.names.get(0))) {
            return false;
        }
        for (int i = k; i < c.end; i++) {
            if (NameShape.isMarked(t.get(i).text())) {
                return false;
            }
        }
        return true;
    }

    /**
     * "a Non-parametric Network for few-shot 3D Segmentation, Seg-NN,": a coined name in
     * apposition a few words on, which is the name; the capitals before it only describe.
     */
    private int coinedAppositiveAhead(int from) {
        for (int k = from; k + 1 < t.size() && k < from + 10; k++) {
            Token x = t.get(k);
            if (isSentenceEnd(x) || x.is("(") || (x.word() && SCAN_STOPS.contains(x.lower()) && !x.is("for"))) {
                return -1;
            }
            if (x.is(",")) {
                Token y = t.get(k + 1);
                return y.word() && isCoined(y.text()) && NameShape.isMarked(y.text()) ? k + 1 : -1;
            }
        }
        return -1;
    }

    /**
     * "the DepthMix augmentation strategy": a coined name before at most two lower-case words
     * that end in a kind of thing authors make. The name is the coined word alone.
     */
    private boolean namesItsKind(int k, int end) {
        String w = t.get(k).text();
        if (!NameShape.isMarked(w) || !NameShape.isCapitalized(w) || NameShape.isGeneric(w)) {
            return false; // "the image-based video-NeRF editing pipeline" describes; it names nothing
        }
        int i = end;
        while (i < t.size() && i < end + 3 && t.get(i).word() && t.get(i).text().equals(t.get(i).lower())
                && !NameShape.isStopword(t.get(i).text()) && !NAME_FOLLOWERS.contains(t.get(i).lower())
                && !SCAN_STOPS.contains(t.get(i).lower())) {
            i++;
        }
        return i > end && OWN_KINDS.contains(t.get(i - 1).lower());
    }

    /**
     * "a light-weight self-training method (DepthFix)", "a new benchmark dataset
     * (NoisyDepth-5K)": a coined word in brackets after a description it does not abbreviate.
     */
    private boolean isLabel(int open) {
        if (open < 1 || open + 2 >= t.size() || !t.get(open + 2).is(")")) {
            return false;
        }
        String label = t.get(open + 1).text();
        Token before = t.get(open - 1);
        return before.word() && before.text().equals(before.lower()) && !NameShape.isStopword(before.text())
                && NameShape.isMarked(label) && !NameShape.isGeneric(label) && !NameShape.isQuantity(label)
                && NameShape.isUsableName(label, false);
    }

    /**
     * A name in lower case right after an explicit naming cue: one to three plain words up to a
     * comma, a full stop, a bracket or a relative pronoun ("called scale-shift alignment,").
     */
    private void lowerCaseName(int k) {
        if (!namesAMadeThing(k)) {
            return; // "a new phenomenon termed scaling law crossover", "a point called prediction level"
        }
        int end = k;
        while (end < t.size() && t.get(end).word() && end - k < 4) {
            Token x = t.get(end);
            if (NameShape.isStopword(x.text()) || NAME_FOLLOWERS.contains(x.lower()) || SCAN_STOPS.contains(x.lower())
                    || !x.text().equals(x.lower())) {
                break;
            }
            end++;
        }
        boolean closes = end >= t.size() || (!t.get(end).word() && !isQuote(t.get(end).text()))
                || t.get(end).is("which") || t.get(end).is("that") || t.get(end).is("to");
        if (end == k || end - k > 3 || !closes || (end < t.size() && t.get(end).is("("))) {
            return;
        }
        String phrase = join(k, end);
        if (!NameShape.isGeneric(phrase) && phrase.codePoints().filter(Character::isLetter).count() >= 4) {
            out.add(phrase);
            lowerCase.add(phrase);
        }
    }

    /** An opening quote within the next few words ("we call the results 'model soups'"), or -1. */
    private int quoteAhead(int k) {
        for (int i = k; i < t.size() && i < k + 4; i++) {
            if (!t.get(i).word()) {
                return isQuote(t.get(i).text()) && i + 1 < t.size() ? i : -1;
            }
        }
        return -1;
    }

    /**
     * A lower-case name stands for something the authors made only when a word for such a thing
     * comes shortly before its cue: "an objective called ...", "a technique we term ...", "the
     * resulting models ... depth soups", "a pre-training task called ...".
     */
    private boolean namesAMadeThing(int k) {
        for (int i = k - 1; i >= 0 && i >= k - 8; i--) {
            Token x = t.get(i);
            if (isSentenceEnd(x)) {
                return false;
            }
            if (x.word() && (NameShape.KIND_NOUNS.contains(x.lower()) || MADE_THINGS.contains(x.lower()))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> MADE_THINGS = NameShape.words(
            "representation", "representations", "branch", "block", "module", "loss", "regularizer", "prior",
            "score", "measure", "criterion", "trick", "scheduler", "sampler", "variant", "extension", "version",
            "task", "models", "networks", "methods", "techniques", "strategies", "procedure", "results");

    /** A quoted name after a naming cue may be lower case: "a technique we term 'distilled disentangling'". */
    private void quotedAfterCue(int open, boolean lowerAllowed) {
        int from = open + 1;
        while (from < t.size() && isQuote(t.get(from).text())) {
            from++;
        }
        if (lowerAllowed && from < t.size() && t.get(from).word() && !NameShape.isNameWord(t.get(from).text())) {
            if (!namesAMadeThing(open)) {
                return; // "a new phenomenon termed ``scaling law crossover''"
            }
            int end = from;
            while (end < t.size() && t.get(end).word() && end - from < 4) {
                end++;
            }
            // 'we call the results "model soups."': the stop may sit inside the quotes
            boolean closed = (end < t.size() && isQuote(t.get(end).text())) || (end + 1 < t.size()
                    && (t.get(end).is(".") || t.get(end).is(",")) && isQuote(t.get(end + 1).text()));
            if (closed && end - from <= 3) {
                String phrase = join(from, end);
                if (!NameShape.isGeneric(phrase)) {
                    out.add(phrase);
                    lowerCase.add(phrase);
                }
            }
            return;
        }
        quoted(open);
    }

    /**
     * "a ... algorithm with Correlated policies (CoDAIL)": a coined label in brackets closing the
     * noun phrase of a name just found.
     */
    private void labelAhead(int from, List<String> found) {
        for (int k = from; k + 2 < t.size() && k < from + 8; k++) {
            Token x = t.get(k);
            if (isSentenceEnd(x) || x.is(",") || x.is(";") || x.is(":")) {
                return;
            }
            if (x.is("(")) {
                String inside = t.get(k + 1).text();
                if (t.get(k + 2).is(")") && t.get(k + 1).word() && !found.contains(inside)
                        && OwnDefinitionRule.isCoinedShortForm(inside) && NameShape.isMarked(inside)
                        && !NameShape.isGeneric(inside)) {
                    out.add(inside);
                }
                return;
            }
        }
    }

    // ---- the name itself ------------------------------------------------------------------

    /** Names found at some position, and where reading may go on. */
    private record Candidate(List<String> names, int end, boolean modifier) {
    }

    /**
     * Reads the name starting at {@code k}: the run of capitalized and coined words, with a
     * trailing version ({@code Griffon v2}, {@code NVLM 1.0}). In an appositive ("a new
     * scheduler, Power scheduler,") the whole short phrase is the name. A run followed by a
     * lower-case noun ("Vision-Language learning algorithm", "T5X checkpoints") is a modifier,
     * not a name; a kind noun ("the Parti model", "SimCore algorithm") is fine.
     */
    private Candidate candidateAt(int k, boolean appositive) {
        int fullEnd = k;
        while (fullEnd < t.size() && fullEnd - k < MAX_LONG_FORM && t.get(fullEnd).word()) {
            fullEnd++;
        }
        int end = k + 1;
        while (end < t.size() && t.get(end).word() && end - k < NameShape.MAX_NAME_WORDS) {
            String w = t.get(end).text();
            boolean dimension = isDimension(w) && end + 1 < t.size() && t.get(end + 1).word()
                    && NameShape.isNameWord(t.get(end + 1).text()); // "Language Embedded 3D Gaussians"
            if (!(NameShape.isNameWord(w) || NameShape.isVersion(w) || dimension)) {
                break;
            }
            end++;
        }
        if (appositive && fullEnd - k <= 3 && fullEnd > end && endsPhrase(fullEnd) && lowerCaseTail(end, fullEnd)
                && !NameShape.isMarked(t.get(k).text())) {
            return new Candidate(List.of(join(k, fullEnd)), fullEnd, false);
        }
        // "the Curse of Depth,": a name with a function word inside, as the title writes it
        if (end + 1 < t.size() && t.get(end).word() && NameShape.CONNECTORS.contains(t.get(end).text())
                && !t.get(end).is("and") && !t.get(end).is("&")
                && t.get(end + 1).word() && NameShape.isNameWord(t.get(end + 1).text())) {
            int longEnd = end + 1;
            while (longEnd < t.size() && t.get(longEnd).word() && longEnd - k < NameShape.MAX_NAME_WORDS
                    && (NameShape.isNameWord(t.get(longEnd).text()) || NameShape.CONNECTORS.contains(t.get(longEnd).text()))) {
                longEnd++;
            }
            boolean cut = longEnd < t.size() && t.get(longEnd).word() && longEnd - k >= NameShape.MAX_NAME_WORDS
                    && (NameShape.isNameWord(t.get(longEnd).text()) || NameShape.CONNECTORS.contains(t.get(longEnd).text()));
            while (longEnd > end && NameShape.CONNECTORS.contains(t.get(longEnd - 1).text())) {
                longEnd--;
            }
            String phrase = join(k, longEnd);
            if (cut) {
                return new Candidate(List.of(), longEnd, false); // a long title phrase, not a name
            }
            if (inTitle(phrase)) {
                return new Candidate(List.of(phrase), longEnd, false);
            }
            if (!NameShape.isMarked(t.get(k).text())) {
                return new Candidate(List.of(), end, false); // a capitalized phrase we cannot delimit
            }
        }
        if (!appositive && end < t.size() && t.get(end).word()) {
            String next = t.get(end).text();
            String lw = NameShape.lower(next);
            boolean content = !NameShape.isNameWord(next) && !NameShape.isStopword(next)
                    && !NameShape.KIND_NOUNS.contains(lw) && !NAME_FOLLOWERS.contains(lw)
                    && !NAMING_CUES.contains(lw) && !SCAN_STOPS.contains(lw);
            if (content) {
                return new Candidate(List.of(), end, true);
            }
        }
        if (end == k + 1 && NameShape.isDescriptiveCompound(t.get(k).text())) {
            return new Candidate(List.of(), end, true); // "an Audio-to-Motion module"
        }
        return new Candidate(splitTrailingAcronym(k, end), end, false);
    }

    /** "Pathways Language Model PaLM" is the long form followed by its short form. */
    private List<String> splitTrailingAcronym(int k, int end) {
        if (end - k >= 3) {
            String last = t.get(end - 1).text();
            List<String> before = texts(k, end - 1);
            if (NameShape.isMarked(last) && AcronymDefinition.longFormStart(before, last) == 0) {
                return List.of(last, String.join(" ", before));
            }
        }
        return List.of(join(k, end));
    }

    /** The title contains the name, punctuation and case forgiven ("DocOwl2" in "mPLUG-DocOwl2"). */
    private boolean inTitleCompact(String name) {
        if (compactTitle == null) {
            compactTitle = NameKeys.compact(title);
        }
        String n = NameKeys.compact(name);
        return !n.isEmpty() && compactTitle.contains(n);
    }

    /** The phrase occurs in the title, as whole words (case and punctuation spacing forgiven). */
    private boolean inTitle(String phrase) {
        if (spacedTitle == null) {
            spacedTitle = " " + NameKeys.spaced(title) + " ";
        }
        String p = NameKeys.spaced(phrase);
        return !p.isEmpty() && spacedTitle.contains(" " + p + " ");
    }

    private boolean endsPhrase(int k) {
        return k >= t.size() || (!t.get(k).word() && (t.get(k).is(",") || isSentenceEnd(t.get(k))));
    }

    /** The words of an appositive after its capitalized head are plain lower-case nouns. */
    private boolean lowerCaseTail(int from, int to) {
        for (int i = from; i < to; i++) {
            String w = t.get(i).text();
            if (NameShape.isStopword(w) || !w.equals(NameShape.lower(w)) || NAME_FOLLOWERS.contains(w)
                    || NameShape.KIND_NOUNS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** The texts of the tokens from {@code from} to {@code to}, at most the last 16. */
    private List<String> texts(int from, int to) {
        List<String> words = new ArrayList<>();
        for (int i = Math.max(from, to - 2 * MAX_LONG_FORM); i < to; i++) {
            words.add(t.get(i).text());
        }
        return words;
    }

    private String join(int from, int to) {
        String s = String.join(" ", texts(from, to));
        return s.endsWith("'s") ? s.substring(0, s.length() - 2) : s;
    }

    /** One word spelled like a made-up name: {@code TokenAdapt}, {@code Ling-Lite}, {@code RS5M}. */
    private static boolean isCoined(String w) {
        return NameShape.isMarked(w) || (NameShape.isNameWord(w) && w.indexOf('-') > 0);
    }

    /**
     * Records a candidate and what directly extends it: "M3: Matryoshka Multimodal Models" (the
     * title spelled out), "DEFT, Density-Efficient Fine-Tuning" (an expansion), "TokenAdapt and
     * ColorAdapt" (two coined names; not after "our", where the second is usually not ours).
     */
    private void emit(Candidate c, boolean noCoordination) {
        out.addAll(c.names);
        int k = c.end;
        if (c.names.isEmpty() || k + 1 >= t.size()) {
            return;
        }
        labelAhead(k, c.names);
        String last = c.names.get(c.names.size() - 1);
        Token sep = t.get(k);
        if (!sep.word() && (sep.is(":") || sep.is(",")) && coinedList(k, noCoordination)) {
            return;
        }
        if (!sep.word() && (sep.is(":") || sep.is(","))) {
            int begin = k + 1;
            while (begin < t.size() && t.get(begin).word() && begin - k <= 2
                    && (t.get(begin).is("a") || t.get(begin).is("an") || t.get(begin).is("the"))) {
                begin++; // "PDM, a Progressive Depth Module"
            }
            int end = begin;
            while (end < t.size() && t.get(end).word() && end - begin < NameShape.MAX_NAME_WORDS) {
                end++;
            }
            List<String> words = texts(begin, end);
            if (!words.isEmpty() && endsPhrase(end)) {
                String phrase = String.join(" ", words);
                boolean spelledOut = AcronymDefinition.longFormStart(words, last) == 0
                        || phrase.equalsIgnoreCase(title.strip());
                if (spelledOut && NameShape.isTitleCased(phrase)) {
                    out.add(phrase);
                }
            }
        } else if (!noCoordination && sep.word() && (sep.is("and") || sep.is("&")) && isCoined(last)
                && t.get(k + 1).word() && isCoined(t.get(k + 1).text())) {
            Candidate second = candidateAt(k + 1, false);
            if (!second.modifier) {
                out.addAll(second.names);
            }
        }
    }

    /**
     * "we release FD-Tiny, FD-Base and FD-Large": further coined names in a list right after a
     * coined name, separated by commas and a final "and". Returns whether it took a list.
     */
    private boolean coinedList(int k, boolean noCoordination) {
        if (noCoordination || !t.get(k).is(",")) {
            return false;
        }
        List<String> items = new ArrayList<>();
        int i = k;
        while (i + 1 < t.size() && (t.get(i).is(",") || t.get(i).is("and")) && items.size() < MethodNames.MAX_NAMES) {
            int next = i + 1;
            if (t.get(next).is("and") && t.get(i).is(",")) {
                next++;
            }
            if (next >= t.size() || !t.get(next).word() || !isCoined(t.get(next).text())
                    || !NameShape.isMarked(t.get(next).text())) {
                break;
            }
            items.add(t.get(next).text());
            i = next + 1;
            if (i >= t.size()) {
                break;
            }
        }
        boolean closed = items.size() >= 2 && (i >= t.size() || !t.get(i).word() || isSentenceEnd(t.get(i)))
                && t.get(i - 2).is("and");
        if (closed) {
            out.addAll(items);
        }
        return closed;
    }
}
