package dev.papernotes.bench;

import java.util.List;
import java.util.Locale;

/**
 * Method names of the shapes real papers use, built from morphemes and syllables with enough
 * combinatorics that most names stay distinct at a million papers, plus deliberate collisions
 * (another paper's name reused) and near-collisions ({@code B-PROP} next to {@code PROP}).
 *
 * <p>Everything here is a pure function of the corpus seed and the paper number.
 */
final class Names {
    /** How a name is built; the shares follow the name prefixes of the seed titles. */
    enum Shape {
        CAMEL, ACRONYM, HYPHEN, VERSIONED, DIGITS, LOWER_START, PLUS_PLUS, WORD, MULTI_WORD
    }

    private static final double[] SHAPE_WEIGHTS = {0.37, 0.22, 0.19, 0.06, 0.05, 0.03, 0.01, 0.012, 0.06};

    /** A paper's name; {@code expansion} is what an acronym stands for, else null. */
    record Name(String text, String expansion, Shape shape) {
    }

    static final String[] VERSIONS = {" v2", " v2", " V2", " 2.0", " 1.5", " 3.0", " 1.0", "v2", "v3", "2", "3",
        " V3", " 2", " XL"};
    private static final String[] UNITS = {"70M", "130B", "1M", "40B", "7B", "13B", "2B", "8B", "1.5B", "100M",
        "5M", "10M", "4KHD", "2", "3", "4", "X", "XL", "Pro", "Med", "HD", "1K", "20K", "300M", "6B", "1T"};
    private static final String[] MULTI_TAILS = {"Attention", "Tuner", "Retriever", "Transformer", "Encoder",
        "Adapter", "Agent", "Diffusion", "Net", "Decoder", "Tokenizer", "Merging", "Pruning", "Search"};
    private static final String[] DERIVE_PREFIX = {"B-", "Q-", "T-", "P-", "Long-", "HiRes-", "Mini-", "Open-",
        "Natural ", "Fast", "Med-", "Video-", "Mix-", "Light", "Deep", "Multi-", "Hi-", "Tiny", "Super", "Uni",
        "Meta-", "e", "m", "Sparse-", "Pro-"};
    private static final String[] DERIVE_SUFFIX = {"++", " v2", " V2", "-2", "2", " 2.0", "-Med", "-XL", "-Lite",
        "-Pro", "-Next", "-HD", "-7B", "-Video", "-MoE", "-Zero", "-R", "-Plus", "-Mini", "-3D", "-VL", "-Chat"};
    private static final String[] GREEK = {"α", "β", "γ", "δ", "ε", "λ", "μ", "π", "σ", "Ω", "Δ", "Σ"};

    private final CorpusModel m;

    Names(CorpusModel m) {
        this.m = m;
    }

    /** The name paper {@code k} would get if it invented one, whether or not it uses it. */
    Name fresh(long k) {
        Rng r = new Rng(Rng.streamSeed(m.seed, 2, k));
        if (m.profile.syllableNames > 0 && r.chance(m.profile.syllableNames)) {
            return new Name(syllables(r), null, Shape.CAMEL);
        }
        if (m.profile.shortCaps > 0 && r.chance(m.profile.shortCaps)) {
            String caps = uniformLetters(r, 2 + r.weighted(new double[] {0.3, 0.45, 0.25}));
            return new Name(caps, backronym(r, caps), Shape.ACRONYM);
        }
        Shape shape = Shape.values()[r.weighted(SHAPE_WEIGHTS)];
        Name name = switch (shape) {
            case CAMEL -> new Name(camel(r), null, shape);
            case ACRONYM -> acronym(r, k);
            case HYPHEN -> new Name(hyphen(r), null, shape);
            case VERSIONED -> versioned(r);
            case DIGITS -> new Name(digits(r), null, shape);
            case LOWER_START -> new Name(lowerStart(r), null, shape);
            case PLUS_PLUS -> new Name((r.chance(0.6) ? camel(r) : letters(r, r.between(3, 5))) + "++", null, shape);
            case WORD -> word(r);
            case MULTI_WORD -> new Name(
                    (r.chance(0.6) ? camel(r) : r.chance(0.25) ? r.pick(m.wordNames) : mixedAcronym(r)) + " "
                            + r.pick(MULTI_TAILS), null, shape);
        };
        if (r.chance(0.004)) {
            name = withGreek(r, name);
        }
        return name;
    }

    /** Reuses {@code base} as is (another paper's name) with, for an acronym, a new expansion. */
    Name reuse(Rng r, Name base) {
        String expansion = base.expansion() == null ? null : backronym(r, base.text());
        return new Name(base.text(), expansion, base.shape());
    }

    /** A name derived from {@code base}: {@code B-PROP}, {@code Long-CLIP}, {@code VideoMAE V2}. */
    Name derive(Rng r, String base) {
        String text = r.chance(0.5) ? r.pick(DERIVE_PREFIX) + base : base + r.pick(DERIVE_SUFFIX);
        return new Name(text, null, Shape.HYPHEN);
    }

    // ---------------------------------------------------------------------------------------

    /** An invented stem: two (sometimes three) syllables, onset + vowel + optional coda. */
    private String stem(Rng r) {
        int syl = r.chance(0.9) ? 2 : 3;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < syl; i++) {
            String onset = r.pick(m.onsets);
            if (i > 0 && onset.length() > 1 && r.chance(0.7)) {
                onset = onset.substring(0, 1);
            }
            sb.append(onset).append(r.pick(m.vowels));
            if (r.chance(i == syl - 1 ? 0.6 : 0.35)) {
                sb.append(r.pick(m.codas));
            }
        }
        return CorpusModel.capitalize(sb.toString());
    }

    /** {@code HyenaDNA}, {@code GraphAdapter}, {@code ZorvexFormer}, {@code Kalimo}. */
    String camel(Rng r) {
        double x = r.nextDouble();
        if (x < 0.02) {
            return r.pick(m.nameStems) + r.pick(m.nameHeads); // FastVLM, LightCLIP: these collide
        } else if (x < 0.65) {
            return stem(r) + r.pick(m.nameHeads);
        } else if (x < 0.88) {
            return r.pick(m.nameStems) + stem(r);
        } else {
            return stem(r);
        }
    }

    /** {@code Koravin}, {@code KoraNet}, {@code TelmoLu}: two to four shared syllables, sometimes a head. */
    private String syllables(Rng r) {
        int n = 2 + r.weighted(new double[] {0.25, 0.45, 0.30});
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String s = r.pick(Profile.SYLLABLE_SET);
            sb.append(i == 0 || r.chance(0.2) ? CorpusModel.capitalize(s) : s);
        }
        if (r.chance(0.4)) {
            sb.append(r.pick(m.nameHeads));
        }
        return sb.toString();
    }

    /** Capital letters drawn uniformly: {@code QX}, {@code ZRT} collide as real short acronyms do. */
    private static String uniformLetters(Rng r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('A' + r.nextInt(26)));
        }
        return sb.toString();
    }

    /** Upper-case letters drawn as seed word initials. */
    private String letters(Rng r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('A' + r.weighted(m.initialWeights)));
        }
        return sb.toString();
    }

    /** {@code HiRED}, {@code SliME}: an acronym with a lower-case letter or two. */
    private String mixedAcronym(Rng r) {
        String s = letters(r, r.between(3, 5));
        int at = r.nextInt(s.length());
        char lower = "aeiou".charAt(r.nextInt(5));
        return s.substring(0, at + 1) + lower + s.substring(at + 1);
    }

    /**
     * An acronym with its expansion: from the paper's own title core ("Sparse Token Pruning" ->
     * STP), from seed words ("Adaptive Sparse Trainer" -> AST) or a word read as a backronym.
     */
    private Name acronym(Rng r, long k) {
        double x = r.nextDouble();
        if (x < 0.40) {
            String core = m.coreText(k);
            String acr = r.chance(0.3) ? initials(r, core) : syllabic(r, core);
            if (acr.length() >= 3) {
                return new Name(acr, core, Shape.ACRONYM);
            }
        }
        if (x < 0.42) {
            String w = r.pick(m.wordNames).toUpperCase(Locale.ROOT);
            if (w.length() <= 8) {
                return new Name(w, backronym(r, w), Shape.ACRONYM);
            }
        }
        int n = 3 + r.weighted(new double[] {0.03, 0.22, 0.35, 0.25, 0.15});
        StringBuilder acr = new StringBuilder();
        StringBuilder exp = new StringBuilder();
        for (int i = 0; i < n; i++) {
            List<String> words = m.wordsByInitial.get(r.weighted(m.initialWeights));
            String w = r.pick(words);
            exp.append(i == 0 ? "" : " ").append(w);
            acr.append(w.charAt(0));
            if (r.chance(0.12) && w.length() > 3 && i < n - 1) {
                acr.append(w.charAt(1));
            }
        }
        String a = acr.toString();
        if (r.chance(0.04)) {
            a += "s";
        }
        return new Name(a, exp.toString(), Shape.ACRONYM);
    }

    /** {@code HiToPru}, {@code SpaTP}: one to three letters of each word of {@code phrase}. */
    private static String syllabic(Rng r, String phrase) {
        StringBuilder sb = new StringBuilder();
        for (String w : phrase.split("[ -]")) {
            if (w.isEmpty() || (w.length() <= 2 && Character.isLowerCase(w.charAt(0)))) {
                continue;
            }
            int take = Math.min(w.length(), 1 + r.weighted(new double[] {0.45, 0.4, 0.15}));
            sb.append(Character.toUpperCase(w.charAt(0)));
            for (int i = 1; i < take; i++) {
                char c = w.charAt(i);
                if (!Character.isLetterOrDigit(c)) {
                    break;
                }
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** Initials of {@code phrase}'s words (and hyphen parts, sometimes), some with a second letter. */
    private static String initials(Rng r, String phrase) {
        StringBuilder sb = new StringBuilder();
        for (String w : phrase.split(" ")) {
            String[] parts = w.split("-");
            boolean allParts = parts.length > 1 && r.chance(0.5);
            for (int i = 0; i < (allParts ? parts.length : 1); i++) {
                String p = parts[i];
                if (p.isEmpty() || !Character.isLetterOrDigit(p.charAt(0))) {
                    continue;
                }
                if (p.length() <= 2 && Character.isLowerCase(p.charAt(0))) {
                    continue; // "of", "to" in "Text-to-Image"
                }
                sb.append(Character.toUpperCase(p.charAt(0)));
                if (r.chance(0.2) && p.length() > 3 && Character.isLetter(p.charAt(1))) {
                    sb.append(Character.toLowerCase(p.charAt(1)));
                }
            }
        }
        return sb.toString();
    }

    /** Seed words whose initials spell {@code acronym} ("HALO" -> Hadamard Assisted Lossless Optimization). */
    String backronym(Rng r, String acronym) {
        StringBuilder exp = new StringBuilder();
        for (int i = 0; i < acronym.length(); i++) {
            char c = Character.toLowerCase(acronym.charAt(i));
            if (c < 'a' || c > 'z') {
                continue;
            }
            if (Character.isLowerCase(acronym.charAt(i)) && i > 0) {
                continue; // the second letter of a word already spelled
            }
            List<String> words = m.wordsByInitial.get(c - 'a');
            if (words.isEmpty()) {
                words = m.wordsByInitial.get(r.weighted(m.initialWeights));
            }
            exp.append(exp.length() == 0 ? "" : " ").append(r.pick(words));
        }
        return exp.toString();
    }

    /** {@code GLM-130B}, {@code Panda-70M}, {@code RAD-DINO}, {@code InternLM-XComposer2-4KHD}. */
    private String hyphen(Rng r) {
        int firstKind = r.weighted(new double[] {0.35, 0.40, 0.10, 0.15});
        String first = switch (firstKind) {
            case 0 -> letters(r, r.between(2, 4));
            case 1 -> camel(r);
            case 2 -> r.pick(m.wordNames);
            default -> letters(r, 1);
        };
        // a single letter or a word takes a distinctive second part ("T-MAC", "Q-HyViT")
        double[] secondWeights = firstKind >= 2 ? new double[] {0, 0.5, 0.5, 0, 0}
                : new double[] {0.35, 0.25, 0.25, 0.05, 0.10};
        String second = switch (r.weighted(secondWeights)) {
            case 0 -> r.pick(UNITS);
            case 1 -> letters(r, r.between(2, 4));
            case 2 -> camel(r);
            case 3 -> r.pick(m.wordsByInitial.get(r.weighted(m.initialWeights))).toLowerCase(Locale.ROOT);
            default -> r.pick(m.works);
        };
        String s = first + "-" + second;
        if (r.chance(0.15)) {
            s += (r.chance(0.5) ? "2-" : "-") + r.pick(UNITS);
        }
        return s;
    }

    /** {@code Griffon v2}, {@code MInference 1.0}, {@code ERNIE 3.0}, {@code FiTv2}. */
    private Name versioned(Rng r) {
        String base = switch (r.weighted(new double[] {0.6, 0.35, 0.05})) {
            case 0 -> camel(r);
            case 1 -> letters(r, r.between(3, 5));
            default -> r.pick(m.wordNames);
        };
        return new Name(base + r.pick(VERSIONS), null, Shape.VERSIONED);
    }

    /** {@code Text2Earth}, {@code Doc2Doc}, {@code UL2}, {@code RS5M}, {@code GPT4Image}. */
    private String digits(Rng r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.pick(m.nameStems) + "2" + (r.chance(0.5) ? r.pick(m.nameStems) : stem(r));
            case 1 -> letters(r, r.between(3, 4)) + r.between(2, 19);
            case 2 -> letters(r, 3) + r.between(1, 99) + (r.chance(0.5) ? "M" : "K");
            default -> letters(r, r.between(2, 3)) + r.between(2, 9) + r.pick(m.nameHeads);
        };
    }

    /** {@code mPLUG-DocOwl2}, {@code eP-ALM}, {@code p-MoD}, {@code bert2BERT}, {@code torchdistill}. */
    private String lowerStart(Rng r) {
        String lower = String.valueOf("abcdefghijklmnopqrstuvwxyz".charAt(r.nextInt(26)));
        return switch (r.nextInt(5)) {
            case 0 -> lower + letters(r, r.between(3, 4)) + (r.chance(0.5) ? "-" + camel(r) + r.between(2, 3) : "");
            case 1 -> lower + letters(r, 1) + "-" + letters(r, r.between(2, 4));
            case 2 -> lower + "-" + mixedAcronym(r);
            case 3 -> {
                String s = stem(r);
                yield s.toLowerCase(Locale.ROOT) + "2" + s.toUpperCase(Locale.ROOT);
            }
            default -> (r.pick(m.nameStems) + r.pick(m.nameHeads) + stem(r)).toLowerCase(Locale.ROOT);
        };
    }

    /** {@code Dragonfly}, {@code HALO}: names that are ordinary words. */
    private Name word(Rng r) {
        String w = r.pick(m.wordNames);
        if (r.chance(0.3) && w.length() <= 7) {
            String caps = w.toUpperCase(Locale.ROOT);
            return new Name(caps, backronym(r, caps), Shape.WORD);
        }
        return new Name(w, null, Shape.WORD);
    }

    private static Name withGreek(Rng r, Name n) {
        String g = r.pick(GREEK);
        String t = n.text();
        int e = t.indexOf('e', 1);
        if (e > 0 && r.chance(0.5)) {
            t = t.substring(0, e) + "ε" + t.substring(e + 1);
        } else {
            t = t + "-" + g;
        }
        return new Name(t, n.expansion(), n.shape());
    }
}
