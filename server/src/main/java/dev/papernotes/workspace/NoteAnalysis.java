package dev.papernotes.workspace;

import dev.papernotes.index.MentionDictionary;
import dev.papernotes.index.Paper;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.index.RecentMap;
import dev.papernotes.names.FieldTerms;
import dev.papernotes.notes.LineIndex;
import dev.papernotes.notes.NoteModel;
import dev.papernotes.notes.NoteModel.Citation;
import dev.papernotes.notes.NoteModel.Span;
import dev.papernotes.notes.NoteModel.WikiLink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A note's references to papers, resolved against one index snapshot.
 *
 * <p>Bare mentions pass the mention rules first: a name the user ignores ({@link IgnoredNames}),
 * a field term ({@link FieldTerms}, or one the corpus uses generally, {@link MentionDictionary#GENERIC}),
 * a name followed by a version or size ({@link VariantSuffix}) or by the title of another work
 * ({@link TitledElsewhere}) is no mention; a short all-caps
 * name or an ordinary word ({@link EvidenceRule}) is one only with evidence in the note
 * ({@link NoteEvidence}), else a {@linkplain #hints() hint}. An unknown {@code @key} that reads as
 * a handle ({@link Handles}) is no citation.
 *
 * @param generation the {@link PaperIndex#generation()} it was resolved against
 * @param refs       wiki links, citations and bare mentions, in note order
 * @param hints      bare names that may mean a paper but have no evidence in the note: not
 *                   references (no hover, references or links), only offered to be linked
 * @param epoch      the {@link MentionContext#epoch()} it was resolved with
 */
public record NoteAnalysis(NoteDocument document, long generation, List<PaperRef> refs, List<PaperRef> hints,
        long epoch) {

    public NoteAnalysis(NoteDocument document, long generation, List<PaperRef> refs) {
        this(document, generation, refs, List.of(), 0);
    }

    public static NoteAnalysis of(NoteDocument doc, PaperIndex index) throws IOException {
        return of(doc, index, MentionContext.NONE);
    }

    public static NoteAnalysis of(NoteDocument doc, PaperIndex index, MentionContext context) throws IOException {
        NoteModel model = doc.model();
        List<PaperRef> refs = new ArrayList<>();
        // Ids only (from doc values), each distinct name looked up once per note.
        Map<String, PaperIndex.Ids> seen = new HashMap<>();
        // The papers linked or cited, as the lists they come in (each once): see linkedIds.
        Set<List<String>> linkedLists = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<List<String>> linked = new ArrayList<>();
        for (WikiLink w : model.wikiLinks()) {
            PaperIndex.Ids ids = seen.computeIfAbsent("w\u0000" + w.target(),
                    k -> lookup(() -> index.resolveIds(w.target(), PaperRef.MAX_IDS)));
            refs.add(new PaperRef(w.targetSpan(), PaperRef.Kind.WIKI_LINK, w.target(), ids.ids(), ids.total()));
            if (linkedLists.add(ids.ids())) {
                linked.add(ids.ids());
            }
        }
        Map<String, List<String>> citekeys = new HashMap<>();
        boolean anyKnown = false;
        for (Citation c : model.citations()) {
            List<String> ids = citekeys.get(c.key());
            if (ids == null) {
                String id = index.idByCitekey(c.key());
                ids = id == null ? List.of() : List.of(id);
                citekeys.put(c.key(), ids);
            }
            anyKnown |= !ids.isEmpty();
        }
        Boolean pandocNote = null;
        for (Citation c : model.citations()) {
            List<String> ids = citekeys.get(c.key());
            if (ids.isEmpty()) {
                if (pandocNote == null) {
                    List<Span> spans = model.citations().stream().map(Citation::span).toList();
                    pandocNote = Handles.isPandocNote(doc.text(), spans, anyKnown);
                }
                if (Handles.isHandle(doc.text(), c.span(), c.key(), pandocNote)) {
                    continue; // "thanks to @someone": no citation, so no warning
                }
            }
            refs.add(new PaperRef(c.span(), PaperRef.Kind.CITATION, c.key(), ids, ids.size()));
            if (linkedLists.add(ids)) {
                linked.add(ids);
            }
        }
        List<PaperRef> hints = mentions(doc, index, context, seen, linkedIds(doc.uri(), linked), refs);
        refs.sort(Comparator.comparingInt(r -> r.span().start()));
        return new NoteAnalysis(doc, index.generation(), List.copyOf(refs), List.copyOf(hints), context.epoch());
    }

    /** The last set of linked papers made for each of a few notes, with the lists it was made of. */
    private record Linked(List<List<String>> lists, Set<String> ids) {
    }

    private static final int LINKED_NOTES = 4;
    private static final Map<String, Linked> LINKED = RecentMap.of(LINKED_NOTES);

    /**
     * The papers a note links or cites, as a set. An edit seldom changes a note's links and
     * citations, and their lists come back as they were (the lookups are cached): a note of seventy
     * links to names a hundred papers share had its seven thousand ids hashed again at every keystroke.
     */
    static Set<String> linkedIds(String uri, List<List<String>> lists) {
        Linked last = LINKED.get(uri);
        if (last != null && last.lists().equals(lists)) {
            return last.ids();
        }
        Set<String> ids = new HashSet<>();
        for (List<String> l : lists) {
            ids.addAll(l);
        }
        Set<String> frozen = java.util.Collections.unmodifiableSet(ids);
        LINKED.put(uri, new Linked(List.copyOf(lists), frozen));
        return frozen;
    }

    /** Adds the bare mentions that pass the rules to {@code refs}; returns the hints. */
    private static List<PaperRef> mentions(NoteDocument doc, PaperIndex index, MentionContext context,
            Map<String, PaperIndex.Ids> seen, Set<String> linkedIds, List<PaperRef> refs) throws IOException {
        String text = doc.text();
        List<MentionScanner.Mention> found = MentionScanner.scan(doc.model(), doc.chunks(), index.mentions());
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> ignored = new HashSet<>(context.ignoredNames(doc));
        ignored.addAll(IgnoredNames.fromFrontMatter(text));
        Map<String, List<PaperRef>> namesById = new HashMap<>();
        Map<String, PaperIndex.Ids> pendingIds = new LinkedHashMap<>();
        List<MentionScanner.Mention> pending = new ArrayList<>();
        NoteEvidence evidence = new NoteEvidence(doc.uri(), text, doc.chunks(), index, context, linkedIds, namesById);
        Map<String, Boolean> variantNamed = new HashMap<>();
        LineIndex lines = doc.model().lines();
        Set<String> definedOtherwise = new HashSet<>();
        for (MentionScanner.Mention m : found) {
            String name = m.text();
            // most notes ignore nothing: no name of theirs needs normalizing for the check
            if ((!ignored.isEmpty() && ignored.contains(IgnoredNames.normalize(name)))
                    || isFieldTerm(name, m.usage(), FIELD_TERMS)
                    || definedOtherwise.contains(name)) {
                continue;
            }
            PaperIndex.Ids ids = seen.computeIfAbsent("m\u0000" + name,
                    k -> lookup(() -> index.idsByMention(name, PaperRef.MAX_IDS)));
            int suffix = VariantSuffix.suffixEnd(text, m.span().end(), lines.lineEndAt(m.span().end()));
            if (suffix > 0) {
                String longer = text.substring(m.span().start(), suffix);
                if (!variantNamed.computeIfAbsent(longer, k -> lookup(() -> writesVariant(index, ids, k)))) {
                    continue; // "PaLM 2" is not PaLM
                }
            }
            String title = TitledElsewhere.titleAfter(text, m.span().end());
            boolean definition = title == null;
            if (definition) {
                title = TitledElsewhere.expansionBefore(text, m.span().start(), m.span().end());
            }
            String written = title;
            if (written != null
                    && lookup(() -> TitledElsewhere.namesAnotherWork(index, name, written, ids.ids(), definition))) {
                if (definition) {
                    definedOtherwise.add(name); // "domain-specific (DSP)": every DSP of this note is that
                }
                continue; // "[EAGLE: Exploring the Design Space ...]" is another EAGLE
            }
            if (EvidenceRule.needsEvidence(name, m.usage(), evidence.writesLowerCase(name))) {
                pending.add(m);
                pendingIds.put(name, ids);
                continue;
            }
            PaperRef ref = new PaperRef(m.span(), PaperRef.Kind.MENTION, name, ids.ids(), ids.total());
            refs.add(ref);
            for (String id : ids.ids().subList(0, Math.min(NoteEvidence.CANDIDATES, ids.ids().size()))) {
                namesById.computeIfAbsent(id, k -> new ArrayList<>()).add(ref);
            }
        }
        if (!definedOtherwise.isEmpty()) {
            // the occurrences before the definition, too
            refs.removeIf(r -> r.kind() == PaperRef.Kind.MENTION && definedOtherwise.contains(r.written()));
            pending.removeIf(m -> definedOtherwise.contains(m.text()));
        }
        List<PaperRef> hints = new ArrayList<>();
        Map<String, List<Span>> occurrences = NoteEvidence.byName(pending);
        Map<String, List<String>> supported = new HashMap<>();
        for (MentionScanner.Mention m : pending) {
            String name = m.text();
            PaperIndex.Ids ids = pendingIds.get(name);
            List<String> backed = supported.get(name);
            if (backed == null) {
                backed = evidence.supported(name, occurrences.get(name), ids.ids());
                supported.put(name, backed);
            }
            if (backed.isEmpty()) {
                hints.add(new PaperRef(m.span(), PaperRef.Kind.MENTION, name, ids.ids(), ids.total()));
            } else if (backed.size() == Math.min(ids.ids().size(), NoteEvidence.CANDIDATES)) {
                refs.add(new PaperRef(m.span(), PaperRef.Kind.MENTION, name, ids.ids(), ids.total()));
            } else {
                // the note backs some of the papers sharing the name: it means those
                refs.add(new PaperRef(m.span(), PaperRef.Kind.MENTION, name, backed, backed.size()));
            }
        }
        evidence.keep();
        return hints;
    }

    private static final int FIELD_TERMS_KEPT = 4096;
    /**
     * The lexicon's answer per name, across analyses: a note is analysed again at every edit, with
     * the same few hundred names, and the answer costs a normalization of the name each time.
     */
    private static final Map<String, Boolean> FIELD_TERMS = RecentMap.of(FIELD_TERMS_KEPT);

    /** A generic term of the field: because the corpus uses it generally, or by the lexicon (asked once per name: {@code memo}). */
    static boolean isFieldTerm(String name, int usage, Map<String, Boolean> memo) {
        return (usage & MentionDictionary.GENERIC) != 0 || memo.computeIfAbsent(name, FieldTerms::isFieldTerm);
    }

    /** Whether one of the papers writes the longer form itself ("Griffon v2" in its abstract). */
    private static boolean writesVariant(PaperIndex index, PaperIndex.Ids ids, String longer) throws IOException {
        String collapsed = IgnoredNames.normalize(longer);
        for (String id : ids.ids().subList(0, Math.min(NoteEvidence.CANDIDATES, ids.ids().size()))) {
            Paper p = index.get(id);
            if (p != null && (contains(p.title(), collapsed) || contains(p.abstractText(), collapsed))) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && IgnoredNames.normalize(haystack).contains(needle);
    }

    /** The reference whose range holds {@code offset} (its end counts: the cursor sits after a word). */
    public PaperRef refAt(int offset) {
        for (PaperRef r : refs) {
            if (offset >= r.span().start() && offset <= r.span().end()) {
                return r;
            }
        }
        return null;
    }

    /** The hint whose range holds {@code offset}, or null. */
    public PaperRef hintAt(int offset) {
        for (PaperRef r : hints) {
            if (offset >= r.span().start() && offset <= r.span().end()) {
                return r;
            }
        }
        return null;
    }

    private interface Lookup<T> {
        T get() throws IOException;
    }

    private static <T> T lookup(Lookup<T> l) {
        try {
            return l.get();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
