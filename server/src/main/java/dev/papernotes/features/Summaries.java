package dev.papernotes.features;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A short summary of an abstract: the sentence that says what the paper proposes and the one
 * that says what it finds, in their original order. Abstracts usually open with background, so the
 * first sentence alone says little.
 */
public final class Summaries {
    private static final Pattern BACKGROUND = Pattern.compile(
            "(?i)^(recent|recently|however|although|despite|while|in recent|large language models|existing|"
                    + "current|traditional|conventional|with the)");
    private static final int MAX_CHARS = 480;

    private Summaries() {
    }

    /**
     * Summaries of the papers hovered lately: a note's hovers come back to the same few papers,
     * and splitting an abstract into sentences and scoring each is most of a hover's own work.
     */
    private static final java.util.Map<String, String> RECENT = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
                    return size() > 256;
                }
            });

    public static String summarize(String abstractText, List<String> names) {
        if (abstractText == null) {
            return summarizeNow(null, names);
        }
        String key = String.join("\u001f", names) + "\u0000" + abstractText;
        String s = RECENT.get(key);
        if (s == null) {
            s = summarizeNow(abstractText, names);
            RECENT.put(key, s);
        }
        return s;
    }

    private static String summarizeNow(String abstractText, List<String> names) {
        List<String> sentences = sentences(abstractText);
        if (sentences.isEmpty()) {
            return "";
        }
        if (sentences.size() <= 2) {
            return clip(String.join(" ", sentences));
        }
        Cues cues = new Cues(sentences, names);
        int proposal = best(cues, true, -1);
        int finding = best(cues, false, proposal);
        List<Integer> picked = new ArrayList<>();
        picked.add(proposal);
        if (finding >= 0 && finding != proposal) {
            picked.add(finding);
        }
        picked.sort(Comparator.naturalOrder());
        StringBuilder sb = new StringBuilder();
        for (int i : picked) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(sentences.get(i));
        }
        return clip(sb.toString());
    }

    /** What each sentence says, worked out once: both picks read it. */
    private static final class Cues {
        final int count;
        final boolean[] proposes;
        final boolean[] finds;
        final boolean[] named;
        final boolean[] codeLink;
        final boolean[] longSentence;
        final boolean backgroundFirst;

        Cues(List<String> sentences, List<String> names) {
            count = sentences.size();
            proposes = new boolean[count];
            finds = new boolean[count];
            named = new boolean[count];
            codeLink = new boolean[count];
            longSentence = new boolean[count];
            for (int i = 0; i < count; i++) {
                String s = sentences.get(i);
                proposes[i] = SentenceCues.proposes(s);
                finds[i] = SentenceCues.finds(s);
                for (String n : names) {
                    if (!n.isEmpty() && s.contains(n)) {
                        named[i] = true;
                        break;
                    }
                }
                codeLink[i] = s.contains("http") && s.toLowerCase(Locale.ROOT).contains("code");
                longSentence[i] = s.length() > 400;
            }
            backgroundFirst = BACKGROUND.matcher(sentences.get(0)).find();
        }
    }

    private static int best(Cues cues, boolean proposal, int exclude) {
        int best = -1;
        int bestScore = Integer.MIN_VALUE;
        for (int i = 0; i < cues.count; i++) {
            if (i == exclude) {
                continue;
            }
            int score = 0;
            if (proposal) {
                score += cues.proposes[i] ? 6 : 0;
                score += cues.named[i] ? 3 : 0;
                score -= i == 0 && cues.backgroundFirst ? 3 : 0;
                score -= i; // earlier wins a tie: the contribution comes before the details
            } else {
                score += cues.finds[i] ? 5 : 0;
                score += cues.named[i] ? 1 : 0;
                score += cues.codeLink[i] ? -6 : 0;
                score += i; // findings come late in an abstract
            }
            if (cues.longSentence[i]) {
                score -= 2;
            }
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text);
        int start = it.first();
        StringBuilder pending = new StringBuilder();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = text.substring(start, end).strip();
            if (s.isEmpty()) {
                continue;
            }
            pending.append(pending.length() > 0 ? " " : "").append(s);
            // "e.g." or "et al." split a sentence in two: keep going until it ends in earnest.
            if (endsWithAbbreviation(s)) {
                continue;
            }
            out.add(pending.toString());
            pending.setLength(0);
        }
        if (pending.length() > 0) {
            out.add(pending.toString());
        }
        return out;
    }

    private static boolean endsWithAbbreviation(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.endsWith("e.g.") || l.endsWith("i.e.") || l.endsWith("et al.") || l.endsWith("vs.")
                || l.endsWith("v.s.") || l.endsWith("fig.") || l.endsWith("eq.");
    }

    private static String clip(String s) {
        if (s.length() <= MAX_CHARS) {
            return s;
        }
        int cut = s.lastIndexOf(' ', MAX_CHARS - 1);
        return s.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS - 1) + "…";
    }
}
