package dev.papernotes.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The other half of a name, written outside the usual "Long Form (ABBR)":
 * <ul>
 * <li>"ABBR (Long Form)": "we improve on them with SMIRK (Spatial Modeling for ...)";
 * <li>"(short for X)", "(short as X)", "(X for short)": "RegionGPT (short as RGPT)";
 * <li>a long form before the kind noun of "... named ABBR": "a novel Dual-Perspective Knowledge
 *     Enrichment approach named DPKE";
 * <li>a title that spells out the abstract's acronym: {@code MMM: Generative Masked Motion Model},
 *     {@code Domain-Invariant Projection Learning for ...} with DIPL.
 * </ul>
 * A reverse definition that pairs with no name yet counts only in a sentence of the authors'
 * own ("we", "our", "propose", ...).
 */
final class OtherHalfRule {
    private OtherHalfRule() {
    }

    private static final Set<String> OWN = NameShape.words(
            "we", "our", "us", "propose", "proposes", "proposed", "introduce", "introduces", "present", "presents",
            "novel", "new");

    private static final Set<String> NAMING = NameShape.words("named", "called", "dubbed", "termed", "coined");

    static void add(List<Token> titleTokens, List<Token> t, Sentences sentences, MethodNames.Names names) {
        reverseDefinitions(t, sentences, names);
        namedAfterKind(t, sentences, names);
        titleSpellsOut(titleTokens, t, sentences, names);
    }

    /** "ABBR (Long Form)" and "Name (short for ABBR)". */
    private static void reverseDefinitions(List<Token> t, Sentences sentences, MethodNames.Names names) {
        for (int i : sentences.opens()) {
            if (i < 1 || i + 2 >= t.size() || !t.get(i - 1).word()) {
                continue;
            }
            String before = t.get(i - 1).text();
            boolean shortFor = t.get(i + 1).isIgnoreCase("short") || (i + 3 < t.size() && t.get(i + 2).is("for")
                    && t.get(i + 3).is("short"));
            if (!shortFor && !OwnDefinitionRule.isCoinedShortForm(before)) {
                continue; // the common case, cheaply: a bracket after an ordinary word
            }
            List<String> inside = new ArrayList<>();
            int j = i + 1;
            while (j < t.size() && t.get(j).word() && inside.size() <= NameShape.MAX_NAME_WORDS + 2) {
                inside.add(t.get(j).text());
                j++;
            }
            if (j >= t.size() || !t.get(j).is(")") || inside.isEmpty()) {
                continue;
            }
            boolean known = names.containsExact(before);
            if (inside.size() >= 3 && inside.get(0).equalsIgnoreCase("short")
                    && (inside.get(1).equals("for") || inside.get(1).equals("as"))) {
                String other = String.join(" ", inside.subList(2, inside.size()));
                if (known) {
                    names.add(other, false); // "RegionGPT (short as RGPT)"
                } else if (OwnDefinitionRule.isCoinedShortForm(before) && ownSentence(t, i)
                        && AcronymDefinition.longFormStart(inside.subList(2, inside.size()), before) == 0
                        && !FieldTerms.isFieldTerm(before) && NameShape.isTitleCased(other)) {
                    names.add(before, false); // "the module SDR (short for Signed Depth Residual)"
                    names.add(other, false);
                }
                continue;
            }
            if (inside.size() == 3 && inside.get(1).equals("for") && inside.get(2).equals("short") && known) {
                names.add(inside.get(0), false); // "(RGPT for short)"
                continue;
            }
            if (inside.size() < 2 || !OwnDefinitionRule.isCoinedShortForm(before)
                    || AcronymDefinition.longFormStart(inside, before) != 0) {
                continue;
            }
            String longForm = String.join(" ", inside);
            if (FieldTerms.isFieldTerm(longForm) || FieldTerms.isFieldTerm(before)) {
                continue;
            }
            boolean titleCased = NameShape.isTitleCased(longForm);
            if (known) {
                if (titleCased) {
                    names.add(longForm, false);
                }
            } else if (names.containsExact(longForm) || ownSentence(t, i)) {
                names.add(before, false);
                if (titleCased) {
                    names.add(longForm, false);
                }
            }
        }
    }

    /** The sentence up to {@code i} has a word of the authors' own. */
    private static boolean ownSentence(List<Token> t, int i) {
        boolean own = false;
        for (int k = i - 1; k >= 0 && k >= i - Sentences.WINDOW; k--) {
            Token x = t.get(k);
            if (!x.word() && x.sentenceEnd()) {
                break;
            }
            if (x.word() && PRIOR.contains(x.lower())) {
                return false; // "we adopt a recently proposed regularizer, named GrOWL (...)"
            }
            own |= x.word() && OWN.contains(x.lower());
        }
        return own;
    }

    private static final Set<String> PRIOR = NameShape.words(
            "al", "previous", "previously", "existing", "recent", "recently", "prior", "popular", "adopt",
            "adopts", "adopted", "standard", "classic", "conventional", "traditional", "well-known");

    /** "a novel Dual-Perspective Knowledge Enrichment approach named DPKE". */
    private static void namedAfterKind(List<Token> t, Sentences sentences, MethodNames.Names names) {
        for (int i : sentences.triggers()) {
            Token x = t.get(i);
            if (i < 2 || i + 1 >= t.size() || !NAMING.contains(x.lower()) || !t.get(i - 1).word()
                    || !NameShape.KIND_NOUNS.contains(t.get(i - 1).lower())) {
                continue;
            }
            int n = i + 1;
            if (n < t.size() && t.get(n).is("as")) {
                n++;
            }
            if (n >= t.size() || !t.get(n).word() || !names.containsExact(t.get(n).text())
                    || !OwnDefinitionRule.isCoinedShortForm(t.get(n).text())) {
                continue;
            }
            List<String> run = new ArrayList<>();
            for (int k = i - 2; k >= 0 && t.get(k).word() && NameShape.isNameWord(t.get(k).text())
                    && run.size() < NameShape.MAX_NAME_WORDS; k--) {
                run.add(0, t.get(k).text());
            }
            if (run.size() >= 2 && AcronymDefinition.longFormStart(run, t.get(n).text()) == 0) {
                String longForm = String.join(" ", run);
                if (NameShape.isTitleCased(longForm) && !FieldTerms.isFieldTerm(longForm)) {
                    names.add(longForm, false);
                }
            }
        }
    }

    /**
     * The title, or else the abstract, writes out an acronym the paper is named by: {@code WHAI:
     * Weibull Hybrid Autoencoding Inference for ...}, "based on Masked Motion Model" for
     * {@code MMM}. The words' initials must be the acronym's capitals (or all its letters), and
     * the run must stand on its own: "Semi-Structural Adaptive Sparse Training" spells no
     * {@code AST}.
     */
    private static void titleSpellsOut(List<Token> tt, List<Token> abstractTokens, Sentences sentences,
            MethodNames.Names names) {
        for (String name : names.first(2 * MethodNames.MAX_NAMES)) {
            if (name.indexOf(' ') >= 0 || !isAcronym(name)) {
                continue;
            }
            int[] candidates = sentences.wordsStartingLike(NameShape.lower(name));
            String longForm = spelledOut(tt, null, name, true);
            if (longForm == null) {
                longForm = spelledOut(abstractTokens, candidates, name, false);
            }
            String defined = definedLongForm(abstractTokens, candidates, name);
            if (longForm != null && defined != null
                    && !singular(FamilyRule.letters(defined)).equals(singular(FamilyRule.letters(longForm)))) {
                continue; // the abstract says what it stands for, and it is not this ("Transferable ...")
            }
            if (longForm != null && !FieldTerms.isFieldTerm(longForm)) {
                names.add(longForm, true);
            }
        }
    }

    private static String spelledOut(List<Token> t, int[] candidates, String acronym, boolean title) {
        String caps = capitals(acronym);
        String all = FamilyRule.letters(acronym);
        char first = caps.isEmpty() ? 0 : caps.charAt(0);
        int count = candidates == null ? t.size() : candidates.length;
        for (int c = 0; c < count; c++) {
            int i = candidates == null ? c : candidates[c];
            Token x = t.get(i);
            if (!x.word() || x.text().isEmpty() || Character.toLowerCase(x.text().charAt(0)) != first
                    || !boundaryBefore(t, i, title)) {
                continue;
            }
            StringBuilder initials = new StringBuilder();
            for (int j = i; j < t.size() && t.get(j).word() && j - i < NameShape.MAX_NAME_WORDS; j++) {
                String w = t.get(j).text();
                if (j > i && NameShape.CONNECTORS.contains(w)) {
                    continue;
                }
                initials.append(Character.toLowerCase(w.charAt(0)));
                String in = initials.toString();
                if (!caps.startsWith(in) && !all.startsWith(in)) {
                    break;
                }
                if ((in.equals(caps) || in.equals(all)) && j > i && boundaryAfter(t, j + 1, title)) {
                    String longForm = Token.join(t, i, j + 1);
                    List<String> words = new ArrayList<>();
                    for (int k = i; k <= j; k++) {
                        words.add(t.get(k).text());
                    }
                    // every letter in order, not just the capitals: SegAD is no "Supervised Anomaly Detection"
                    boolean letters = AcronymDefinition.longFormStart(words, acronym) == 0;
                    return letters && NameShape.isTitleCased(longForm) ? longForm : null;
                }
            }
        }
        return null;
    }

    /** Nothing name-like right before: the start, punctuation, a function word or a lower-case word. */
    private static boolean boundaryBefore(List<Token> t, int i, boolean title) {
        if (i == 0 || !t.get(i - 1).word() || t.get(i - 1).sentenceStart() && !title) {
            return true;
        }
        String w = t.get(i - 1).text();
        return NameShape.isStopword(w) || NameShape.CONNECTORS.contains(NameShape.lower(w)) || !NameShape.isNameWord(w);
    }

    private static boolean boundaryAfter(List<Token> t, int j, boolean title) {
        if (j >= t.size() || !t.get(j).word()) {
            return true;
        }
        String w = t.get(j).text();
        return NameShape.isStopword(w) || NameShape.CONNECTORS.contains(NameShape.lower(w)) || !NameShape.isNameWord(w);
    }

    /**
     * Spelled like an acronym: three capitals or more, and no run of more than two lower-case
     * letters ({@code GLaMM}, {@code IGQ-ViT}, {@code CTFs}), unlike a compound of words
     * ({@code SceneDiffusion}, {@code OmniSDF}) whose capitals start words, not initials.
     */
    static boolean isAcronym(String s) {
        int caps = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c)) {
                caps++;
                run = 0;
            } else if (Character.isLowerCase(c)) {
                if (++run > 2) {
                    return false;
                }
            } else {
                run = 0;
            }
        }
        return caps >= 3;
    }

    /** The long form the abstract defines for {@code acronym} ("Transferable Visual Prompting (TVP)"), or null. */
    private static String definedLongForm(List<Token> t, int[] candidates, String acronym) {
        int count = candidates == null ? t.size() : candidates.length;
        for (int c = 0; c < count; c++) {
            int i = (candidates == null ? c : candidates[c]) - 1; // the "(" before the acronym
            if (i >= 1 && i + 2 < t.size() && t.get(i).is("(") && t.get(i + 1).is(acronym) && t.get(i + 2).is(")")) {
                List<String> words = new ArrayList<>();
                for (int k = i - 1; k >= 0 && t.get(k).word() && words.size() < 2 * NameShape.MAX_NAME_WORDS; k--) {
                    words.add(0, t.get(k).text());
                }
                int start = AcronymDefinition.extendedStart(words, acronym);
                if (start >= 0) {
                    return String.join(" ", words.subList(start, words.size()));
                }
            }
        }
        return null;
    }

    private static String singular(String key) {
        return key.endsWith("s") ? key.substring(0, key.length() - 1) : key;
    }

    /** Lower-cased capitals and digits of an acronym: {@code GLaMM} gives "glmm". */
    private static String capitals(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

}
