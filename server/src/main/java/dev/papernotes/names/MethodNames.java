package dev.papernotes.names;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The method names of a paper: the short proper names it gives its own contribution (method,
 * model, system, dataset, benchmark), by which researchers refer to it. They come from the title's
 * prefix ({@link TitleNameRule}), from the sentences of the abstract that introduce the
 * contribution ({@link AbstractNameRule}), and from acronym definitions pairing a name already
 * found with its other half ({@code HiRED} in the title, "High-Resolution Early Dropping (HiRED)"
 * in the abstract).
 *
 * <p>Precision matters more than recall: the server links every exact occurrence of a name in a
 * user's notes to this paper, so a wrong name is a wrong link in someone's prose.
 */
public final class MethodNames {
    private MethodNames() {
    }

    /** More names than this are noise: the primary ones come first anyway. */
    static final int MAX_NAMES = 8;

    /**
     * The names a paper gives its own contribution, the primary one first, without duplicates
     * (names equal under {@link NameKeys#compact} count once). Never null; empty when the paper
     * names nothing.
     */
    public static List<String> extract(String title, String abstractText) {
        String t = readable(title);
        String a = readable(abstractText);
        List<Token> abstractTokens = Token.tokenize(a);
        AbstractNameRule.Result fromAbstract = AbstractNameRule.find(abstractTokens, t);
        List<String> fromTitle = TitleNameRule.names(t, abstractTokens, fromAbstract.names());
        List<AcronymDefinition> definitions = AcronymDefinition.findAll(abstractTokens);
        Set<String> terms = termsOfTheField(definitions, fromAbstract.definedShortForms());

        Map<String, String> names = new LinkedHashMap<>();
        for (String n : fromTitle) {
            add(names, n, true);
        }
        for (String n : fromAbstract.names()) {
            if (!terms.contains(NameKeys.compact(n))) {
                add(names, n, false);
            }
        }
        pairWithDefinitions(names, definitions);
        List<String> out = new ArrayList<>(names.values());
        return out.size() > MAX_NAMES ? List.copyOf(out.subList(0, MAX_NAMES)) : List.copyOf(out);
    }

    private static void add(Map<String, String> names, String name, boolean fromTitle) {
        if (name == null) {
            return;
        }
        String n = stripPossessive(name.strip());
        if (!NameShape.isUsableName(n, fromTitle)) {
            return;
        }
        String key = NameKeys.compact(n);
        if (!key.isEmpty()) {
            names.putIfAbsent(key, n);
        }
    }

    private static String stripPossessive(String n) {
        return n.endsWith("'s") || n.endsWith("’s") ? n.substring(0, n.length() - 2) : n;
    }

    /**
     * Short forms the abstract defines in lower case outside its introducing sentences:
     * "text-to-audio (T2A)" makes {@code T2A} a term, so "we build the T2A model" names nothing.
     */
    private static Set<String> termsOfTheField(List<AcronymDefinition> definitions, Set<String> definedHere) {
        Set<String> terms = new HashSet<>();
        for (AcronymDefinition d : definitions) {
            if (!d.titleCased() && !definedHere.contains(d.shortForm())) {
                terms.add(NameKeys.compact(d.shortForm()));
            }
        }
        return terms;
    }

    /**
     * Adds the other half of every acronym definition in the abstract whose one half is already a
     * name: the title says {@code HiRED}, the abstract "High-Resolution Early Dropping (HiRED)".
     * Definitions of anything else ("key-value (KV) cache") are left alone.
     */
    private static void pairWithDefinitions(Map<String, String> names, List<AcronymDefinition> definitions) {
        for (AcronymDefinition d : definitions) {
            boolean shortKnown = names.containsKey(NameKeys.compact(d.shortForm()));
            boolean longKnown = names.containsKey(NameKeys.compact(d.longForm()));
            if (shortKnown && !longKnown && d.titleCased()) {
                add(names, d.longForm(), false);
            } else if (longKnown && !shortKnown) {
                add(names, d.shortForm(), false);
            }
        }
    }

    /**
     * The text names are read from and quoted out of: LaTeX undone, runs of blanks made one
     * space. Every name occurs verbatim in the readable title or abstract.
     */
    static String readable(String text) {
        return collapseSpaces(LatexText.clean(text == null ? "" : text));
    }

    private static String collapseSpaces(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
