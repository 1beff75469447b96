package dev.papernotes.bench;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Paper number {@code k} of a corpus: its kind, name, title and abstract, each a pure function of
 * the corpus seed and {@code k} (every part draws from its own random stream), so a paper that
 * reappears on a later page is simply generated again, byte for byte, and nothing is remembered.
 *
 * <p>Not thread-safe (scratch buffers); use one per thread.
 */
final class PaperFactory {
    /** What precedes the title's colon. */
    enum Kind {
        /** A proper name: {@code Dragonfly: ...}. */
        NAMED,
        /** A phrase that is not a name: {@code Scaling Laws in Patchification: ...}. */
        PHRASE,
        /** No colon at all. */
        PLAIN
    }

    /** Where the paper's name comes from. */
    enum NameMode { NONE, FRESH, REUSED, DERIVED }

    /** Shares of the kinds, measured on the seed's 413 distinct titles (193 / 71 / 149). */
    static final double[] KIND_WEIGHTS = {0.47, 0.17, 0.36};
    /** Share of PHRASE and PLAIN papers whose abstract introduces a name anyway. */
    static final double ABSTRACT_NAME_SHARE = 0.35;
    /** Share of named papers that reuse another paper's name exactly. */
    static final double REUSE_SHARE = 0.01;
    /** Share of named papers whose name is derived from another's ({@code B-PROP}, {@code Long-CLIP}). */
    static final double DERIVE_SHARE = 0.03;
    /** Share of titles drawn from the long tail (150-250 characters) rather than the seed's lengths. */
    static final double LONG_TITLE_SHARE = 0.02;

    private static final double BACKOFF = 0.06;
    private static final int MAX_SENTENCE_TOKENS = 90;
    private static final int MAX_ABSTRACT = 1920; // arXiv's limit; the seed's longest abstract
    private static final int MIN_ABSTRACT = 900;
    private static final String[] SEPARATORS = {": ", " : ", ":", " -- "};
    private static final double[] SEPARATOR_WEIGHTS = {0.975, 0.01, 0.007, 0.008};
    private static final String[] EMOJI = {"\uD83D\uDE80", "\uD83E\uDD99", "\uD83D\uDD25", "\u2728",
        "\uD83E\uDDE0", "\uD83D\uDC0D"};
    private static final String[] GENERIC_SELF = {"our method", "our approach", "the proposed method", "our model",
        "our framework"};
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?] +[A-Z(\\[]");

    record Decision(Kind kind, NameMode mode) {
    }

    /** A paper without its abstract. {@code base} is the name a derived name comes from. */
    record Info(long number, Kind kind, NameMode mode, Names.Name name, String base, String title) {
        boolean named() {
            return name != null;
        }
    }

    private final CorpusModel m;
    private final Names names;
    private final AbstractModel model;
    private final long seed;
    private final Profile profile;
    /** Longest abstract: arXiv's limit, or the profile's. */
    private final int maxAbstract;

    // scratch
    private final Rng rng = new Rng(0);
    private final IntBuf ids = new IntBuf();
    private final ByteBuf sentence = new ByteBuf(1024);
    private boolean nameMentioned;

    PaperFactory(CorpusModel m) {
        this.m = m;
        this.names = new Names(m);
        this.model = m.abstracts;
        this.seed = m.seed;
        this.profile = m.profile;
        this.maxAbstract = profile.abstractMax > 0 ? profile.abstractMax : MAX_ABSTRACT;
    }

    Decision decision(long k) {
        Rng r = new Rng(Rng.streamSeed(seed, 1, k));
        Kind kind = Kind.values()[r.weighted(KIND_WEIGHTS)];
        boolean hasName = kind == Kind.NAMED || r.chance(ABSTRACT_NAME_SHARE);
        if (!hasName) {
            return new Decision(kind, NameMode.NONE);
        }
        double x = r.nextDouble();
        NameMode mode = k == 0 ? NameMode.FRESH
                : x < REUSE_SHARE ? NameMode.REUSED
                : x < REUSE_SHARE + DERIVE_SHARE ? NameMode.DERIVED
                : NameMode.FRESH;
        return new Decision(kind, mode);
    }

    /** The name of paper {@code k} and, for a derived one, its base; null when it has none. */
    private Object[] nameOf(long k, Decision d) {
        if (d.mode() == NameMode.NONE) {
            return null;
        }
        Rng r = new Rng(Rng.streamSeed(seed, 5, k));
        switch (d.mode()) {
            case REUSED -> {
                long j = earlierFresh(r, k);
                if (j >= 0) {
                    return new Object[] {names.reuse(r, names.fresh(j)), null};
                }
            }
            case DERIVED -> {
                long j = r.chance(0.8) ? earlierFresh(r, k) : -1;
                String base = j >= 0 ? names.fresh(j).text() : r.pick(m.works);
                return new Object[] {names.derive(r, base), base};
            }
            default -> {
            }
        }
        return new Object[] {names.fresh(k), null};
    }

    /** An earlier paper whose name is its own invention, or -1. */
    private long earlierFresh(Rng r, long k) {
        for (int i = 0; i < 8; i++) {
            long j = (long) (r.nextDouble() * k);
            if (decision(j).mode() == NameMode.FRESH) {
                return j;
            }
        }
        return -1;
    }

    /** The name paper {@code k} goes by, or null. */
    String nameText(long k) {
        Object[] n = nameOf(k, decision(k));
        return n == null ? null : ((Names.Name) n[0]).text();
    }

    Info info(long k) {
        Decision d = decision(k);
        Object[] n = nameOf(k, d);
        Names.Name name = n == null ? null : (Names.Name) n[0];
        String base = n == null ? null : (String) n[1];
        String title = title(k, d.kind(), name);
        return new Info(k, d.kind(), d.mode(), name, base, title);
    }

    // ---------------------------------------------------------------------------------------
    // Titles
    // ---------------------------------------------------------------------------------------

    private String title(long k, Kind kind, Names.Name name) {
        Rng r = new Rng(Rng.streamSeed(seed, 3, k));
        String core = m.coreText(k);
        int target;
        if (profile.titleMin > 0) {
            target = r.between(profile.titleMin, profile.titleMax);
        } else if (r.chance(LONG_TITLE_SHARE)) {
            target = r.between(150, 250);
        } else {
            int[] lengths = model.titleLengths;
            target = lengths[r.nextInt(lengths.length)] + r.between(-4, 4);
        }
        String best = null;
        for (int i = 0; i < 8; i++) {
            String t = titleOnce(r, k, kind, name, core);
            if (best == null || Math.abs(t.length() - target) < Math.abs(best.length() - target)) {
                best = t;
            }
            if (Math.abs(best.length() - target) <= 6) {
                break;
            }
        }
        String t = best;
        int extensions = profile.titleMin > 0 ? 16 : 8;
        for (int ext = 0; ext < extensions && t.length() < target - 10; ext++) {
            String e = " " + fill(r.pick(m.extensionTemplates), r, k, null, false);
            String lead = e.substring(0, e.indexOf(' ', 1) + 1);
            if (t.contains(lead)) {
                continue; // no "via X via Y"
            }
            t = t.endsWith("?") ? t.substring(0, t.length() - 1) + e + "?" : t + e;
        }
        if (r.chance(0.07)) {
            t = sentenceCase(t, kind == Kind.PLAIN ? 0 : Math.max(0, t.indexOf(':')));
        }
        if (r.chance(0.0005)) {
            t = t + " " + r.pick(EMOJI);
        }
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.length() >= 190 && SENTENCE_BREAK.matcher(t).find()) {
            t = SENTENCE_BREAK.matcher(t).replaceAll(m2 -> m2.group().substring(1));
        }
        return t;
    }

    private String titleOnce(Rng r, long k, Kind kind, Names.Name name, String core) {
        return switch (kind) {
            case NAMED -> {
                String sep = SEPARATORS[r.weighted(SEPARATOR_WEIGHTS)];
                String sub;
                if (name.expansion() != null && name.expansion().equals(core)) {
                    sub = core + switch (r.nextInt(4)) {
                        case 0 -> " for " + r.pick(m.domains);
                        case 1 -> " with " + r.pick(m.techniques);
                        case 2 -> " via " + r.pick(m.techniques);
                        default -> "";
                    };
                } else if (name.expansion() != null && r.chance(0.4)) {
                    sub = name.expansion() + (r.chance(0.5) ? " for " : " with ") + core;
                } else {
                    sub = fill(r.pick(m.subtitleTemplates), r, k, core, false);
                }
                yield name.text() + sep + sub;
            }
            case PHRASE -> fill(r.pick(m.phrasePrefixTemplates), r, k, core, false) + ": "
                    + fill(r.pick(m.subtitleTemplates), r, k, core, false);
            case PLAIN -> fill(r.pick(m.plainTemplates), r, k, core, false);
        };
    }

    /** "Model soups: averaging weights ...": lower-cases plain words after {@code from}. */
    private static String sentenceCase(String t, int from) {
        int start = t.indexOf(' ', from + 1);
        if (start < 0) {
            return t;
        }
        int second = t.indexOf(' ', start + 1);
        if (from > 0 && second > 0) {
            start = second; // keep the subtitle's first word capitalized
        }
        return t.substring(0, start) + CorpusModel.lowerWords(t.substring(start));
    }

    /**
     * Fills {@code {slot}}s. {@code core} replaces {core} (null: a random core, for extensions
     * that never contain one). In an abstract ({@code prose}), the core's words are the paper's
     * own topic, lower-cased.
     */
    private String fill(String template, Rng r, long k, String core, boolean prose) {
        StringBuilder sb = new StringBuilder(template.length() + 64);
        int[] c = null;
        int i = 0;
        while (i < template.length()) {
            char ch = template.charAt(i);
            if (ch != '{') {
                sb.append(ch);
                i++;
                continue;
            }
            int close = template.indexOf('}', i);
            String slot = template.substring(i + 1, close);
            i = close + 1;
            String v = switch (slot) {
                case "core" -> core;
                case "dom" -> prose ? CorpusModel.lowerWords(r.pick(m.domains)) : r.pick(m.domains);
                case "tech" -> prose ? CorpusModel.lowerWords(r.pick(m.techniques)) : r.pick(m.techniques);
                case "ger" -> r.pick(m.gerunds);
                case "work" -> r.pick(m.works);
                case "noun" -> r.pick(m.methodNouns);
                case "A2" -> CorpusModel.lowerWords(r.pick(m.modifiers));
                case "A", "B", "C" -> {
                    if (prose) {
                        if (c == null) {
                            c = m.core(k);
                        }
                        String w = slot.equals("A") ? m.modifiers.get(c[0])
                                : slot.equals("B") ? m.topics.get(c[1]) : m.heads.get(c[2]);
                        yield CorpusModel.lowerWords(w);
                    }
                    yield slot.equals("A") ? r.pick(m.modifiers)
                            : slot.equals("B") ? r.pick(m.topics) : r.pick(m.heads);
                }
                default -> "{" + slot + "}";
            };
            sb.append(v);
        }
        return fixArticles(sb.toString());
    }

    /** "a efficient" -> "an efficient", "A Unified" stays. */
    static String fixArticles(String s) {
        StringBuilder sb = null;
        int i = 0;
        while (i < s.length()) {
            int end = s.indexOf(' ', i);
            if (end < 0) {
                break;
            }
            int len = end - i;
            boolean article = (len == 1 && (s.charAt(i) == 'a' || s.charAt(i) == 'A'))
                    || (len == 2 && (s.charAt(i) == 'a' || s.charAt(i) == 'A') && s.charAt(i + 1) == 'n');
            if (article && (i == 0 || s.charAt(i - 1) == ' ')) {
                int next = s.indexOf(' ', end + 1);
                String word = s.substring(end + 1, next < 0 ? s.length() : next);
                String art = CorpusModel.article(word);
                if (Character.isUpperCase(s.charAt(i))) {
                    art = CorpusModel.capitalize(art);
                }
                if (!art.contentEquals(s.subSequence(i, end))) {
                    if (sb == null) {
                        sb = new StringBuilder(s);
                    }
                    int shift = sb.length() - s.length();
                    sb.replace(i + shift, end + shift, art);
                }
            }
            i = end + 1;
        }
        return sb == null ? s : sb.toString();
    }

    // ---------------------------------------------------------------------------------------
    // Abstracts
    // ---------------------------------------------------------------------------------------

    /** Appends the abstract of {@code info}'s paper (one line, no line end) to {@code out}. */
    void appendAbstract(Info info, ByteBuf out) {
        long k = info.number();
        Rng r = rng.reset(Rng.streamSeed(seed, 4, k));
        int[] lengths = model.abstractLengths;
        int target = Math.min(MAX_ABSTRACT - 40, lengths[r.nextInt(lengths.length)] + r.between(-40, 40));
        if (profile.abstractMax > 0 && profile.sentencesMin == 0) {
            target = r.between(profile.abstractMax * 5 / 8, profile.abstractMax - 40);
        }
        int sentences = profile.sentencesMin > 0 ? r.between(profile.sentencesMin, profile.sentencesMax) : 0;
        String url = url(r, info);
        int start = out.length();
        Names.Name name = info.name();
        boolean named = info.named();
        nameMentioned = false;
        int written = 0;

        int opening = 1 + (r.chance(0.55) ? 1 : 0) + (r.chance(0.2) ? 1 : 0);
        if (sentences > 0) {
            opening = Math.min(opening, 2);
        }
        for (int i = 0; i < opening; i++) {
            if (addChainSentence(r, AbstractModel.Role.OPEN, info, url, out, start, maxAbstract)) {
                written++;
            }
        }
        if (named) {
            boolean derived = info.base() != null && r.chance(0.6);
            if (!derived && r.chance(0.45)
                    && addChainSentence(r, AbstractModel.Role.INTRO, info, url, out, start, maxAbstract)) {
                // the chain's own introduction ("we propose <NAME>, ...")
            } else {
                String t = r.pick(derived ? m.introDerivedTemplates : m.introTemplates);
                addText(introText(t, r, info), out, start);
                nameMentioned = true;
            }
            written++;
        } else if (r.chance(0.5)) {
            addText(fill(r.pick(m.introAnonymousTemplates), r, k, null, true), out, start);
            written++;
        }
        int guard = 0;
        if (sentences > 0) {
            // A sentence count, not a length: the closing sentence below is the last one.
            while (written < sentences - 1 && guard++ < 40) {
                if (addChainSentence(r, AbstractModel.Role.BODY, info, url, out, start, maxAbstract)) {
                    written++;
                }
            }
            addChainSentence(r, AbstractModel.Role.END, info, url, out, start, maxAbstract);
        } else {
            int bodyLimit = Math.min(maxAbstract, target + 120);
            while (out.length() - start < target - 100 && guard++ < (profile.abstractMax > 0 ? 80 : 40)) {
                if (!addChainSentence(r, AbstractModel.Role.BODY, info, url, out, start, bodyLimit)
                        && out.length() - start >= MIN_ABSTRACT) {
                    break;
                }
            }
            if (r.chance(0.65)) {
                addChainSentence(r, AbstractModel.Role.END, info, url, out, start, Math.min(maxAbstract, target + 250));
            }
        }
        // A name the paper has should be mentioned at least once (an abstract-only name must be).
        if (named && !nameMentioned) {
            String t = r.pick(m.introTemplates);
            addText(introText(t, r, info), out, start);
        }
    }

    private String introText(String template, Rng r, Info info) {
        Names.Name name = info.name();
        String def = name.expansion() != null ? name.expansion() + " (" + name.text() + ")" : name.text();
        String t = template.replace("{DEF}", def).replace("{NAME}", name.text())
                .replace("{BASE}", info.base() == null ? name.text() : info.base());
        return fill(t, r, info.number(), null, true);
    }

    private void addText(String text, ByteBuf out, int start) {
        if (out.length() > start) {
            out.append((byte) ' ');
        }
        out.append(text);
    }

    /**
     * Generates a sentence of {@code role} that suits the paper (no name of its own where it has
     * none, a link only at the end, at most {@code limit} bytes in all) and appends
     * it. Returns false when no suitable sentence was found.
     */
    private boolean addChainSentence(Rng r, AbstractModel.Role role, Info info, String url, ByteBuf out, int start,
            int limit) {
        boolean named = info.named();
        for (int attempt = 0; attempt < 12; attempt++) {
            if (!model.sentence(r, role, BACKOFF, MAX_SENTENCE_TOKENS, ids)) {
                continue;
            }
            int self = 0;
            int defs = 0;
            int urls = 0;
            for (int i = 0; i < ids.size(); i++) {
                byte kind = model.tokenKind[ids.get(i)];
                if (kind == AbstractModel.KIND_SELF) {
                    self++;
                } else if (kind == AbstractModel.KIND_DEF) {
                    defs++;
                } else if (kind == AbstractModel.KIND_URL) {
                    urls++;
                }
            }
            // A paper without a name says "our method" where the seed sentence named its method.
            boolean ok = switch (role) {
                case OPEN -> self == 0 && defs == 0 && urls == 0;
                case INTRO -> named && self + defs > 0 && urls == 0;
                case BODY -> urls == 0 && (named || defs == 0);
                case END -> named || defs == 0;
            };
            if (!ok) {
                continue;
            }
            sentence.clear();
            boolean mentionedBefore = nameMentioned;
            render(r, role, info, url, sentence);
            int sep = out.length() > start ? 1 : 0;
            if (out.length() - start + sep + sentence.length() > limit) {
                nameMentioned = mentionedBefore;
                if (role == AbstractModel.Role.BODY && out.length() - start >= MIN_ABSTRACT) {
                    return false; // full: retrying would favour short sentences
                }
                continue;
            }
            if (sep == 1) {
                out.append((byte) ' ');
            }
            out.append(sentence);
            return true;
        }
        return false;
    }

    private void render(Rng r, AbstractModel.Role role, Info info, String url, ByteBuf out) {
        Names.Name name = info.name();
        for (int i = 0; i < ids.size(); i++) {
            int t = ids.get(i);
            if (i > 0) {
                out.append((byte) ' ');
            }
            switch (model.tokenKind[t]) {
                case AbstractModel.KIND_SELF -> {
                    out.append(model.prefixBytes[t]);
                    if (name != null) {
                        out.append(name.text());
                        nameMentioned = true;
                    } else {
                        String generic = GENERIC_SELF[(int) (info.number() % GENERIC_SELF.length)];
                        out.append(i == 0 && model.prefixBytes[t].length == 0 ? CorpusModel.capitalize(generic) : generic);
                    }
                    out.append(model.suffixBytes[t]);
                }
                case AbstractModel.KIND_DEF -> {
                    out.append(model.prefixBytes[t]);
                    nameMentioned = true;
                    if (role == AbstractModel.Role.INTRO && name.expansion() != null) {
                        out.append(name.expansion()).append(" (").append(name.text()).append(")");
                    } else {
                        out.append(name.text());
                    }
                    out.append(model.suffixBytes[t]);
                }
                case AbstractModel.KIND_URL -> out.append(model.prefixBytes[t]).append(url)
                        .append(model.suffixBytes[t]);
                case AbstractModel.KIND_WORK -> {
                    String other = info.number() > 0 && r.chance(0.1) ? earlierName(r, info.number()) : null;
                    if (other == null) {
                        out.append(model.tokenBytes[t]);
                    } else {
                        out.append(model.prefixBytes[t]).append(other).append(model.suffixBytes[t]);
                    }
                }
                default -> out.append(model.tokenBytes[t]);
            }
        }
    }

    /** The name of some earlier paper, for an abstract that mentions other work of the corpus. */
    private String earlierName(Rng r, long k) {
        for (int i = 0; i < 4; i++) {
            long j = (long) (r.nextDouble() * k);
            String n = nameText(j);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    private String url(Rng r, Info info) {
        String repo;
        if (info.named()) {
            repo = repoName(info.name().text());
        } else {
            int[] c = m.core(info.number());
            repo = repoName(m.topics.get(c[1]) + "-" + m.heads.get(c[2]));
        }
        if (repo.isEmpty()) {
            repo = "code";
        }
        if (r.chance(0.2)) {
            return "https://" + repo.toLowerCase(Locale.ROOT) + ".github.io/";
        }
        return "https://github.com/" + r.pick(m.githubOrgs) + "/" + repo;
    }

    /** A GitHub repository name for {@code name}: runs of other characters become one dash. */
    static String repoName(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean dash = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
            if (ok) {
                if (dash && sb.length() > 0) {
                    sb.append('-');
                }
                dash = false;
                sb.append(c);
            } else {
                dash = true;
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == '-') {
            end--;
        }
        return sb.substring(0, end);
    }
}
