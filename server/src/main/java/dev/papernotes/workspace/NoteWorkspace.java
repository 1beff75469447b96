package dev.papernotes.workspace;

import dev.papernotes.notes.LineIndex;
import dev.papernotes.corpus.CorpusFiles;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.names.NameKeys;
import dev.papernotes.notes.NoteModel.Link;
import dev.papernotes.notes.NoteModel.MarkdownLink;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Every Markdown note of the workspace folders, opened in the editor or not. Open notes take
 * their text from the editor, others from disk. Keeps, per paper, which notes refer to it.
 */
public final class NoteWorkspace {
    private static final Logger LOG = Logger.getLogger(NoteWorkspace.class.getName());
    /** Notes larger than this are not read from disk by the scan: nobody writes notes that big. */
    public static final long MAX_SCANNED_NOTE_BYTES = 8L << 20;
    private static final Set<String> SKIPPED_FOLDERS = Set.of("node_modules", "target", "build", "dist", "out");

    private volatile List<Path> roots = List.of();
    private final ConcurrentHashMap<String, NoteDocument> docs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, NoteAnalysis> analyses = new ConcurrentHashMap<>();
    /** Linkable notes by {@code NameKeys.spaced} of each of their names. */
    private final ConcurrentHashMap<String, Set<String>> byName = new ConcurrentHashMap<>();
    /** The names of each linkable note, by key: completion ranks notes without a path operation each. */
    private final ConcurrentHashMap<String, NoteNames> linkNames = new ConcurrentHashMap<>();
    /** The same, by {@link NoteNames#order}: a bare {@code [[} lists the first few without sorting them all. */
    private final java.util.concurrent.ConcurrentSkipListMap<String, NoteNames> inOrder =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    /** Uris of linkable notes, decided once per document (roots rarely change). */
    private final Set<String> linkableUris = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> notesByPaper = new HashMap<>();
    private final Map<String, Set<String>> papersByNote = new HashMap<>();
    /** Papers some note links or cites explicitly, with those notes (evidence for short names). */
    private final Map<String, Set<String>> linkingNotesByPaper = new HashMap<>();
    private final Map<String, Set<String>> linkedPapersByNote = new HashMap<>();
    /** What each open note's last recorded analysis referred to (see {@link Recorded}). */
    private final Map<String, Recorded> listsByNote = new HashMap<>();
    /** Names ignored per workspace folder ({@code .papernotes.json}). */
    private volatile Map<Path, Set<String>> ignoredByRoot = Map.of();
    private final java.util.concurrent.atomic.AtomicLong epoch = new java.util.concurrent.atomic.AtomicLong();
    private final MentionContext mentionContext = new MentionContext() {
        @Override
        public Set<String> ignoredNames(NoteDocument doc) {
            return NoteWorkspace.this.ignoredNames(doc);
        }

        @Override
        public boolean linkedElsewhere(String paperId) {
            synchronized (notesByPaper) {
                return linkingNotesByPaper.containsKey(paperId);
            }
        }

        @Override
        public long epoch() {
            return epoch.get();
        }
    };
    /** Every file under the workspace folders (notes and attachments), by name. */
    private final WorkspaceFiles files = new WorkspaceFiles(this::relativeKey);
    /** The key (canonical URI) of each linkable note by its file: a link's file finds its note without making a URI. */
    private final ConcurrentHashMap<Path, String> keyByPath = new ConcurrentHashMap<>();
    /** Linkable notes by lower-cased front-matter alias, and each note's aliases. */
    private final ConcurrentHashMap<String, Set<String>> byAlias = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<String>> aliasesOf = new ConcurrentHashMap<>();
    private final Backlinks backlinks = new Backlinks();
    private final LinkResolver resolver = new LinkResolver(this);
    /** Whether the workspace folders have been walked once (before that, a link is not "unresolved" yet). */
    private volatile boolean scanned;

    /**
     * The key a note is held under: the URI its path gives, so that the editor's spelling of a URI
     * ({@code %26} for {@code &}, say) and ours meet in one document. Non-file URIs are kept as they are.
     */
    static String canonical(String uri) {
        Path p = Uris.toPath(uri);
        return p == null ? uri : Uris.fromPath(p);
    }

    private void put(NoteDocument d) {
        String key = canonical(d.uri());
        NoteDocument old = docs.put(key, d);
        backlinks.changed(key);
        if (old != null && old.isOpen() == d.isOpen()) {
            if (linkableUris.contains(key)) {
                indexAliases(key, d); // same file, same names, same linkability; front matter may have changed
            }
            return;
        }
        unindex(key, old);
        if (decideLinkable(d)) {
            linkableUris.add(key);
            List<String> names = namesOf(d);
            if (!names.isEmpty()) {
                NoteNames n = NoteNames.of(key, names);
                linkNames.put(key, n);
                inOrder.put(n.order(), n);
            }
            for (String name : names) {
                byName.computeIfAbsent(NameKeys.spaced(name), k -> ConcurrentHashMap.newKeySet()).add(key);
            }
            nameKeysChanged.incrementAndGet();
            if (d.path() != null) {
                files.add(d.path());
                keyByPath.put(d.path(), key);
            }
            indexAliases(key, d);
        }
    }

    private void unindex(String key, NoteDocument old) {
        if (old != null && linkableUris.remove(key)) {
            NoteNames n = linkNames.remove(key);
            if (n != null) {
                inOrder.remove(n.order());
            }
            for (String name : namesOf(old)) {
                Set<String> s = byName.get(NameKeys.spaced(name));
                if (s != null) {
                    s.remove(key);
                }
            }
            if (old.path() != null) {
                files.remove(old.path());
                keyByPath.remove(old.path(), key);
            }
            indexAliases(key, null);
        }
    }

    /** Files the note under {@code key} by its front-matter aliases (read from the front matter alone). */
    private void indexAliases(String key, NoteDocument d) {
        List<String> now = d == null ? List.of() : dev.papernotes.notes.FrontMatter.aliases(d.text());
        List<String> before = aliasesOf.getOrDefault(key, List.of());
        if (now.equals(before)) {
            return;
        }
        for (String a : before) {
            Set<String> s = byAlias.get(aliasKey(a));
            if (s != null) {
                s.remove(key);
            }
        }
        if (now.isEmpty()) {
            aliasesOf.remove(key);
        } else {
            aliasesOf.put(key, now);
        }
        for (String a : now) {
            byAlias.computeIfAbsent(aliasKey(a), k -> ConcurrentHashMap.newKeySet()).add(key);
        }
    }

    static String aliasKey(String alias) {
        return alias.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public void setRoots(List<Path> folders) {
        List<Path> real = new ArrayList<>();
        for (Path p : folders) {
            try {
                real.add(p.toRealPath());
            } catch (IOException e) {
                LOG.info("workspace folder " + p + " does not exist");
            }
        }
        roots = List.copyOf(real);
        reloadIgnoredNames();
        byName.clear();
        nameKeysChanged.incrementAndGet();
        linkNames.clear();
        inOrder.clear();
        linkableUris.clear();
        files.clear();
        keyByPath.clear();
        byAlias.clear();
        aliasesOf.clear();
        backlinks.clear();
        scanned = false;
        for (NoteDocument d : List.copyOf(docs.values())) {
            docs.remove(canonical(d.uri()));
            put(d);
        }
    }

    public List<Path> roots() {
        return roots;
    }

    // ---- "not this paper" ----

    /** Reads {@code .papernotes.json} of every workspace folder again; analyses made before are stale. */
    public void reloadIgnoredNames() {
        Map<Path, Set<String>> next = new HashMap<>();
        for (Path root : roots) {
            Set<String> names = IgnoredNames.fromWorkspaceFile(root);
            if (!names.isEmpty()) {
                next.put(root, names);
            }
        }
        ignoredByRoot = Map.copyOf(next);
        epoch.incrementAndGet();
    }

    /** Names ignored in the workspace folder of {@code doc}. */
    public Set<String> ignoredNames(NoteDocument doc) {
        Path root = rootOf(doc);
        Set<String> names = root == null ? null : ignoredByRoot.get(root);
        return names == null ? Set.of() : names;
    }

    /** The workspace folder a note lives in (the innermost when folders nest), or null. */
    public Path rootOf(NoteDocument doc) {
        Path p = doc.path();
        if (p == null) {
            return null;
        }
        Path abs = p.toAbsolutePath().normalize();
        Path best = null;
        for (Path root : roots) {
            if (abs.startsWith(root) && (best == null || root.getNameCount() > best.getNameCount())) {
                best = root;
            }
        }
        return best;
    }

    /** What the workspace tells the mention rules (ignored names, papers linked elsewhere). */
    public MentionContext mentionContext() {
        return mentionContext;
    }

    public NoteDocument get(String uri) {
        return uri == null ? null : docs.get(canonical(uri));
    }

    /** Every document the server holds, including open ones outside the workspace folders. */
    public Collection<NoteDocument> all() {
        return docs.values();
    }

    /**
     * The notes other notes may point at: files under the workspace folders (their real location
     * too, so a symbolic link cannot lead out). Without workspace folders, the open notes.
     * References, note links, completion and symbols never go beyond these.
     */
    public List<NoteDocument> linkable() {
        List<NoteDocument> out = new ArrayList<>(linkableUris.size());
        for (String uri : linkableUris) {
            NoteDocument d = docs.get(uri);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    public boolean isLinkable(NoteDocument d) {
        return linkableUris.contains(canonical(d.uri()));
    }

    private boolean decideLinkable(NoteDocument d) {
        if (roots.isEmpty()) {
            return d.isOpen();
        }
        Path p = d.path();
        return p != null && isWorkspaceNote(p);
    }

    public int size() {
        return docs.size();
    }

    // ---- editor events ----

    public NoteDocument open(String uri, String text, int version) {
        NoteDocument d = new NoteDocument(uri, Uris.toPath(uri), text, version, true);
        put(d);
        return d;
    }

    /** Stores the editor's new text; returns the new document, or null when the note is not open. */
    public NoteDocument change(String uri, String text, int version) {
        return change(uri, text, new LineIndex(text), version);
    }

    /** As {@link #change(String, String, int)}, with the line starts of {@code text} already known. */
    public NoteDocument change(String uri, String text, LineIndex lines, int version) {
        NoteDocument old = get(uri);
        if (old == null || !old.isOpen()) {
            return null;
        }
        NoteDocument d = old.withText(text, lines, version);
        put(d);
        return d;
    }

    /** The editor let go: the note is what is on disk again, or gone if it is not a workspace file. */
    public void close(String uri) {
        NoteDocument old = get(uri);
        Path path = old == null ? null : old.path();
        if (old != null && old.isOpen() && !old.uri().equals(canonical(uri))) {
            remove(uri); // the editor's spelling of the URI; the file comes back under ours
        }
        if (path != null && isWorkspaceNote(path) && Files.isRegularFile(path)) {
            NoteDocument fromDisk = read(path);
            if (fromDisk != null) {
                put(fromDisk);
                return;
            }
        }
        remove(uri);
    }

    // ---- disk events ----

    /** A note file was created or changed on disk; ignored while the editor owns it. */
    public NoteDocument fileChanged(Path path) {
        String uri = Uris.fromPath(path);
        if (!isNoteName(path)) {
            attachmentChanged(path, true);
            return null;
        }
        NoteDocument old = docs.get(uri);
        if (old != null && old.isOpen()) {
            return null;
        }
        if (!isWorkspaceNote(path) || !Files.isRegularFile(path)) {
            remove(uri);
            return null;
        }
        NoteDocument d = read(path);
        if (d == null) {
            remove(uri);
            return null;
        }
        put(d);
        return d;
    }

    public void fileDeleted(Path path) {
        String uri = Uris.fromPath(path);
        NoteDocument old = docs.get(uri);
        if (old != null && !old.isOpen()) {
            remove(uri);
        }
        Path abs = path.toAbsolutePath().normalize();
        if (old == null && files.contains(abs)) {
            files.remove(abs);
        } else if (old == null) {
            // Not a file we know: a deleted folder, and everything indexed under it is gone too.
            for (Path f : List.copyOf(files.all())) {
                if (f.startsWith(abs) && !f.equals(abs)) {
                    NoteDocument d = docs.get(Uris.fromPath(f));
                    if (d == null) {
                        files.remove(f);
                    } else if (!d.isOpen()) {
                        remove(d.uri());
                    }
                }
            }
        }
    }

    /** An attachment (any file that is not a note) appeared or went away. */
    private void attachmentChanged(Path path, boolean exists) {
        Path abs = path.toAbsolutePath().normalize();
        if (exists && isWorkspaceFile(abs) && Files.isRegularFile(abs)) {
            files.add(abs);
        } else if (!exists || !Files.exists(abs)) {
            files.remove(abs);
        }
    }

    private void remove(String uri) {
        uri = canonical(uri);
        NoteDocument removed = docs.remove(uri);
        unindex(uri, removed);
        backlinks.changed(uri);
        analyses.remove(uri);
        synchronized (notesByPaper) {
            String key = removed == null ? uri : removed.uri();
            listsByNote.remove(key);
            move(key, Set.of(), linkedPapersByNote, linkingNotesByPaper);
            Set<String> before = papersByNote.remove(key);
            if (before != null) {
                for (String id : before) {
                    Set<String> s = notesByPaper.get(id);
                    if (s != null) {
                        s.remove(removed == null ? uri : removed.uri());
                        if (s.isEmpty()) {
                            notesByPaper.remove(id);
                        }
                    }
                }
            }
        }
    }

    /**
     * Reads every note under the workspace folders that the editor does not own.
     *
     * @param cancelled checked between files; a scan stops early when it says so
     * @return the notes found
     */
    public int scan(BooleanSupplier cancelled) {
        List<Path> found = new ArrayList<>();
        List<Path> other = new ArrayList<>();
        for (Path root : roots) {
            try {
                Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                                if (cancelled.getAsBoolean()) {
                                    return FileVisitResult.TERMINATE;
                                }
                                if (!dir.equals(root) && skippedFolder(dir)) {
                                    return FileVisitResult.SKIP_SUBTREE;
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                                if (attrs.isRegularFile() && isNoteName(file)) {
                                    found.add(file);
                                } else if (attrs.isRegularFile() && !hidden(file)) {
                                    other.add(file.toAbsolutePath().normalize());
                                }
                                return FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e) {
                                LOG.fine("skipping " + file + ": " + e);
                                return FileVisitResult.CONTINUE;
                            }
                        });
            } catch (IOException e) {
                LOG.warning("cannot scan " + root + ": " + e.getMessage());
            }
        }
        Set<String> seen = new HashSet<>();
        for (Path f : found) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            Path real = CorpusFiles.realWithin(f, roots);
            if (real == null) {
                continue; // a link out of the workspace
            }
            String uri = Uris.fromPath(f);
            seen.add(uri);
            NoteDocument old = docs.get(uri);
            if (old != null && old.isOpen()) {
                continue;
            }
            NoteDocument d = read(f);
            if (d != null) {
                put(d);
            }
        }
        if (!cancelled.getAsBoolean()) {
            for (NoteDocument d : List.copyOf(docs.values())) {
                if (!d.isOpen() && !seen.contains(d.uri())) {
                    remove(d.uri());
                }
            }
            List<Path> all = new ArrayList<>(other);
            for (String key : linkableUris) {
                NoteDocument d = docs.get(key);
                if (d != null && d.path() != null) {
                    all.add(d.path());
                }
            }
            files.resetTo(all);
            scanned = true;
        }
        return seen.size();
    }

    private static boolean skippedFolder(Path dir) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return name.startsWith(".") || SKIPPED_FOLDERS.contains(name);
    }

    private static boolean hidden(Path p) {
        Path n = p.getFileName();
        return n == null || n.toString().startsWith(".");
    }

    /** Whether the workspace folders have been walked once since they were set. */
    public boolean scanned() {
        return scanned;
    }

    /** Under a workspace folder and not in a skipped (hidden, dependency, build) folder. */
    boolean isWorkspaceFile(Path abs) {
        if (hidden(abs)) {
            return false;
        }
        for (Path root : roots) {
            if (abs.startsWith(root) && !abs.equals(root)) {
                Path rel = root.relativize(abs);
                for (int i = 0; i < rel.getNameCount() - 1; i++) {
                    String part = rel.getName(i).toString();
                    if (part.startsWith(".") || SKIPPED_FOLDERS.contains(part)) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    static boolean isNoteName(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString();
        return !n.startsWith(".") && (n.endsWith(".md") || n.endsWith(".markdown"));
    }

    /** Under a workspace folder, not in a skipped folder, a Markdown file name. */
    public boolean isWorkspaceNote(Path path) {
        if (!isNoteName(path)) {
            return false;
        }
        Path abs = path.toAbsolutePath().normalize();
        for (Path root : roots) {
            if (abs.startsWith(root)) {
                Path rel = root.relativize(abs);
                for (int i = 0; i < rel.getNameCount() - 1; i++) {
                    String part = rel.getName(i).toString();
                    if (part.startsWith(".") || SKIPPED_FOLDERS.contains(part)) {
                        return false;
                    }
                }
                return CorpusFiles.within(abs, roots) || !Files.exists(abs);
            }
        }
        return false;
    }

    private static NoteDocument read(Path f) {
        try {
            if (Files.size(f) > MAX_SCANNED_NOTE_BYTES) {
                LOG.info("note " + f + " is larger than " + (MAX_SCANNED_NOTE_BYTES >> 20) + " MiB; not indexed");
                return null;
            }
            byte[] bytes = Files.readAllBytes(f);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                text = new String(bytes, StandardCharsets.UTF_8);
            }
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return new NoteDocument(Uris.fromPath(f), f.toAbsolutePath().normalize(), text, 0, false);
        } catch (IOException e) {
            LOG.fine("cannot read note " + f + ": " + e.getMessage());
            return null;
        }
    }

    // ---- analysis and the paper → notes map ----

    /** The note's references resolved against {@code index}, computed once per version and index. */
    public NoteAnalysis analysis(NoteDocument doc, PaperIndex index) throws IOException {
        String key = canonical(doc.uri());
        NoteAnalysis a = analyses.get(key);
        if (a != null && a.document() == doc && a.generation() == index.generation() && a.epoch() == epoch.get()) {
            return a;
        }
        a = NoteAnalysis.of(doc, index, mentionContext);
        if (docs.get(key) == doc) {
            // Recorded before it is published: whoever finds it at hand (isAnalyzed) trusts the
            // paper -> notes map to hold it, and skips the note (references, on another thread).
            record(doc.uri(), a);
            analyses.put(key, a);
        }
        return a;
    }

    private void record(String uri, NoteAnalysis a) {
        Set<PaperList> lists = new HashSet<>();
        Set<PaperList> linkedLists = new HashSet<>();
        for (PaperRef r : a.refs()) {
            PaperList l = new PaperList(r.paperIds());
            lists.add(l);
            if (r.kind() != PaperRef.Kind.MENTION) {
                linkedLists.add(l);
            }
        }
        // Kept for the notes the editor owns, which are analysed at every edit; a closed note is
        // analysed once per index, and a vault has thousands.
        boolean open = a.document().isOpen();
        synchronized (notesByPaper) {
            Recorded before = open ? listsByNote.get(uri) : null;
            if (before != null) {
                // An edit adds or drops a few names: only their lists' papers are looked at, not
                // every paper the note names (thousands, where a name is shared by many papers).
                before.all.change(uri, lists, papersByNote, notesByPaper);
                before.linked.change(uri, linkedLists, linkedPapersByNote, linkingNotesByPaper);
                if (lists.isEmpty()) {
                    listsByNote.remove(uri);
                }
                return;
            }
        }
        // A name written many times shares one list of papers: each list is added once.
        Set<String> ids = new HashSet<>();
        for (PaperList l : lists) {
            ids.addAll(l.ids());
        }
        Set<String> linked = new HashSet<>();
        for (PaperList l : linkedLists) {
            linked.addAll(l.ids());
        }
        synchronized (notesByPaper) {
            move(uri, linked, linkedPapersByNote, linkingNotesByPaper);
            move(uri, ids, papersByNote, notesByPaper);
            if (!open || ids.isEmpty()) {
                listsByNote.remove(uri);
            } else {
                listsByNote.put(uri, new Recorded(new ListCounts(lists), new ListCounts(linkedLists)));
            }
        }
    }

    /**
     * What an open note's last recorded analysis referred to: the lists of papers of all its
     * references, and of its links and citations alone.
     */
    private record Recorded(ListCounts all, ListCounts linked) {
    }

    /** Lists of paper ids, and in how many of them each paper is: a paper leaves the note when none holds it. */
    private static final class ListCounts {
        private Set<PaperList> lists;
        private final Map<String, Integer> counts = new HashMap<>();

        ListCounts(Set<PaperList> lists) {
            this.lists = lists;
            for (PaperList l : lists) {
                for (String id : l.ids()) {
                    counts.merge(id, 1, Integer::sum);
                }
            }
        }

        /** Moves {@code uri} in the maps to the papers of {@code now}. Hold the lock on {@code notesByPaper}. */
        void change(String uri, Set<PaperList> now, Map<String, Set<String>> byNote, Map<String, Set<String>> byPaper) {
            if (now.equals(lists)) {
                return; // most keystrokes: the same lists as the last analysis
            }
            Set<String> ids = byNote.get(uri);
            for (PaperList l : lists) {
                if (!now.contains(l)) {
                    for (String id : l.ids()) {
                        if (counts.merge(id, -1, Integer::sum) <= 0) {
                            counts.remove(id);
                            if (ids != null) {
                                ids.remove(id);
                            }
                            Set<String> s = byPaper.get(id);
                            if (s != null && s.remove(uri) && s.isEmpty()) {
                                byPaper.remove(id);
                            }
                        }
                    }
                }
            }
            for (PaperList l : now) {
                if (!lists.contains(l)) {
                    for (String id : l.ids()) {
                        if (counts.merge(id, 1, Integer::sum) == 1) {
                            if (ids == null) {
                                ids = new HashSet<>();
                                byNote.put(uri, ids);
                            }
                            ids.add(id);
                            byPaper.computeIfAbsent(id, k -> new HashSet<>()).add(uri);
                        }
                    }
                }
            }
            if (ids != null && ids.isEmpty()) {
                byNote.remove(uri);
            }
            lists = now;
        }
    }

    /**
     * A list of paper ids as a key: the same object (an index lookup hands one list out per name
     * while it is remembered), or the same few ids (a citation's one paper is a new list at each analysis).
     */
    private record PaperList(List<String> ids) {
        private static final int BY_CONTENT = 4;

        @Override
        public boolean equals(Object o) {
            return o instanceof PaperList p && (p.ids == ids || ids.size() <= BY_CONTENT && ids.equals(p.ids));
        }

        @Override
        public int hashCode() {
            return ids.size() <= BY_CONTENT ? ids.hashCode() : System.identityHashCode(ids);
        }
    }

    /** Replaces what {@code uri} contributed to a paper → notes map. Hold the lock on {@code notesByPaper}. */
    private static void move(String uri, Set<String> ids, Map<String, Set<String>> byNote,
            Map<String, Set<String>> byPaper) {
        Set<String> before = ids.isEmpty() ? byNote.remove(uri) : byNote.put(uri, ids);
        if (before != null && before.size() == ids.size() && before.containsAll(ids)) {
            return; // most keystrokes: the same papers as before
        }
        if (before != null) {
            for (String id : before) {
                if (!ids.contains(id)) {
                    Set<String> s = byPaper.get(id);
                    if (s != null) {
                        s.remove(uri);
                        if (s.isEmpty()) {
                            byPaper.remove(id);
                        }
                    }
                }
            }
        }
        // Only what is new: a keystroke's analysis mostly finds the papers it found before.
        for (String id : ids) {
            if (before == null || !before.contains(id)) {
                byPaper.computeIfAbsent(id, k -> new HashSet<>()).add(uri);
            }
        }
    }

    /** Whether the note's analysis for this version and this index is at hand (then the paper → notes map holds it). */
    public boolean isAnalyzed(NoteDocument doc, PaperIndex index) {
        NoteAnalysis a = analyses.get(canonical(doc.uri()));
        return a != null && a.document() == doc && a.generation() == index.generation() && a.epoch() == epoch.get();
    }

    /**
     * Analyses every note against {@code index}, so the paper → notes map is complete. A note
     * analysed before the note that links a paper had its short names of that paper as hints;
     * those notes are analysed once more at the end.
     */
    public void analyzeAll(PaperIndex index, BooleanSupplier cancelled) {
        List<NoteDocument> withHints = new ArrayList<>();
        for (NoteDocument d : List.copyOf(docs.values())) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            try {
                if (!analysis(d, index).hints().isEmpty()) {
                    withHints.add(d);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warning("cannot analyse " + d.uri() + ": " + e);
            }
        }
        for (NoteDocument d : withHints) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            NoteAnalysis a = analyses.get(canonical(d.uri()));
            if (a == null || a.document() != d || !hintLinkedElsewhere(a)) {
                continue;
            }
            try {
                analyses.remove(canonical(d.uri()), a);
                analysis(d, index);
            } catch (IOException | RuntimeException e) {
                LOG.warning("cannot analyse " + d.uri() + ": " + e);
            }
        }
        // Here, in the background, rather than in the first rename or "who links here".
        backlinks.sources(Set.of(), key -> linkableUris.contains(key) ? docs.get(key) : null);
    }

    private boolean hintLinkedElsewhere(NoteAnalysis a) {
        for (PaperRef h : a.hints()) {
            for (String id : h.paperIds()) {
                if (mentionContext.linkedElsewhere(id)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Notes that refer to the paper, as of their last analysis. */
    public Set<String> notesMentioning(String paperId) {
        synchronized (notesByPaper) {
            Set<String> s = notesByPaper.get(paperId);
            return s == null ? Set.of() : Set.copyOf(s);
        }
    }

    // ---- note names ----

    /** What {@code [[...]]} can call a note: its file name and its workspace path, without {@code .md}. */
    public List<String> namesOf(NoteDocument d) {
        List<String> out = new ArrayList<>(2);
        Path p = d.path();
        if (p == null) {
            return out;
        }
        out.add(stem(p.getFileName().toString()));
        for (Path root : roots) {
            if (p.startsWith(root) && !p.getParent().equals(root)) {
                out.add(stem(root.relativize(p).toString().replace('\\', '/')));
                break;
            }
        }
        return out;
    }

    /**
     * What a linkable note is called: its file name and its workspace path (both without {@code
     * .md}; the same when it lies at a root), and the key it is held under. {@code order} sorts
     * notes by name, then path, case aside, then as written.
     */
    public record NoteNames(String key, String name, String path, String order) {
        static NoteNames of(String key, List<String> names) {
            String name = names.get(0);
            String path = names.get(names.size() - 1);
            return new NoteNames(key, name, path, name.toLowerCase(java.util.Locale.ROOT) + '\u0000'
                    + path.toLowerCase(java.util.Locale.ROOT) + '\u0000' + path + '\u0000' + key);
        }
    }

    /** The names of the linkable note held under {@code key} (see {@link #notesByNameKey}), or null. */
    public NoteNames linkNames(String key) {
        return linkNames.get(key);
    }

    /** Counts changes to {@link #byName}'s keys: a remembered {@link #nameKeysContaining} answer is from before one. */
    private final java.util.concurrent.atomic.AtomicLong nameKeysChanged = new java.util.concurrent.atomic.AtomicLong();

    private record Containing(String key, long changes, List<String> keys) {
    }

    private volatile Containing lastContaining;

    /**
     * The keys of {@link #notesByNameKey} that contain {@code key}, in no particular order. Typing
     * goes on from the last key asked: the keys containing the longer one are among those containing
     * it, so each keystroke filters the last answer instead of every note's names.
     */
    public List<String> nameKeysContaining(String key) {
        long changes = nameKeysChanged.get();
        Containing last = lastContaining;
        Collection<String> from = last != null && last.changes() == changes && key.startsWith(last.key())
                ? last.keys() : byName.keySet();
        List<String> out = new ArrayList<>();
        for (String k : from) {
            if (k.contains(key)) {
                out.add(k);
            }
        }
        lastContaining = new Containing(key, changes, List.copyOf(out));
        return out;
    }

    /** Every linkable note's names, sorted by {@link NoteNames#order} (a live view). */
    public Collection<NoteNames> linkNamesInOrder() {
        return java.util.Collections.unmodifiableCollection(inOrder.values());
    }

    /** The key {@code uri} is held under (see {@link #notesByNameKey}). */
    public static String keyOf(String uri) {
        return canonical(uri);
    }

    /**
     * Linkable notes by the {@code NameKeys.spaced} form of each of their names (read-only view):
     * completion matches typed text against these keys without normalizing every note's name.
     */
    public Map<String, Set<String>> notesByNameKey() {
        return java.util.Collections.unmodifiableMap(byName);
    }

    /**
     * Notes a wiki-link target names (from no note in particular): by path or file name, alias,
     * or with case and punctuation spacing forgiven; best first.
     */
    public List<NoteDocument> resolveNote(String target) {
        return notesOf(resolver.resolve(null, target, false));
    }

    /** Notes a wiki-link target written in {@code source} names, best first (see {@link #resolve}). */
    public List<NoteDocument> resolveNote(NoteDocument source, String target) {
        return notesOf(resolver.resolve(source == null ? null : source.path(), target, false));
    }

    // ---- links to notes and files ----

    /** Where {@code link}, written in {@code source}, leads among the workspace's notes and files. */
    public LinkTarget resolve(NoteDocument source, Link link) {
        return resolver.resolve(source == null ? null : source.path(), link.target(), link instanceof MarkdownLink);
    }

    /** Where a target written in {@code source} leads; {@code markdown} for a Markdown link's path. */
    public LinkTarget resolve(NoteDocument source, String target, boolean markdown) {
        return resolver.resolve(source == null ? null : source.path(), target, markdown);
    }

    /** The linkable note stored in {@code file}, or null when it is not a note (an image, say). */
    public NoteDocument noteAt(Path file) {
        if (file == null) {
            return null;
        }
        String key = keyByPath.get(file);
        return key != null && linkableUris.contains(key) ? docs.get(key) : null;
    }

    /** The notes among a link's files, best first. */
    public List<NoteDocument> notesOf(LinkTarget target) {
        List<NoteDocument> out = new ArrayList<>(target.files().size());
        for (Path p : target.files()) {
            NoteDocument d = noteAt(p);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    /** {@code file}'s path relative to its workspace folder (its folder when there is none), lower-cased, with {@code /}. */
    private String relativeKey(Path file) {
        Path root = rootOf(file);
        return LinkResolver.relative(root == null ? file.getParent() : root, file);
    }

    String relativeKeyOf(Path file) {
        return files.relative(file);
    }

    /** The workspace folder {@code file} is in (the deepest, if folders nest), or null. */
    public Path rootOf(Path file) {
        Path best = null;
        for (Path root : roots) {
            if (file.startsWith(root) && (best == null || root.getNameCount() > best.getNameCount())) {
                best = root;
            }
        }
        return best;
    }

    /** The front-matter aliases of a linkable note. */
    public List<String> aliases(NoteDocument d) {
        return aliasesOf.getOrDefault(canonical(d.uri()), List.of());
    }

    /**
     * Notes that may link to {@code note} (by its file name or an alias); a superset: resolve each
     * link to be sure. Reads only the notes changed since the last question.
     */
    public List<NoteDocument> mayLinkTo(NoteDocument note) {
        return note.path() == null ? List.of() : mayLinkTo(note.path());
    }

    /** Notes that may link to the file (by its name, or an alias if it is a note); see {@link #mayLinkTo(NoteDocument)}. */
    public List<NoteDocument> mayLinkTo(Path file) {
        Set<String> keys = new HashSet<>();
        keys.add(Backlinks.key(file.getFileName().toString()));
        NoteDocument note = noteAt(file);
        if (note != null) {
            for (String a : aliases(note)) {
                keys.add(Backlinks.key(a));
            }
        }
        Set<String> uris = backlinks.sources(keys, key -> linkableUris.contains(key) ? docs.get(key) : null);
        List<NoteDocument> out = new ArrayList<>(uris.size());
        for (String key : uris) {
            NoteDocument d = docs.get(key);
            if (d != null) {
                out.add(d);
            }
        }
        out.sort((a, b) -> a.uri().compareTo(b.uri()));
        return out;
    }

    /** Every file under the workspace folders (notes and attachments); a live, read-only view. */
    public Set<Path> files() {
        return java.util.Collections.unmodifiableSet(files.all());
    }

    /** Files named {@code fileName}, case forgiven. */
    public Set<Path> filesNamed(String fileName) {
        return java.util.Collections.unmodifiableSet(files.named(fileName));
    }

    WorkspaceFiles fileIndex() {
        return files;
    }

    List<Path> pathsWithAlias(String alias) {
        return pathsOf(byAlias.get(aliasKey(alias)));
    }

    List<Path> pathsByLooseName(String target) {
        String t = target.strip();
        if (t.endsWith(".md")) {
            t = t.substring(0, t.length() - 3);
        }
        String key = NameKeys.spaced(t);
        return key.isEmpty() ? List.of() : pathsOf(byName.get(key));
    }

    private List<Path> pathsOf(Set<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return List.of();
        }
        List<Path> out = new ArrayList<>(keys.size());
        for (String key : keys) {
            NoteDocument d = docs.get(key);
            if (d != null && d.path() != null) {
                out.add(d.path());
            }
        }
        return out;
    }

    static String stem(String fileName) {
        if (fileName.endsWith(".markdown")) {
            return fileName.substring(0, fileName.length() - 9);
        }
        return fileName.endsWith(".md") ? fileName.substring(0, fileName.length() - 3) : fileName;
    }
}
