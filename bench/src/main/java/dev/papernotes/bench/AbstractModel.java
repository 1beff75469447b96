package dev.papernotes.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level Markov chain (order 2, backing off to order 1) trained on the seed abstracts, so
 * generated abstracts have the seed's vocabulary, word frequencies (Zipfian), sentence lengths and
 * phrasing. Before training, each seed paper's own names are replaced by placeholders: {@link #SELF}
 * for a mention of the paper's name, {@link #DEF} for an acronym definition of it ("Adaptive Sparse
 * Trainer (AST)"), {@link #URL} for a link. A generated abstract fills them with the generated
 * paper's own name, so no seed paper's name is ever presented as a generated paper's contribution,
 * while the seed's mentions of other works (BERT, LLaVA, GPT-4) stay as they are.
 *
 * <p>Sentences keep the role they had in their seed abstract (opening, introducing the
 * contribution, body, closing), which starts the chain with the right first words.
 */
final class AbstractModel {
    static final char SELF = '\u0001';
    static final char DEF = '\u0002';
    static final char URL = '\u0003';

    static final byte KIND_PLAIN = 0;
    static final byte KIND_SELF = 1;
    static final byte KIND_DEF = 2;
    static final byte KIND_URL = 3;
    static final byte KIND_WORK = 4;

    enum Role { OPEN, INTRO, BODY, END }

    private static final int END_TOKEN = -1;

    /** Common acronyms that are neither a paper's own name nor a "work". */
    private static final Set<String> GENERIC = Set.of("LLM", "LLMs", "GPU", "GPUs", "NLP", "SOTA", "AI", "CNN", "CNNs",
            "MLLM", "MLLMs", "VLM", "VLMs", "LVLM", "LVLMs", "LMM", "LMMs", "PLM", "PLMs", "LM", "LMs", "QA", "IR",
            "SR", "RL", "MoE", "MoEs", "ViT", "ViTs", "PEFT", "CPU", "CPUs", "RGB", "FLOPs", "API", "OCR", "SSM",
            "SSMs", "MLP", "FFN", "NER", "KD", "PTQ", "RAG", "SFT", "RLHF", "TPU", "NPU", "DNN", "DNNs", "GAN",
            "GANs", "ICL", "HR", "LR", "T2I", "T2V", "3D", "2D", "4K", "HD", "KV", "VQA");

    private static final Set<String> ABBREVIATIONS = Set.of("e.g.", "i.e.", "al.", "vs.", "Fig.", "Eq.", "approx.",
            "No.", "(e.g.", "(i.e.", "etc.)", "cf.", "resp.");

    private static final Pattern URL_PATTERN = Pattern.compile("https?://\\S+?(?=[.,;)]*(?:\\s|$))");
    private static final Pattern INTRODUCED = Pattern.compile(
            "\\b(?:dubbed|called|named|termed)(?: as)?(?: the)? ([^\\s,;.()]+(?: [0-9][^\\s,;()]*)?)");
    private static final Pattern PROPOSED = Pattern.compile(
            "\\b[Ww]e (?:propose|introduce|present)(?: a| an| the)?(?: new| novel)? ([A-Z][^\\s,;.()]*)");
    private static final Pattern PAREN = Pattern.compile("\\(([A-Za-z0-9][A-Za-z0-9+\\-.^]*[A-Za-z0-9+])\\)");
    private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "with", "the", "in", "a", "on", "to",
            "via", "from", "as");

    // Token table
    final String[] tokens;
    final byte[][] tokenBytes;
    final byte[] tokenKind;
    final byte[][] prefixBytes;
    final byte[][] suffixBytes;
    final String[] workOf;

    // Order-2 transitions, by state: successors [stateOff[s], stateOff[s+1])
    private final int[] stateOff;
    private final int[] succTok;
    private final int[] succCum;
    private final int[] succNext;
    // Order-1 transitions, by token
    private final int[] uniOff;
    private final int[] uniTok;
    private final int[] uniCum;
    private final int[] uniNext;
    private final int[] startState = new int[Role.values().length];

    /** The seed abstracts' lengths in characters, sorted. */
    final int[] abstractLengths;
    /** The seed titles' lengths in characters, sorted. */
    final int[] titleLengths;
    /** Content words of the seed (lower case, 4+ letters), most frequent first: expansion words. */
    final List<String> contentWords;

    AbstractModel(SeedPapers seed, List<String> works) {
        Set<String> workSet = new LinkedHashSet<>(works);
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<String> tokenList = new ArrayList<>();
        // state key -> state id; per state: successor token -> count (insertion ordered)
        Map<Long, Integer> stateIds = new HashMap<>();
        List<LinkedHashMap<Integer, int[]>> stateSucc = new ArrayList<>();
        List<Integer> stateLastToken = new ArrayList<>();

        int[] roleStartToken = new int[Role.values().length];
        for (Role role : Role.values()) {
            roleStartToken[role.ordinal()] = intern("\u0000" + role, ids, tokenList);
        }
        for (Role role : Role.values()) {
            int st = roleStartToken[role.ordinal()];
            startState[role.ordinal()] = stateId(st, st, stateIds, stateSucc, stateLastToken);
        }

        int[] absLen = new int[seed.papers().size()];
        int[] titleLen = new int[seed.papers().size()];
        Map<String, Integer> wordFreq = new HashMap<>();
        int p = 0;
        for (SeedPapers.Paper paper : seed.papers()) {
            absLen[p] = paper.abstractText().length();
            titleLen[p] = paper.title().length();
            p++;
            countWords(paper.title(), wordFreq);
            countWords(paper.abstractText(), wordFreq);
            String text = withPlaceholders(paper.title(), paper.abstractText(), workSet);
            List<String[]> sentences = sentences(text);
            List<Role> roles = roles(sentences);
            for (int i = 0; i < sentences.size(); i++) {
                String[] sentence = sentences.get(i);
                int st = roleStartToken[roles.get(i).ordinal()];
                int a = st;
                int b = st;
                for (String t : sentence) {
                    int c = intern(t, ids, tokenList);
                    int s = stateId(a, b, stateIds, stateSucc, stateLastToken);
                    stateSucc.get(s).computeIfAbsent(c, x -> new int[1])[0]++;
                    a = b;
                    b = c;
                }
                int s = stateId(a, b, stateIds, stateSucc, stateLastToken);
                stateSucc.get(s).computeIfAbsent(END_TOKEN, x -> new int[1])[0]++;
            }
        }
        Arrays.sort(absLen);
        Arrays.sort(titleLen);
        this.abstractLengths = absLen;
        this.titleLengths = titleLen;
        List<Map.Entry<String, Integer>> wf = new ArrayList<>(wordFreq.entrySet());
        wf.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> cw = new ArrayList<>();
        for (Map.Entry<String, Integer> e : wf) {
            if (e.getValue() >= 2) {
                cw.add(e.getKey());
            }
        }
        this.contentWords = List.copyOf(cw);

        // Token table
        int n = tokenList.size();
        tokens = tokenList.toArray(new String[0]);
        tokenBytes = new byte[n][];
        tokenKind = new byte[n];
        prefixBytes = new byte[n][];
        suffixBytes = new byte[n][];
        workOf = new String[n];
        for (int i = 0; i < n; i++) {
            String t = tokens[i];
            tokenBytes[i] = t.getBytes(StandardCharsets.UTF_8);
            int at = indexOfPlaceholder(t);
            if (at >= 0) {
                char ph = t.charAt(at);
                tokenKind[i] = ph == SELF ? KIND_SELF : ph == DEF ? KIND_DEF : KIND_URL;
                prefixBytes[i] = t.substring(0, at).getBytes(StandardCharsets.UTF_8);
                suffixBytes[i] = t.substring(at + 1).getBytes(StandardCharsets.UTF_8);
                continue;
            }
            int from = 0;
            while (from < t.length() && (t.charAt(from) == '(' || t.charAt(from) == '"')) {
                from++;
            }
            int to = t.length();
            if (t.endsWith("'s")) {
                to -= 2;
            }
            while (to > from && ",.;:)\"".indexOf(t.charAt(to - 1)) >= 0) {
                to--;
            }
            String core = t.substring(from, to);
            if (workSet.contains(core)) {
                tokenKind[i] = KIND_WORK;
                workOf[i] = core;
                prefixBytes[i] = t.substring(0, from).getBytes(StandardCharsets.UTF_8);
                suffixBytes[i] = t.substring(to).getBytes(StandardCharsets.UTF_8);
            }
        }

        // Compile order-2 transitions
        int states = stateSucc.size();
        stateOff = new int[states + 1];
        int total = 0;
        for (int s = 0; s < states; s++) {
            stateOff[s] = total;
            total += stateSucc.get(s).size();
        }
        stateOff[states] = total;
        succTok = new int[total];
        succCum = new int[total];
        succNext = new int[total];
        for (int s = 0; s < states; s++) {
            int i = stateOff[s];
            int cum = 0;
            int last = stateLastToken.get(s);
            for (Map.Entry<Integer, int[]> e : stateSucc.get(s).entrySet()) {
                cum += e.getValue()[0];
                succTok[i] = e.getKey();
                succCum[i] = cum;
                succNext[i] = e.getKey() == END_TOKEN ? -1 : stateIds.get(key(last, e.getKey()));
                i++;
            }
        }
        // Order-1 transitions: merge the order-2 successors of every state ending in the token
        List<LinkedHashMap<Integer, int[]>> uni = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            uni.add(new LinkedHashMap<>());
        }
        for (int s = 0; s < states; s++) {
            int last = stateLastToken.get(s);
            int prev = 0;
            for (int i = stateOff[s]; i < stateOff[s + 1]; i++) {
                int count = succCum[i] - prev;
                prev = succCum[i];
                uni.get(last).computeIfAbsent(succTok[i], x -> new int[1])[0] += count;
            }
        }
        uniOff = new int[n + 1];
        int ut = 0;
        for (int t = 0; t < n; t++) {
            uniOff[t] = ut;
            ut += uni.get(t).size();
        }
        uniOff[n] = ut;
        uniTok = new int[ut];
        uniCum = new int[ut];
        uniNext = new int[ut];
        for (int t = 0; t < n; t++) {
            int i = uniOff[t];
            int cum = 0;
            for (Map.Entry<Integer, int[]> e : uni.get(t).entrySet()) {
                cum += e.getValue()[0];
                uniTok[i] = e.getKey();
                uniCum[i] = cum;
                uniNext[i] = e.getKey() == END_TOKEN ? -1 : stateIds.get(key(t, e.getKey()));
                i++;
            }
        }
    }

    private static void countWords(String text, Map<String, Integer> freq) {
        for (String w : text.split("[^A-Za-z-]+")) {
            if (w.length() >= 4 && Character.isLetter(w.charAt(0)) && Character.isLetter(w.charAt(w.length() - 1))
                    && !w.chars().skip(1).anyMatch(Character::isUpperCase)) {
                freq.merge(w.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            }
        }
    }

    private static int indexOfPlaceholder(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == SELF || c == DEF || c == URL) {
                return i;
            }
        }
        return -1;
    }

    /** The map key of state (a, b); mixed (a bijection) so that Long's hash code spreads. */
    private static long key(int a, int b) {
        return Rng.mix(((long) a << 32) | (b & 0xFFFFFFFFL));
    }

    private static int intern(String t, Map<String, Integer> ids, List<String> list) {
        Integer id = ids.get(t);
        if (id == null) {
            id = list.size();
            ids.put(t, id);
            list.add(t);
        }
        return id;
    }

    private static int stateId(int a, int b, Map<Long, Integer> stateIds, List<LinkedHashMap<Integer, int[]>> succ,
            List<Integer> last) {
        long k = key(a, b);
        Integer id = stateIds.get(k);
        if (id == null) {
            id = succ.size();
            stateIds.put(k, id);
            succ.add(new LinkedHashMap<>());
            last.add(b);
        }
        return id;
    }

    // ---------------------------------------------------------------------------------------
    // Seed preprocessing
    // ---------------------------------------------------------------------------------------

    /** True for a token shaped like a proper name: inner capitals, digits with letters, ++. */
    static boolean nameLike(String w) {
        if (w.isEmpty() || !Character.isLetterOrDigit(w.codePointAt(0))) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            }
            if (i > 0 && Character.isUpperCase(c)) {
                return true;
            }
        }
        return letter && (w.contains("++") || w.chars().anyMatch(Character::isDigit));
    }

    /** The seed paper's own names, as its title and abstract give them. */
    static Set<String> ownNames(String title, String abstractText, Set<String> works) {
        Set<String> own = new LinkedHashSet<>();
        int colon = title.indexOf(':');
        int dash = title.indexOf(" -- ");
        int cut = colon < 0 ? dash : dash < 0 ? colon : Math.min(colon, dash);
        if (cut > 0) {
            String prefix = title.substring(0, cut).strip();
            Matcher paren = PAREN.matcher(prefix);
            if (paren.find()) {
                own.add(paren.group(1));
                own.add(prefix.substring(0, paren.start()).strip());
            } else {
                String[] words = prefix.split(" +");
                boolean anyNameLike = Arrays.stream(words).anyMatch(AbstractModel::nameLike);
                if (words.length == 1 || (words.length <= 3 && anyNameLike)) {
                    own.add(prefix);
                    for (String w : words) {
                        if (nameLike(w) && !works.contains(w) && !GENERIC.contains(w)) {
                            own.add(w);
                        }
                    }
                    if (words.length == 2 && Character.isUpperCase(words[0].charAt(0))
                            && words[1].matches("[vV]?[0-9.]+")) {
                        own.add(words[0]);
                    }
                }
            }
        }
        for (Pattern pattern : List.of(INTRODUCED, PROPOSED)) {
            Matcher m = pattern.matcher(abstractText);
            while (m.find()) {
                String x = m.group(1);
                if (nameLike(x) && !works.contains(x) && !GENERIC.contains(x)) {
                    own.add(x);
                }
            }
        }
        Matcher m = PAREN.matcher(abstractText);
        while (m.find()) {
            String acr = m.group(1);
            if (GENERIC.contains(acr) || works.contains(acr) || !nameLike(acr)) {
                continue;
            }
            if (own.contains(acr) || Pattern.compile("(?<![\\w-])" + Pattern.quote(acr) + "(?![\\w-])")
                    .matcher(title).find()) {
                own.add(acr);
            }
        }
        own.removeIf(s -> s.isBlank() || works.contains(s) || GENERIC.contains(s));
        return own;
    }

    /** The abstract with the paper's own names, their definitions and links as placeholders. */
    static String withPlaceholders(String title, String abstractText, Set<String> works) {
        Set<String> own = ownNames(title, abstractText, works);
        String text = abstractText.replace("\\OurMethod", String.valueOf(SELF));
        text = URL_PATTERN.matcher(text).replaceAll(String.valueOf(URL));
        // Definitions: "Expansion Words (ACR)" for an own ACR.
        StringBuilder sb = new StringBuilder();
        Matcher m = PAREN.matcher(text);
        int last = 0;
        while (m.find()) {
            String acr = m.group(1);
            if (!own.contains(acr)) {
                continue;
            }
            int expStart = expansionStart(text, m.start(), acr);
            if (expStart < last) {
                continue;
            }
            sb.append(text, last, expStart).append(DEF);
            last = m.end();
        }
        sb.append(text, last, text.length());
        text = sb.toString();
        List<String> byLength = new ArrayList<>(own);
        byLength.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        for (String name : byLength) {
            text = Pattern.compile("(?<![\\w-])" + Pattern.quote(name) + "(?![\\w-])").matcher(text)
                    .replaceAll(Matcher.quoteReplacement(String.valueOf(SELF)));
        }
        return text;
    }

    /** Where the expansion before "(ACR)" at {@code paren} starts; {@code paren} when there is none. */
    private static int expansionStart(String text, int paren, String acr) {
        int end = paren;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int letters = (int) acr.chars().filter(Character::isUpperCase).count();
        int start = end;
        int words = 0;
        int capitalizedStart = -1;
        while (start > 0 && words < 7) {
            int ws = start;
            while (ws > 0 && text.charAt(ws - 1) != ' ') {
                ws--;
            }
            String w = text.substring(ws, start);
            if (w.isEmpty() || ",.;:()\"".indexOf(w.charAt(w.length() - 1)) >= 0) {
                break;
            }
            boolean cap = Character.isUpperCase(w.charAt(0));
            if (!cap && !CONNECTORS.contains(w) && capitalizedStart >= 0) {
                break;
            }
            words++;
            if (cap) {
                capitalizedStart = ws;
            }
            start = ws > 0 ? ws - 1 : 0;
            if (capitalizedStart < 0 && words >= Math.min(Math.max(letters, 1), 6)) {
                // a lower-case expansion ("contribution-based low-rank adaptation (CoLoRA)")
                return ws;
            }
        }
        return capitalizedStart >= 0 ? capitalizedStart : paren;
    }

    /** Splits an abstract into sentences of whitespace tokens. */
    static List<String[]> sentences(String text) {
        String[] toks = text.strip().split(" +");
        List<String[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < toks.length; i++) {
            String t = toks[i];
            boolean last = i == toks.length - 1;
            boolean ends = t.endsWith(".") || t.endsWith("!") || t.endsWith("?") || t.endsWith(".)")
                    || t.endsWith(".\"");
            if (last || (ends && !ABBREVIATIONS.contains(t) && startsSentence(toks[i + 1]))) {
                out.add(Arrays.copyOfRange(toks, start, i + 1));
                start = i + 1;
            }
        }
        return out;
    }

    private static boolean startsSentence(String t) {
        char c = t.charAt(0);
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '(' || c == '[' || c == '"' || c == SELF
                || c == DEF || c == URL;
    }

    private static List<Role> roles(List<String[]> sentences) {
        int n = sentences.size();
        int intro = -1;
        for (int i = 0; i < n && intro < 0; i++) {
            for (String t : sentences.get(i)) {
                if (t.indexOf(SELF) >= 0 || t.indexOf(DEF) >= 0) {
                    intro = i;
                    break;
                }
            }
        }
        List<Role> roles = new ArrayList<>();
        int openUntil = intro >= 0 ? intro : Math.min(2, n - 1);
        for (int i = 0; i < n; i++) {
            Role r;
            if (i == intro) {
                r = Role.INTRO;
            } else if (i < openUntil) {
                r = Role.OPEN;
            } else if (i == n - 1 && n > 2) {
                r = Role.END;
            } else {
                r = Role.BODY;
            }
            roles.add(r);
        }
        return roles;
    }

    // ---------------------------------------------------------------------------------------
    // Generation
    // ---------------------------------------------------------------------------------------

    /**
     * Generates one sentence of {@code role} into {@code out} as token ids. Returns false when the
     * sentence grew past {@code maxTokens} (the caller retries).
     */
    boolean sentence(Rng rng, Role role, double backoff, int maxTokens, IntBuf out) {
        out.clear();
        int s = startState[role.ordinal()];
        int lastToken = -1;
        while (true) {
            int tok;
            int next;
            if (lastToken >= 0 && uniOff[lastToken + 1] - uniOff[lastToken] > 1 && rng.chance(backoff)) {
                int i = sample(rng, uniOff[lastToken], uniOff[lastToken + 1], uniCum);
                tok = uniTok[i];
                next = uniNext[i];
            } else {
                int i = sample(rng, stateOff[s], stateOff[s + 1], succCum);
                tok = succTok[i];
                next = succNext[i];
            }
            if (tok == END_TOKEN) {
                return out.size() > 0;
            }
            out.add(tok);
            if (out.size() > maxTokens) {
                return false;
            }
            s = next;
            lastToken = tok;
        }
    }

    private static int sample(Rng rng, int from, int to, int[] cum) {
        if (to - from == 1) {
            return from;
        }
        int total = cum[to - 1];
        int r = rng.nextInt(total);
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    int tokenCount() {
        return tokens.length;
    }
}
