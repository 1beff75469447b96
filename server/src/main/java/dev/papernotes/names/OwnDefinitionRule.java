package dev.papernotes.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Acronym definitions that name a part of the paper's own work, wherever the sentence puts
 * them: "Heron incorporates a Gated Residual Mixer (GRM)", "trained with a novel Edge
 * Consistency Loss (ECL)", "The Weighted Concept Knowledge (WCK) branch ...", "two modules: the
 * Adaptive Fusion Module (AFM) and the Depth Gate (DG)". A definition in lower case names the
 * paper's part only with stronger evidence: "we design the sparse anchor fusion block (SAFB)", "a
 * new metric, edge recall (ER)", "the displacement field estimation (DFE) module is proposed".
 *
 * <p>Definitions of other work and of the field stay out: those after a preposition of purpose
 * ("a method for Multiple Object Tracking (MOT)"), after a tool verb ("we leverage Score Distillation
 * Sampling (SDS)"), in sentences about prior work ("Existing ...", "Compared with ..."), and every
 * definition with a field term as either half ({@link FieldTerms}).
 */
final class OwnDefinitionRule {
    private OwnDefinitionRule() {
    }

    /** Words of the sentence before a definition that make it the authors' own. */
    private static final Set<String> OWN = NameShape.words(
            "we", "our", "us", "propose", "proposes", "proposed", "introduce", "introduces", "present",
            "presents", "design", "designs", "designed", "devise", "devises", "devised", "develop", "develops",
            "developed", "build", "builds", "construct", "constructs", "constructed", "create", "creates",
            "incorporate", "incorporates", "comprise", "comprises", "include", "includes", "including",
            "consist", "consists", "consisting", "contains", "integrates", "equips", "equipped", "features",
            "proposing", "introducing", "presenting", "designing", "developing", "building", "constructing",
            "creating", "devising");

    /** Verbs that introduce something new (required before a lower-case definition). */
    private static final Set<String> INTRODUCING = NameShape.words(
            "propose", "proposes", "proposed", "introduce", "introduces", "introduced", "present", "presents",
            "design", "designs", "designed", "devise", "devises", "devised", "develop", "develops",
            "developed", "build", "builds", "construct", "constructs", "constructed", "create", "creates",
            "term", "dub", "call", "name", "define", "defines", "proposing", "introducing", "presenting",
            "designing", "developing", "building", "constructing", "creating", "devising");

    /** Words right before a definition that make it new whatever the verb: "a novel Edge Loss (EL)". */
    private static final Set<String> NOVELTY = NameShape.words(
            "novel", "new", "proposed", "our", "newly", "innovative", "dedicated", "customized", "tailored");

    /** Determiners and the like, walked over to find what governs a definition. */
    private static final Set<String> MODIFIERS = NameShape.words(
            "the", "a", "an", "our", "its", "their", "this", "these", "two", "three", "novel", "new", "proposed",
            "newly", "innovative", "dedicated", "simple", "lightweight", "light-weight", "efficient",
            "effective", "key", "core", "first", "second", "third", "additional", "specially", "carefully",
            "well-designed", "designed", "so-called", "i.e", "namely", "termed", "named", "called", "dubbed");

    /** Prepositions before a definition: it is what the work is for or about, not what it is. */
    private static final Set<String> TARGETS = NameShape.words(
            "for", "of", "in", "on", "to", "towards", "toward", "via", "through", "under", "from", "by",
            "with", "across", "about", "against", "over", "than", "like", "at", "within", "beyond", "between",
            "among", "versus", "vs");

    /** Verbs that make what they govern a tool the authors use: "we leverage Score Distillation (SD)". */
    private static final Set<String> TOOLS = NameShape.words(
            "use", "uses", "used", "using", "utilize", "utilizes", "utilized", "utilizing", "utilise",
            "utilises", "leverage", "leverages", "leveraged", "leveraging", "employ", "employs", "employed",
            "employing", "adopt", "adopts", "adopted", "adopting", "exploit", "exploits", "exploiting",
            "borrow", "borrows", "apply", "applies", "applying", "extend", "extends", "extending",
            "replace", "replaces", "replacing", "evaluate", "evaluated", "evaluating", "test", "tested",
            "compare", "compared", "fine-tune", "finetune", "train", "trained", "training", "follow",
            "follows", "following", "inspired", "based", "built", "upon", "pre-trained", "pretrained",
            "off-the-shelf", "run", "runs", "generalize", "generalizes", "study", "studies", "analyze",
            "analyzes", "analyse", "revisit", "revisits", "investigate", "investigates", "examine", "examines",
            "consider", "considers", "considering", "explore", "explores", "tailor", "tailoring", "improve",
            "improves", "enhance", "enhances", "boost", "boosts", "accelerate", "accelerates", "adapt", "adapts",
            "modify", "modifies", "simplify", "simplifies", "prune", "quantize", "compress", "attack",
            "probe", "interpret", "explain", "characterize", "benchmark", "incorporating", "integrating",
            "combining", "equipping", "denote", "denotes", "call", "calls", "called", "known", "referred",
            "improved", "achieves", "achieved", "reaches", "reached", "obtains", "obtained", "yields", "reduces",
            "reduced", "increases", "increased", "measure", "measures", "measured", "report", "reports");

    /** Words that mark what follows as prior work, anywhere between the authors and a definition. */
    private static final Set<String> PRIOR = NameShape.words(
            "existing", "standard", "popular", "classic", "classical", "vanilla", "conventional", "traditional",
            "original", "well-known", "widely", "commonly", "recent", "recently", "previous", "previously",
            "prior", "al", "such", "e.g", "unlike", "than", "baseline", "baselines", "outperform", "outperforms",
            "outperforming", "surpass", "surpasses", "beats", "versus", "vs", "they", "authors");

    /** Kinds of part after a definition: "the Weighted Concept Knowledge (WCK) branch". */
    private static final Set<String> PART_KINDS = NameShape.words(
            "module", "modules", "block", "blocks", "loss", "branch", "objective", "layer", "layers", "head",
            "unit", "units", "mechanism", "strategy", "operator", "component", "regularizer", "regularization",
            "term", "gate", "adapter", "aligner", "extractor", "sampler", "scheduler", "selector", "mixer",
            "metric", "score", "criterion", "constraint", "prior", "token", "tokens");

    /** Passive introductions after a lower-case definition: "(DFE) module is proposed". */
    private static final Set<String> PASSIVE_INTRODUCED = NameShape.words(
            "proposed", "designed", "introduced", "presented", "devised", "developed", "constructed");

    /**
     * The names the abstract's own-work definitions give, short form first, long form when
     * written like a name.
     *
     * @param known keys ({@link NameKeys#compact}) of names found so far, to recognise "X
     *     incorporates ..." as the paper's own X speaking
     */
    static List<String> names(List<Token> t, Sentences sentences, Set<String> known,
            List<AcronymDefinition> definitions) {
        List<String> out = new ArrayList<>();
        for (AcronymDefinition d : definitions) {
            String shortForm = d.shortForm();
            String longForm = d.longForm();
            if (!isCoinedShortForm(shortForm) || FieldTerms.isFieldTerm(longForm)
                    || FieldTerms.isFieldTerm(shortForm) || AcronymDefinition.endsAsModifier(longForm)) {
                continue; // "Creative-Commons-licensed (CC) images" abbreviates what the images are
            }
            boolean titleCased = d.titleCased();
            if (accepts(t, sentences, d.first(), d.open() + 3, titleCased, known)) {
                out.add(shortForm);
                if (titleCased) {
                    out.add(longForm);
                }
            }
        }
        return out;
    }

    /**
     * An earlier start whose word initials are exactly the short form's capitals: the letter
     * matching alone takes both I's of {@code IIM} from "Interaction" in "Intra-scale Interaction
     * Module (IIM)".
     */
    static int initialsStart(List<String> words, int start, String shortForm) {
        StringBuilder caps = new StringBuilder();
        for (int i = 0; i < shortForm.length(); i++) {
            if (Character.isUpperCase(shortForm.charAt(i))) {
                caps.append(Character.toLowerCase(shortForm.charAt(i)));
            }
        }
        for (int s = start - 1; s >= 0 && s >= start - 2; s--) {
            StringBuilder initials = new StringBuilder();
            for (int i = s; i < words.size(); i++) {
                String w = words.get(i);
                if (i == s || !NameShape.CONNECTORS.contains(w)) {
                    initials.append(Character.toLowerCase(w.charAt(0)));
                }
            }
            if (initials.toString().equals(caps.toString())) {
                return s;
            }
        }
        return start;
    }

    /** A short form spelled like a coinage: two capitals or more ({@code GRM}, {@code C-Former}). */
    static boolean isCoinedShortForm(String s) {
        if (!NameShape.isShortFormShape(s) || NameShape.isQuantity(s) || NameShape.isStopword(s)) {
            return false;
        }
        int upper = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                upper++;
            }
        }
        return upper >= 2;
    }

    /**
     * Whether the definition whose long form starts at {@code k} (its parenthesis closing just
     * before {@code after}) is the paper's own part.
     */
    private static boolean accepts(List<Token> t, Sentences sentences, int k, int after, boolean titleCased,
            Set<String> known) {
        int from = sentences.start(k);
        // what governs the definition: walk back over determiners, adjectives, list markers and
        // earlier items of a list ("of A (X) and B (Y)": B is governed by "of" too)
        int g = k - 1;
        boolean novel = false;
        boolean ours = false;
        while (g >= from) {
            Token x = t.get(g);
            if (x.word() && MODIFIERS.contains(x.lower())) {
                novel |= NOVELTY.contains(x.lower());
                ours |= x.is("our") || x.is("proposed");
                g--;
            } else if ((x.is("and") || x.is("or") || x.is(",")) && previousDefinition(t, g, from) >= 0) {
                g = beforeDefinition(t, previousDefinition(t, g, from), from); // "A (X) for ..., and B (Y)"
            } else if ((x.is(",") || x.is(":") || x.text().startsWith("-")) && !x.word() && g - 1 >= from
                    && t.get(g - 1).word() && NameShape.KIND_NOUNS.contains(t.get(g - 1).lower())) {
                // an appositive: "a new memory module -- a Relational Memory Core (RMC)"
                g--;
                while (g >= from && t.get(g).word() && t.get(g).text().equals(t.get(g).lower())
                        && !TARGETS.contains(t.get(g).lower()) && !TOOLS.contains(t.get(g).lower())
                        && !OWN.contains(t.get(g).lower())) {
                    novel |= NOVELTY.contains(t.get(g).lower());
                    ours |= t.get(g).is("our") || t.get(g).is("proposed");
                    g--;
                }
            } else if (x.is(")") && g - 2 >= from && t.get(g - 2).is("(") && isEnumerator(t.get(g - 1))) {
                g -= 3; // "(ii) a Self-Mining Sampler (SMS)"
            } else if (x.is(")") && g - 2 >= from && t.get(g - 2).is("(")) {
                g = beforeDefinition(t, g, from); // "the Wave Mode (WM) Synthetic Radar (SR) archive"
            } else {
                break;
            }
        }
        for (int j = from; j < k; j++) {
            if (t.get(j).word() && (t.get(j).is("al") || t.get(j).is("they") || t.get(j).isIgnoreCase("authors"))) {
                return false; // "Shrivastava et al. propose Simulated+Unsupervised (S+U) learning"
            }
        }
        if (after < t.size() && t.get(after).word() && t.get(after).text().startsWith("-")) {
            return false; // "lookup table(LUT)-based": an adjective
        }
        if (after < t.size() && t.get(after).word() && AbstractNameRule.TASK_WORDS.contains(t.get(after).lower())
                && !trainingTask(t, after)) {
            return false; // "a Multi-Instance Generation (MIG) task"
        }
        if (!titleCased && after + 1 < t.size() && (t.get(after).is("to") || t.get(after).is("into"))
                && t.get(after + 1).word() && (t.get(after + 1).is("the") || t.get(after + 1).is("a"))) {
            return false; // "we introduce product quantization (PQ) to the VAE": applying a known technique
        }
        if (!titleCased && k > 0 && t.get(k - 1).is(")")) {
            return false; // "a Warmup-Stable-Decay (WSD) learning rate scheduler (LRS)": the head noun
        }
        Token gov = g >= from ? t.get(g) : null;
        if (!novel && gov != null && gov.word()
                && (TARGETS.contains(gov.lower()) || TOOLS.contains(gov.lower()) || PRIOR.contains(gov.lower()))) {
            return false; // "for Multiple Object Tracking (MOT)", "we leverage Score Distillation (SD)"
        }
        if (gov != null && (gov.is("and") || gov.is("or") || gov.is(",")) && coordinatedWithTool(t, g, from)) {
            return false; // "using a pretrained encoder and Local Image Function (LIF)"
        }
        boolean ownSubject = startsWithKnownName(t, from, k, known) || startsWithOwnKind(t, from, k);
        for (int j = from; j < k && !ownSubject; j++) {
            String w = t.get(j).lower();
            ownSubject = t.get(j).word()
                    && (w.equals("we") || w.equals("our") || w.equals("us") || isOwnWorkSubject(t, j, from));
        }
        novel &= ownSubject || ours; // "As a new embodied task, Instance Goal Navigation (IGN) ..." is not theirs
        String verb = directVerb(t, g, from, known);
        int own = nearestOwnWord(t, g, from, known);
        boolean listOfParts = listOfOwnParts(t, g, from);
        boolean passive = passiveIntroduction(t, after, sentences.end(k));
        boolean partKind = partKindFollows(t, after) && !priorBefore(t, from, k);
        if (!titleCased || endsInTask(t, k, after)) {
            // a term of the field is written like this too: ask for the act of introducing it
            return novel || passive || (verb != null && INTRODUCING.contains(verb))
                    || (ownSubject && own >= 0 && INTRODUCING.contains(t.get(own).lower()))
                    || (titleCased && ownSubject && partKind);
        }
        return novel || passive || verb != null || (ownSubject && (own >= 0 || listOfParts)) || partKind;
    }

    /**
     * The verb whose direct object the definition is, when the authors or their work are its
     * subject: "we incorporate a ...", "Heron employs ..."; null otherwise, or when the verb only
     * uses, studies or improves something ("we adopt ...", "we generalize the ...").
     */
    private static String directVerb(List<Token> t, int g, int from, Set<String> known) {
        if (g < from || !t.get(g).word()) {
            return null;
        }
        String verb = t.get(g).lower();
        if (!verb.equals(t.get(g).text()) || NameShape.isStopword(verb) || TOOLS.contains(verb)
                || TARGETS.contains(verb)) {
            return null;
        }
        int s = g - 1;
        while (s >= from && t.get(s).word() && ADVERBS.contains(t.get(s).lower())) {
            s--; // "we first design", "we further extend"
        }
        if (s < from || !t.get(s).word()) {
            return null;
        }
        Token subject = t.get(s);
        boolean own = subject.isIgnoreCase("we") || known.contains(NameKeys.compact(subject.text()))
                || (NameShape.KIND_NOUNS.contains(subject.lower()) && s > from
                    && (t.get(s - 1).isIgnoreCase("the") || t.get(s - 1).isIgnoreCase("our")));
        return own ? verb : null;
    }

    private static final Set<String> ADVERBS = NameShape.words(
            "first", "further", "also", "then", "additionally", "next", "finally", "thus", "therefore",
            "specifically", "explicitly", "carefully", "newly", "instead", "moreover", "subsequently");

    /**
     * The nearest word before {@code g} that makes the sentence an introduction of the authors'
     * parts ("propose", "incorporates", "including"), when nothing in between turns to another
     * clause, a purpose or prior work; -1 when there is none.
     */
    private static int nearestOwnWord(List<Token> t, int g, int from, Set<String> known) {
        for (int j = g; j >= from; j--) {
            Token x = t.get(j);
            if (!x.word()) {
                if (x.is(";") || x.is("(")) {
                    return -1;
                }
                continue;
            }
            String w = x.lower();
            if (OWN.contains(w) && !w.equals("we") && !w.equals("our") && !w.equals("us")) {
                // "evaluated against attacks, including Fast Gradient Sign (FGS)": a list of others' work
                return LIST_WORDS.contains(w) && listOfOthers(t, j, from, known) ? -1 : j;
            }
            if (PRIOR.contains(w) || CLAUSE_STARTS.contains(w) || TOOLS.contains(w)
                    || (TARGETS.contains(w) && !w.equals("of") && !w.equals("with") && !w.equals("into"))) {
                return -1;
            }
        }
        return -1;
    }

    private static final Set<String> LIST_WORDS = NameShape.words("including", "include", "includes");

    /** What "including" at {@code j} lists hangs on a preposition, a tool verb or prior work. */
    private static boolean listOfOthers(List<Token> t, int j, int from, Set<String> known) {
        int before = j - 1;
        while (before >= from && !t.get(before).word()) {
            before--;
        }
        if (before >= from && known.contains(NameKeys.compact(t.get(before).text()))) {
            return false; // "MRefSR, including a Multi-Reference Attention Module (MAM)": its own parts
        }
        for (int i = j - 1; i >= from && i >= j - 8; i--) {
            Token x = t.get(i);
            if (!x.word()) {
                continue;
            }
            String w = x.lower();
            if (OWN.contains(w) && !LIST_WORDS.contains(w)) {
                return false;
            }
            if (TARGETS.contains(w) || TOOLS.contains(w) || PRIOR.contains(w) || w.equals("state-of-the-art")) {
                return true;
            }
        }
        return false;
    }

    /** "two essential modules: the ... (AIEM) and ...": a list of the paper's parts after a colon. */
    private static boolean listOfOwnParts(List<Token> t, int g, int from) {
        for (int j = g; j >= from && j >= g - 3; j--) {
            if (t.get(j).is(":")) {
                return j > from && t.get(j - 1).word() && PART_LISTS.contains(t.get(j - 1).lower());
            }
        }
        return false;
    }

    private static final Set<String> PART_LISTS = NameShape.words(
            "modules", "components", "designs", "parts", "stages", "steps", "innovations", "contributions",
            "strategies", "techniques", "losses", "blocks", "branches", "mechanisms", "objectives", "metrics");

    private static boolean priorBefore(List<Token> t, int from, int k) {
        for (int j = from; j < k; j++) {
            if (t.get(j).word() && PRIOR.contains(t.get(j).lower())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEnumerator(Token x) {
        String w = x.lower();
        return x.word() && w.length() <= 4 && (w.chars().allMatch(Character::isDigit)
                || w.chars().allMatch(c -> c == 'i' || c == 'v' || c == 'x')
                || (w.length() == 1 && w.charAt(0) >= 'a' && w.charAt(0) <= 'h'));
    }

    /** Words opening a relative clause: what the authors do before one does not reach into it. */
    private static final Set<String> CLAUSE_STARTS = NameShape.words("that", "which", "where", "who", "whose");

    /**
     * The ")" of a definition a few words before the coordinator at {@code g} ("a Foo Module (FM)
     * for fusion, and a Bar Module (BM)"), or -1.
     */
    private static int previousDefinition(List<Token> t, int g, int from) {
        for (int j = g - 1; j >= from + 2 && j >= g - 15; j--) {
            Token x = t.get(j);
            if (x.is(")")) {
                return t.get(j - 2).is("(") && t.get(j - 1).word() && isCoinedShortForm(t.get(j - 1).text()) ? j : -1;
            }
            if (x.is("(") || x.is(";") || x.is(":")) {
                return -1;
            }
        }
        return -1;
    }

    /** The first conjunct of "A and B (C)" hangs on a tool or a preposition: B does too. */
    private static boolean coordinatedWithTool(List<Token> t, int g, int from) {
        for (int j = g - 1; j >= from && j >= g - 10; j--) {
            Token x = t.get(j);
            if (!x.word()) {
                continue;
            }
            String w = x.lower();
            if (OWN.contains(w)) {
                return false;
            }
            if (TOOLS.contains(w) || TARGETS.contains(w) || PRIOR.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Index of the word before the definition whose ")" is at {@code close}, or {@code from - 1}. */
    private static int beforeDefinition(List<Token> t, int close, int from) {
        int j = close - 3; // ")" SHORT "(" then the long form
        while (j >= from && t.get(j).word() && (NameShape.isNameWord(t.get(j).text())
                || NameShape.CONNECTORS.contains(t.get(j).text()) || t.get(j).text().indexOf('-') > 0)) {
            j--;
        }
        while (j >= from && t.get(j).word() && MODIFIERS.contains(t.get(j).lower())) {
            j--;
        }
        return j;
    }

    /** Last words of tasks, written title-cased as often as names: "Talking Face Generation (TFG)". */
    private static final Set<String> TASK_ENDINGS = NameShape.words(
            "generation", "detection", "segmentation", "recognition", "estimation", "retrieval", "tracking",
            "answering", "translation", "classification", "synthesis", "captioning", "grounding", "adaptation",
            "learning", "prediction", "reasoning", "understanding", "editing", "completion", "forecasting",
            "navigation", "localization", "matching", "summarization", "inference", "planning", "control",
            "optimization", "compression", "restoration", "reconstruction", "analysis", "modeling", "modelling",
            "generalization", "counting", "parsing", "labeling", "labelling", "annotation", "enhancement",
            "super-resolution", "deblurring", "denoising", "inpainting", "interpolation", "registration");

    /** Whether {@code phrase} ends in the name of a task ("Single Domain Generalization"). */
    static boolean endsInTask(String phrase) {
        int space = phrase.lastIndexOf(' ');
        return TASK_ENDINGS.contains(NameShape.lower(phrase.substring(space + 1)));
    }

    private static boolean endsInTask(List<Token> t, int k, int after) {
        String last = t.get(after - 4).lower(); // the word before "(": after = ")" + 1
        return TASK_ENDINGS.contains(last);
    }

    /** "this paper", "this work", "our study" at {@code j}. */
    private static boolean isOwnWorkSubject(List<Token> t, int j, int from) {
        return j > from && t.get(j).word() && (t.get(j).is("paper") || t.get(j).is("work") || t.get(j).is("study"))
                && (t.get(j - 1).isIgnoreCase("this") || t.get(j - 1).isIgnoreCase("our"));
    }

    /** The sentence is about a name already found: "Heron incorporates ...", "The Heron model ...". */
    private static boolean startsWithKnownName(List<Token> t, int from, int k, Set<String> known) {
        int s = from;
        if (s < k && t.get(s).word() && (t.get(s).isIgnoreCase("the") || t.get(s).isIgnoreCase("our"))) {
            s++;
        }
        return s < k && t.get(s).word() && known.contains(NameKeys.compact(t.get(s).text()));
    }

    /** "The model incorporates ...", "Specifically, the framework ...": the paper's own thing speaks. */
    private static boolean startsWithOwnKind(List<Token> t, int from, int k) {
        int s = from;
        while (s < k && (!t.get(s).word() || t.get(s).isIgnoreCase("specifically") || t.get(s).isIgnoreCase("then")
                || t.get(s).isIgnoreCase("first") || t.get(s).isIgnoreCase("moreover")
                || t.get(s).isIgnoreCase("finally")
                || t.get(s).isIgnoreCase("furthermore") || t.get(s).isIgnoreCase("additionally"))) {
            s++;
        }
        return s + 1 < k && (t.get(s).isIgnoreCase("the") || t.get(s).isIgnoreCase("this"))
                && t.get(s + 1).word() && NameShape.KIND_NOUNS.contains(t.get(s + 1).lower());
    }

    /** "the words prediction (WP) task for pre-training": a task of a training method. */
    private static boolean trainingTask(List<Token> t, int k) {
        for (int i = Math.max(0, k - 2); i < Math.min(t.size(), k + 3); i++) {
            String w = t.get(i).lower();
            if (w.equals("pre-training") || w.equals("pretraining") || w.equals("pretext") || w.equals("auxiliary")
                    || w.equals("training") || w.equals("proxy")) {
                return true;
            }
        }
        return false;
    }

    /** "(WCK) branch": a kind of part follows the parenthesis. */
    private static boolean partKindFollows(List<Token> t, int after) {
        return after < t.size() && t.get(after).word() && PART_KINDS.contains(t.get(after).lower());
    }

    /** "(DFE) module is proposed", "(STM) is designed". */
    private static boolean passiveIntroduction(List<Token> t, int after, int sentenceEnd) {
        for (int j = after; j < sentenceEnd && j < after + 4; j++) {
            Token x = t.get(j);
            if (!x.word()) {
                return false;
            }
            if (PASSIVE_INTRODUCED.contains(x.lower()) && j > after
                    && (t.get(j - 1).is("is") || t.get(j - 1).is("are"))) {
                return true;
            }
        }
        return false;
    }
}
