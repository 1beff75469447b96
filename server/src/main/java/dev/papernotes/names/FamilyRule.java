package dev.papernotes.names;

import java.util.List;

/**
 * Names that follow from a name already found:
 * <ul>
 * <li>every other spelling the paper writes of it ({@code Zoom Eye} beside {@code ZoomEye},
 *     {@code NVLM 1.0} beside {@code NVLM-1.0}, {@code co-teaching} beside {@code Co-teaching}),
 *     since bare mentions match exact spellings. A plain lower-case word is no spelling of a
 *     name: "hold" is an English word, not {@code HOLD};
 * <li>members of its family ({@code MuLAn-COCO} of {@code MuLAn}; {@code Seg-PN} beside
 *     {@code Seg-NN} in the same sentence) and its sizes ({@code Magpie 7B}).
 * </ul>
 */
final class FamilyRule {
    private FamilyRule() {
    }

    /** Longest spelling, in words, looked for. */
    private static final int MAX_SPELLING_WORDS = 3;

    static void add(List<Token> titleTokens, List<Token> abstractTokens, Sentences sentences,
            MethodNames.Names names) {
        List<String> found = names.first(2 * MethodNames.MAX_NAMES);
        for (String name : found) {
            String key = spellingKey(name);
            if (key.length() < 4) {
                continue;
            }
            spellings(name, key, titleTokens, null, names, true);
            spellings(name, key, abstractTokens, sentences.wordsStartingLike(key), names, false);
        }
        for (String name : found) {
            boolean word = name.indexOf(' ') < 0 && (NameShape.isCapitalized(name) || NameShape.isMarked(name));
            if (word && !NameShape.isGeneric(name)) {
                members(name, abstractTokens, sentences, names);
            }
        }
    }

    /**
     * What two spellings of one name share: the characters in lower case without blanks, hyphens
     * and underscores ({@code Zoom Eye}, {@code ZoomEye}; {@code NVLM-1.0}, {@code NVLM 1.0}). Other
     * signs count: {@code RETRO} is not {@code RETRO++}.
     */
    static String spellingKey(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '-' && c != '_' && c != '‐' && c != '–') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /**
     * How far {@code key} is matched after {@code word}, given {@code from} characters matched
     * before it, comparing as {@link #spellingKey} would; -1 when the word does not continue it.
     */
    private static int continueKey(String key, int from, String word) {
        int k = from;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isWhitespace(c) || c == '-' || c == '_' || c == '‐' || c == '–') {
                continue;
            }
            if (k >= key.length() || Character.toLowerCase(c) != key.charAt(k)) {
                return -1;
            }
            k++;
        }
        return k;
    }

    /** Lower-case letters and digits only, without Unicode normalisation: cheap, for one text. */
    static String letters(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /**
     * Runs of one to three words of {@code t} spelling {@code key} otherwise than {@code name},
     * standing alone (not inside a longer capitalized phrase: "Layered Scene Diffusion" is no
     * spelling of {@code SceneDiffusion}).
     */
    private static void spellings(String name, String key, List<Token> t, int[] candidates, MethodNames.Names names,
            boolean title) {
        char first = key.charAt(0);
        int count = candidates == null ? t.size() : candidates.length;
        for (int c = 0; c < count; c++) {
            int i = candidates == null ? c : candidates[c];
            Token x = t.get(i);
            if (!x.word() || x.lower().isEmpty() || x.lower().charAt(0) != first) {
                continue;
            }
            int matched = 0; // characters of the key matched so far
            for (int j = i; j < t.size() && j - i < MAX_SPELLING_WORDS && t.get(j).word(); j++) {
                matched = continueKey(key, matched, t.get(j).text());
                if (matched < 0) {
                    break;
                }
                if (matched == key.length()) {
                    String spelling = Token.join(t, i, j + 1);
                    if (!spelling.equals(name) && !names.containsExact(spelling) && standsAlone(t, i, j + 1)
                            && !lowerCaseTail(spelling, name)
                            && (hasCapitalOrDigit(spelling) || (i == j && name.indexOf(' ') < 0
                                && spelling.indexOf('-') > 0))) {
                        names.addSpelling(spelling, title);
                    }
                    break;
                }
            }
        }
    }

    /** "LUWA dataset" beside "LUWA Dataset": a description with a common noun, not a spelling. */
    private static boolean lowerCaseTail(String spelling, String name) {
        String last = spelling.substring(spelling.lastIndexOf(' ') + 1);
        String nameLast = name.substring(name.lastIndexOf(' ') + 1);
        return spelling.indexOf(' ') > 0 && last.equals(NameShape.lower(last))
                && !nameLast.equals(NameShape.lower(nameLast));
    }

    private static boolean standsAlone(List<Token> t, int from, int to) {
        boolean before = from > 0 && t.get(from - 1).word() && NameShape.isNameWord(t.get(from - 1).text())
                && !t.get(from - 1).sentenceStart();
        boolean after = to < t.size() && t.get(to).word() && NameShape.isNameWord(t.get(to).text());
        return !before && !after;
    }

    /**
     * {@code MuLAn-COCO} of {@code MuLAn} anywhere; {@code Seg-PN} beside {@code Seg-NN} in the
     * same sentence; {@code Magpie 7B} after {@code Magpie}.
     */
    private static void members(String name, List<Token> t, Sentences sentences, MethodNames.Names names) {
        int dash = name.indexOf('-');
        String stem = dash >= 3 ? name.substring(0, dash + 1) : null;
        int sentence = -1; // index of the last occurrence of the name, for members in its sentence
        int[] candidates = sentences.wordsStartingLike(NameShape.lower(name));
        int count = candidates == null ? t.size() : candidates.length;
        for (int c = 0; c < count; c++) {
            int i = candidates == null ? c : candidates[c];
            Token x = t.get(i);
            if (!x.word()) {
                continue;
            }
            if (sentence >= 0 && sentences.end(sentence) <= i) {
                sentence = -1;
            }
            String w = x.text();
            if (w.equals(name)) {
                sentence = i;
                if (i + 1 < t.size() && t.get(i + 1).word() && isSize(t.get(i + 1).text())) {
                    names.add(name + " " + t.get(i + 1).text(), false); // "Magpie 70B"
                }
            } else if (w.length() > name.length() + 1 && w.startsWith(name) && w.charAt(name.length()) == '-'
                    && startsCapitalOrDigit(w, name.length() + 1) && !NameShape.isAdjectiveCompound(w)
                    && w.indexOf('/') < 0 && (NameShape.isMarked(name) || name.length() >= 4)) {
                names.add(w, false); // "MuLAn-COCO"
            } else if (stem != null && sentence >= 0 && w.startsWith(stem)
                    && w.length() > stem.length() && startsCapitalOrDigit(w, stem.length())
                    && NameShape.isMarked(w) && !NameShape.isAdjectiveCompound(w)) {
                names.add(w, false); // "Seg-NN, and its parametric variant, Seg-PN"
            }
        }
    }

    /** {@code 7B}, {@code 1.3B}, {@code 70M}, {@code 8x7B}: a parameter count after a name. */
    static boolean isSize(String w) {
        int n = w.length();
        if (n < 2 || (w.charAt(n - 1) != 'B' && w.charAt(n - 1) != 'M' && w.charAt(n - 1) != 'K'
                && w.charAt(n - 1) != 'T')) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < n - 1; i++) {
            char c = w.charAt(i);
            if (Character.isDigit(c)) {
                digit = true;
            } else if (c != '.' && c != 'x') {
                return false;
            }
        }
        return digit && Character.isDigit(w.charAt(0));
    }

    private static boolean startsCapitalOrDigit(String w, int at) {
        return at < w.length() && (Character.isUpperCase(w.charAt(at)) || Character.isDigit(w.charAt(at)));
    }

    private static boolean hasCapitalOrDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i)) || Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
