package dev.papernotes.workspace;

import dev.papernotes.index.MentionDictionary;

/**
 * Which bare names count only with evidence in the note: short all-caps names and acronyms of phrases with "of" ({@code TSM}, {@code FoI},
 * {@code SOLO}, {@code RGB}, {@code TL;DR}), ordinary words ({@code NEAT}, {@code Chameleon}
 * where the corpus writes "chameleon"), and names no paper has in its title or defines
 * ({@link MentionDictionary#UNOWNED}: taken from a sentence, perhaps one citing another work).
 * Such strings mean many things besides one paper, often a better-known work outside the corpus;
 * without evidence ({@link NoteEvidence}) they are hints, not mentions.
 */
final class EvidenceRule {
    /** Letters and digits at most this many, none lower case: an acronym anyone may coin. */
    static final int SHORT = 4;
    /**
     * Capital letters alone at most this many: a word in capitals or an acronym anyone may coin
     * ({@code GEARS} is a gene-perturbation model as well as a hand-object synthesis).
     */
    static final int SHORT_WORD = 5;

    private EvidenceRule() {
    }

    /**
     * @param usage the dictionary's flags for the name
     * @param wordsOfNote whether the note itself writes the name in lower case as a word
     */
    static boolean needsEvidence(String name, int usage, boolean wordsOfNote) {
        return isShortCaps(name) || isOfAcronym(name)
                || (usage & (MentionDictionary.ORDINARY | MentionDictionary.UNOWNED)) != 0
                || wordsOfNote;
    }

    /** Two to four letters or digits, at least one letter, no lower case ({@code TSM}, {@code M3}, {@code TL;DR}), or five capitals ({@code GEARS}). */
    static boolean isShortCaps(String name) {
        if (name.length() > 2 && name.endsWith("s") && Character.isUpperCase(name.charAt(name.length() - 2))) {
            name = name.substring(0, name.length() - 1); // "NAMs", "GANs": a plural, so a kind of thing
        }
        int alnum = 0;
        int letters = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetterOrDigit(c)) {
                alnum++;
                if (Character.isLetter(c)) {
                    letters++;
                }
            } else if (Character.isWhitespace(c)) {
                return false;
            }
        }
        return letters >= 1 && alnum >= 2 && (alnum <= SHORT || (letters == name.length() && letters <= SHORT_WORD));
    }

    /**
     * An acronym of a phrase with "of" ({@code RoI}, {@code FoI}, {@code LoS}, {@code CCoT}): short
     * forms of descriptions ("features of interest", "line of sight"), which field after field
     * coins again.
     */
    static boolean isOfAcronym(String name) {
        if (name.length() > SHORT + 1) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isLetter(name.charAt(i))) {
                return false;
            }
        }
        for (int i = 1; i + 1 < name.length(); i++) {
            if (name.charAt(i) == 'o' && Character.isUpperCase(name.charAt(i - 1))
                    && Character.isUpperCase(name.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A name that could be an ordinary word written with capitals: one word of letters, all
     * capitals ({@code SOLO}) or capitalized ({@code Chameleon}). {@code PaLM} is written to be a name.
     */
    static boolean isWordShaped(String name) {
        if (name.length() < 2 || !Character.isUpperCase(name.charAt(0))) {
            return false;
        }
        boolean restUpper = true;
        boolean restLower = true;
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetter(c)) {
                return false;
            }
            restUpper &= Character.isUpperCase(c);
            restLower &= Character.isLowerCase(c);
        }
        return restUpper || restLower;
    }
}
