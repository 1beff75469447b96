package dev.papernotes.names;

import java.util.ArrayList;
import java.util.List;

/**
 * A title whose leading words are the name of the work, shown by the abstract defining an
 * acronym for them: {@code Polar Transformer Networks} with "the Polar Transformer Network
 * (PTN)", {@code Graph Attention Networks} with "graph attention networks (GATs)",
 * {@code Masked Spatial Propagation Network for ...} with "the masked spatial propagation network
 * (MSPN)". The title's spelling and the acronym are names; case and a plural {@code s} are
 * forgiven when matching. A field term is a name here only when the title is exactly that term
 * (the paper that introduced it); "Deep Convolutional Networks for X" names nothing.
 */
final class TitleIsNameRule {
    private TitleIsNameRule() {
    }

    static List<String> names(List<Token> titleTokens, String title, boolean noPrefixName,
            List<AcronymDefinition> definitions) {
        if (!noPrefixName || definitions.isEmpty()) {
            return List.of();
        }
        List<String> run = leadingRun(titleTokens);
        if (run.size() < 2) {
            return List.of();
        }
        String phrase = String.join(" ", run);
        if (OwnDefinitionRule.endsInTask(phrase)) {
            return List.of(); // "Single Domain Generalization for Crowd Counting": a task studied
        }
        String key = singular(NameKeys.compact(phrase));
        for (AcronymDefinition d : definitions) {
            if (!singular(NameKeys.compact(d.longForm())).equals(key)) {
                continue;
            }
            boolean term = FieldTerms.isFieldTerm(d.longForm()) || FieldTerms.isFieldTerm(d.shortForm())
                    || FieldTerms.isFieldTerm(phrase);
            if (term && !NameKeys.compact(title).equals(NameKeys.compact(phrase))) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            out.add(phrase);
            out.add(d.shortForm());
            if (d.titleCased()) {
                out.add(d.longForm());
            }
            return out;
        }
        return List.of();
    }

    /** The capitalized words the title starts with, up to a function word or punctuation. */
    private static List<String> leadingRun(List<Token> tokens) {
        List<String> run = new ArrayList<>();
        for (Token x : tokens) {
            if (!x.word() || !NameShape.isNameWord(x.text()) || run.size() >= NameShape.MAX_NAME_WORDS) {
                break;
            }
            run.add(x.text());
        }
        return run;
    }

    private static String singular(String key) {
        return key.endsWith("s") ? key.substring(0, key.length() - 1) : key;
    }
}
