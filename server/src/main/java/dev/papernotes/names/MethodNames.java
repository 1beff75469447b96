package dev.papernotes.names;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The method names of a paper: the short proper names it gives its own contribution (method,
 * model, system, dataset, benchmark, and the parts it names), by which researchers refer to it.
 * Each family of cues is one small rule:
 * <ul>
 * <li>{@link TitleNameRule}: the title's prefix ({@code Griffon v2: ...});
 * <li>{@link AbstractNameRule}: the sentences that introduce the contribution ("we propose X",
 *     "called X", "the resulting model, X", "a new metric (X)");
 * <li>{@link UncuedNameRule}: names introduced without such a verb ("the resulting model, X",
 *     "X, a novel ...", "the newly introduced X dataset");
 * <li>{@link OwnDefinitionRule}: acronym definitions in sentences about the paper's own work
 *     ("Heron incorporates a Gated Residual Mixer (GRM)");
 * <li>{@link TitleIsNameRule}: a title without a prefix that is itself the name the abstract
 *     defines ({@code Polar Transformer Networks}, "the Polar Transformer Network (PTN)");
 * <li>{@link OtherHalfRule}: the other half of a name found ("ABBR (Long Form)", "(short for X)",
 *     a title spelling out the abstract's acronym);
 * <li>{@link FamilyRule}: members and sizes of a named family ({@code FD-Base}, {@code Magpie 7B})
 *     and every other spelling the paper writes ({@code Zoom Eye} beside {@code ZoomEye}).
 * </ul>
 *
 * <p>Precision matters more than recall: the server links every exact occurrence of a name in a
 * user's notes to this paper, so a wrong name is a wrong link in someone's prose. Generic terms
 * of the field ({@link FieldTerms}) are never names unless the paper's own title gives them.
 */
public final class MethodNames {
    private MethodNames() {
    }

    /** More names than this are noise: the primary ones come first anyway. */
    static final int MAX_NAMES = 8;

    /**
     * The names a paper gives its own contribution, the primary one first. Every spelling the
     * paper writes is kept ({@code ZoomEye} and {@code Zoom Eye}, since bare mentions match exact
     * spellings), but distinct names come before second spellings when the list is capped. Never
     * null, no exact duplicates; empty when the paper names nothing.
     */
    public static List<String> extract(String title, String abstractText) {
        String t = readable(title);
        String a = readable(abstractText);
        List<Token> abstractTokens = Token.tokenize(a);
        List<Token> titleTokens = Token.tokenize(t);
        Sentences sentences = new Sentences(abstractTokens);
        AbstractNameRule.Result fromAbstract = AbstractNameRule.find(abstractTokens, t, sentences);
        List<String> fromTitle = TitleNameRule.names(titleTokens, abstractTokens, fromAbstract.names());
        List<AcronymDefinition> definitions = AcronymDefinition.findAll(abstractTokens, sentences);
        Set<String> found = new HashSet<>();
        fromTitle.forEach(n -> found.add(NameKeys.compact(n)));
        fromAbstract.names().forEach(n -> found.add(NameKeys.compact(n)));
        List<String> ownParts = OwnDefinitionRule.names(abstractTokens, sentences, found, definitions);
        Set<String> definedHere = new HashSet<>(fromAbstract.definedShortForms());
        definedHere.addAll(ownParts);
        Names names = new Names(excluded(t, definitions, definedHere));

        for (String n : fromTitle) {
            names.add(n, true);
        }
        Set<String> definedElsewhere = new HashSet<>();
        for (AcronymDefinition d : definitions) {
            if (!definedHere.contains(d.shortForm())) {
                definedElsewhere.add(d.shortForm());
            }
        }
        for (String n : fromAbstract.names()) {
            if (fromAbstract.weakNames().contains(n) && definedElsewhere.contains(n)) {
                continue; // "... with the Wasserstein GAN (WGAN) paradigm. ... our WGAN paradigm"
            }
            if (fromAbstract.lowerCaseNames().contains(n)) {
                names.addLowerCase(n);
            } else {
                names.add(n, false);
            }
        }
        for (String n : UncuedNameRule.names(abstractTokens, sentences, NameKeys.compact(t))) {
            names.add(n, false);
        }
        for (String n : ownParts) {
            names.add(n, false);
        }
        for (String n : TitleIsNameRule.names(titleTokens, t, fromTitle.isEmpty(), definitions)) {
            names.add(n, true);
        }
        pairWithDefinitions(names, definitions);
        OtherHalfRule.add(titleTokens, abstractTokens, sentences, names);
        FamilyRule.add(titleTokens, abstractTokens, sentences, names);
        return names.list();
    }

    /**
     * The names found so far, in order, without exact duplicates. Knows which keys
     * ({@link NameKeys#compact}) it holds, so that rules can ask whether a half is known.
     */
    static final class Names {
        private final Map<String, String> byExact = new LinkedHashMap<>();
        private final Map<String, String> byKey = new LinkedHashMap<>();
        private final Set<String> excluded;

        Names(Set<String> excluded) {
            this.excluded = excluded;
        }

        /** Adds {@code name} when it is usable and not excluded; returns whether it is now held. */
        boolean add(String name, boolean fromTitle) {
            if (name == null) {
                return false;
            }
            String n = stripPossessive(name.strip());
            if (byExact.containsKey(n)) {
                return true;
            }
            if (!NameShape.isUsableName(n, fromTitle)) {
                return false;
            }
            String key = NameKeys.compact(n);
            if (key.isEmpty() || (!fromTitle && excluded.contains(key))) {
                return false;
            }
            byExact.put(n, key);
            byKey.putIfAbsent(key, n);
            return true;
        }

        /** A name the paper writes in lower case after an explicit cue ("called depth soups"). */
        boolean addLowerCase(String name) {
            return !FieldTerms.isFieldTerm(name) && add(name, true);
        }

        /** Another spelling of a name held; a single word may be lower case ("sigsoftmax"). */
        boolean addSpelling(String spelling, boolean fromTitle) {
            return !FieldTerms.isFieldTerm(spelling) && add(spelling, true);
        }

        boolean containsKey(String key) {
            return byKey.containsKey(key);
        }

        boolean containsExact(String name) {
            return byExact.containsKey(name);
        }

        Set<String> keys() {
            return byKey.keySet();
        }

        List<String> all() {
            return new ArrayList<>(byExact.keySet());
        }

        /** The first {@code n} names found: later rules derive from these, in time linear in the text. */
        List<String> first(int n) {
            List<String> out = new ArrayList<>(Math.min(n, byExact.size()));
            for (String name : byExact.keySet()) {
                if (out.size() >= n) {
                    break;
                }
                out.add(name);
            }
            return out;
        }

        /** Distinct names first (in order found), then second spellings; at most {@link #MAX_NAMES}. */
        List<String> list() {
            List<String> out = new ArrayList<>(byKey.values());
            for (String n : byExact.keySet()) {
                if (out.size() >= MAX_NAMES) {
                    break;
                }
                if (!byKey.get(byExact.get(n)).equals(n)) {
                    out.add(n);
                }
            }
            return List.copyOf(out.size() > MAX_NAMES ? out.subList(0, MAX_NAMES) : out);
        }
    }

    private static String stripPossessive(String n) {
        return n.endsWith("'s") || n.endsWith("’s") ? n.substring(0, n.length() - 2) : n;
    }

    /**
     * Keys that are never this paper's names: short forms the abstract defines in lower case
     * outside its introducing sentences ("text-to-audio (T2A)" makes {@code T2A} a term, so "we
     * build the T2A model" names nothing), and both halves of a definition whose one half is a
     * field term ("Imitation Learning (IL)"), unless the title gives it.
     */
    private static Set<String> excluded(String title, List<AcronymDefinition> definitions, Set<String> definedHere) {
        Set<String> out = new HashSet<>();
        for (AcronymDefinition d : definitions) {
            boolean termOfField = FieldTerms.isFieldTerm(d.shortForm()) || FieldTerms.isFieldTerm(d.longForm());
            if (termOfField && !titleGives(title, d)) {
                out.add(NameKeys.compact(d.shortForm()));
                out.add(NameKeys.compact(d.longForm()));
            } else if (!d.titleCased() && !definedHere.contains(d.shortForm())) {
                out.add(NameKeys.compact(d.shortForm()));
            }
        }
        return out;
    }

    /** The title is the defined term, or its prefix before the colon is ("Graph Attention Networks"). */
    static boolean titleGives(String title, AcronymDefinition d) {
        int colon = title.indexOf(':');
        String whole = NameKeys.compact(title);
        String prefix = colon > 0 ? NameKeys.compact(title.substring(0, colon)) : whole;
        String s = NameKeys.compact(d.shortForm());
        String l = NameKeys.compact(d.longForm());
        return whole.equals(l) || prefix.equals(l) || prefix.equals(s);
    }

    /**
     * Adds the other half of every acronym definition in the abstract whose one half is already a
     * name: the title says {@code HiRED}, the abstract "High-Resolution Early Dropping (HiRED)".
     * Definitions of anything else ("key-value (KV) cache") are left alone.
     */
    private static void pairWithDefinitions(Names names, List<AcronymDefinition> definitions) {
        for (AcronymDefinition d : definitions) {
            boolean shortKnown = names.containsKey(NameKeys.compact(d.shortForm()));
            boolean longKnown = names.containsKey(NameKeys.compact(d.longForm()));
            if (shortKnown && !longKnown && d.titleCased()) {
                names.add(d.longForm(), false);
            } else if (longKnown && !shortKnown) {
                names.add(d.shortForm(), false);
            }
        }
    }

    /**
     * The text names are read from and quoted out of: LaTeX and HTML character references undone,
     * runs of blanks made one space. Every name occurs verbatim in the readable title or abstract.
     */
    static String readable(String text) {
        return Spaces.collapse(LatexText.clean(text == null ? "" : text));
    }
}
