package dev.papernotes.index;

import static dev.papernotes.index.IndexSchema.*;

import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.CorpusFiles;
import dev.papernotes.corpus.CorpusFormat;
import dev.papernotes.corpus.CorpusReaders;
import dev.papernotes.corpus.CorpusWarning;
import dev.papernotes.corpus.EntrySink;
import dev.papernotes.corpus.Occurrence;
import dev.papernotes.names.Citekeys;
import dev.papernotes.names.MethodNames;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Brings the index up to date with the corpus: only new or changed files are read; the papers they
 * touch are merged with what the index already holds about them, so that the result is the same as
 * a build from nothing (same papers, occurrences, names and citekeys).
 *
 * <p>The work is split the way the data flows: {@link CorpusReaders} turn files into entries;
 * {@link IdentityTable} decides which entries are one paper; {@link PaperMerger} makes one paper of
 * them; this class only orders the writes. A paper seen for the first time is held for a while
 * (repeats come soon on daily pages and cost nothing while held), then written by a worker; one
 * seen again after it was written, or matching a paper from before, waits in {@code pending} and
 * is merged with the stored paper at the end (or when too many wait).
 *
 * <p>A library file read again is compared entry by entry with what it held: an entry that says the
 * same as before leaves its paper alone (only its line is recorded anew), so re-reading a large
 * Better BibTeX export after one change rewrites one paper, not forty thousand.
 */
final class IndexUpdater {
    /** Cluster states: not written yet, written by this run, or stored before this run. */
    private static final byte HELD = 1;
    private static final byte WRITTEN = 2;
    private static final byte EXISTING = 3;

    /** Pages a new paper is held for (a month of daily pages; a few MB). */
    private static final int WINDOW_PAGES = 32;
    /**
     * Entries held at most: one large library file must not be held whole. Above a month of daily
     * pages (32 pages of up to 150 entries), so that pages are held by age alone.
     */
    private static final int MAX_HELD = 8192;
    /**
     * Characters held at most of the file being read (titles, abstracts and a share for the rest of
     * an entry): a daily page is far below it (150 papers are 0.3M); a library file, which has no
     * pages to age by, is held by it rather than by {@link #MAX_HELD}: 8192 arXiv entries were 12 MB.
     * A repeat found after its paper was written costs a merge that reads the index, nothing else.
     */
    static final long MAX_FILE_CHARS = 2L << 20;
    /** {@link #MAX_FILE_CHARS}, lowered by tests to hold a small file in parts. */
    static volatile long fileCharsHeld = MAX_FILE_CHARS;
    private final long maxFileChars = fileCharsHeld;
    private long largestFileChars;
    /** Entries waiting for a merge at most, before they are merged in the middle of the run. */
    private static final int MAX_PENDING = 8192;
    /** Papers one merge may pull in through shared keys: a title thousands share is not one paper. */
    private static final int MAX_COMPONENT_DOCS = 256;

    private final IndexWriter writer;
    private final List<Path> roots;
    private final Consumer<CorpusWarning> warnings;
    private final UpdateProgress progress;
    private final long stamp = System.nanoTime() | 1;

    private DirectoryReader before;
    private boolean full;
    private final Set<String> touchedFiles = new HashSet<>();
    private FixedBitSet gone;
    private final OldEntries oldEntries = new OldEntries();
    /**
     * Clusters the identity table of a full build holds at most: past it, the keys of papers
     * already written move to {@link #olderKeys} and the table starts again, so a build's memory
     * does not grow with the corpus (an exact table costs about 45 MB at a million papers).
     */
    static final int MAX_CLUSTERS = 1 << 17;
    /** Tests set a small table to exercise the roll-over on a small corpus. */
    static volatile int clustersPerTable = MAX_CLUSTERS;

    private IdentityTable identity = new IdentityTable(1024);
    /** Identity keys of papers written before the table last rolled over (full builds); null until then. */
    private KeyFilter olderKeys;
    /** Citekey bases counted before the table last rolled over: a base seen again is settled at the end. */
    private KeyFilter olderBases;
    private int rollOvers;
    /** The table size at which it rolls over next (the papers still held are filed in the new table too). */
    private int nextRollOver = clustersPerTable;
    private int largestTable;
    private final LinkedHashMap<Integer, Held> window = new LinkedHashMap<>();
    private final Map<Integer, List<CorpusEntry>> pending = new HashMap<>();
    /** Stored papers already claimed by a cluster of this run: before-doc id + 1, by doc. */
    private final LongIntTable existingDocCluster = new LongIntTable(64);
    private int heldEntries;
    /** Characters of the entries held that the file being read holds ({@link #MAX_FILE_CHARS}). */
    private long fileChars;
    private int pendingEntries;
    private int pageNumber;
    private Path currentFile;
    private List<String> currentWarnings;

    private LongIntTable citekeyCounts;
    /** Citekey bases that need their suffixes settled at the end. */
    private final Set<String> touchedBases = ConcurrentHashMap.newKeySet();
    /** Library keys written by this run: a generated key that equals one must give way. */
    private final Set<String> libraryKeysWritten = ConcurrentHashMap.newKeySet();
    /** Names are extracted and documents built on these, while the reader thread parses files. */
    private ExecutorService workers;
    private Semaphore inFlight;
    /** A first build's writer settings (no merges until the end), or null for an incremental update. */
    private BulkBuild bulk;
    private int permits;
    private final AtomicReference<Throwable> workerFailure = new AtomicReference<>();
    private long submitted;
    /** The sequence number whose turn it is to take a citekey. */
    private long turn;
    private final Object turnstile = new Object();

    private long entries;
    private final java.util.concurrent.atomic.AtomicLong papersWritten = new java.util.concurrent.atomic.AtomicLong();
    private int filesRead;
    private int filesRemoved;
    /** Paper documents deleted or rewritten in place (the mention dictionary depends on them). */
    private int paperDocsChanged;
    private int warningCount;

    /** A paper seen for the first time, held before it is written. */
    private static final class Held {
        final int page;
        final List<CorpusEntry> sources = new ArrayList<>(2);
        /** The names of the stored paper this one replaces, when its title and abstract are unchanged. */
        Reuse reuse;

        Held(int page) {
            this.page = page;
        }
    }

    /** Method names that can be taken over instead of extracted again. */
    private record Reuse(String title, long abstractFingerprint, List<String> methods) {
        List<String> methodsFor(String t, String a) {
            return title.equals(t) && abstractFingerprint == EntrySink.fingerprint(a, 0) ? methods : null;
        }
    }

    IndexUpdater(IndexWriter writer, List<Path> roots, Consumer<CorpusWarning> warnings, UpdateProgress progress) {
        this.writer = writer;
        this.roots = roots;
        this.warnings = w -> {
            warningCount++;
            if (currentWarnings != null && w.file().equals(currentFile) && currentWarnings.size() < 100) {
                currentWarnings.add(w.line() + "\t" + w.message());
            }
            warnings.accept(w);
        };
        this.progress = progress;
    }

    /**
     * Applies the corpus changes to the writer without committing.
     *
     * @return false when nothing changed
     */
    boolean apply() throws IOException {
        progress.phase("scanning corpus");
        List<Path> realRoots = CorpusFiles.roots(roots, warnings);
        List<Path> files = CorpusFiles.list(realRoots, warnings);
        before = DirectoryReader.open(writer);
        try {
            full = !DocLookup.exists(before, TYPE, TYPE_PAPER);
            Map<String, FileFingerprint> known = fingerprints(before);
            List<Path> toRead = new ArrayList<>();
            Map<Path, BasicFileAttributes> statOf = new HashMap<>();
            Map<Path, FileFingerprint> newPrints = new LinkedHashMap<>();
            for (Path f : files) {
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(f, BasicFileAttributes.class);
                } catch (IOException e) {
                    warnings.accept(new CorpusWarning(f, 0, "cannot read file: " + e.getMessage()));
                    known.remove(f.toString()); // keep what it held: it may come back
                    continue;
                }
                long size = attrs.size();
                long mtime = attrs.lastModifiedTime().toMillis();
                FileFingerprint old = known.remove(f.toString());
                if (old != null && old.sameStat(size, mtime)) {
                    continue;
                }
                // Same size, new time: most likely touched or rewritten as it was, which a hash tells
                // without reading. A new size is a change: the file is hashed while it is read, once.
                String hash = old == null || old.size() != size ? null : ContentHash.of(f);
                if (old != null && old.contentHash().equals(hash)) {
                    // Touched, not changed: remember the new stat so it is not hashed again.
                    newPrints.put(f, new FileFingerprint(f.toString(), size, mtime, old.contentHash(), old.warnings()));
                    continue;
                }
                if (old != null && !looksComplete(f, size)) {
                    // Still being written (or cut short): the papers of its last good read stay.
                    String note = "the file ends inside an entry (still being written?); keeping the papers of "
                            + "its last complete read until it reads whole again";
                    warnings.accept(new CorpusWarning(f, 0, note));
                    List<String> w = new ArrayList<>(old.warnings());
                    w.add(0, "0\t" + note);
                    newPrints.put(f, old.withWarnings(w));
                    continue;
                }
                toRead.add(f);
                statOf.put(f, attrs);
                touchedFiles.add(f.toString());
            }
            Set<String> removed = known.keySet();
            filesRead = toRead.size();
            filesRemoved = removed.size();
            touchedFiles.addAll(removed);
            if (toRead.isEmpty() && removed.isEmpty() && newPrints.isEmpty()) {
                return false;
            }

            gone = new FixedBitSet(Math.max(1, before.maxDoc()));
            citekeyCounts = new LongIntTable(1024);
            if (!full) {
                for (Path f : toRead) {
                    oldEntries.load(before, f.toString());
                }
                for (String f : removed) {
                    writer.deleteDocuments(new Term(ENTRY_FILE, f));
                }
                for (String r : removed) {
                    // Papers found only in a removed file go with it.
                    markGone(SOLE_FILE, r);
                    writer.deleteDocuments(new Term(SOLE_FILE, r));
                }
            }

            long totalBytes = 0;
            for (Path f : toRead) {
                totalBytes += Files.size(f);
            }
            progress.phase("reading papers");
            progress.reading(totalBytes);
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            workers = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "papernotes-indexer");
                t.setDaemon(true);
                return t;
            });
            permits = 256 * threads;
            inFlight = new Semaphore(permits);
            bulk = full && BulkBuild.enabled ? BulkBuild.start(writer) : null;
            try {
                for (Path f : toRead) {
                    currentFile = f;
                    currentWarnings = new ArrayList<>();
                    String hash = readFile(f);
                    BasicFileAttributes attrs = statOf.get(f);
                    newPrints.put(f, new FileFingerprint(f.toString(), attrs.size(),
                            attrs.lastModifiedTime().toMillis(), hash, currentWarnings));
                    currentFile = null;
                    currentWarnings = null;
                    failIfWorkerFailed();
                }
                pageDone(true);
                drainWorkers();
                progress.phase("merging papers");
                mergePending(dirtyPapers(removed));
                for (String gone : oldEntries.unseenRefs()) {
                    writer.deleteDocuments(new Term(ENTRY_REF, gone)); // entries no longer in their file
                }
            } finally {
                workers.shutdown();
                awaitWorkers();
            }
            failIfWorkerFailed();
            for (String r : removed) {
                writer.deleteDocuments(new Term(PATH, r));
            }
            for (FileFingerprint p : newPrints.values()) {
                writer.updateDocument(new Term(PATH, p.path()), fingerprintDocument(p));
            }
            progress.phase("assigning citekeys");
            settleCitekeys();
            dropIdentityTables();
            if (bulk != null) {
                progress.phase("merging segments");
                bulk.finish();
            }
            return true;
        } finally {
            if (bulk != null) {
                bulk.close();
            }
            before.close();
        }
    }

    long entries() {
        return entries;
    }

    int filesRead() {
        return filesRead;
    }

    int filesRemoved() {
        return filesRemoved;
    }

    int warningCount() {
        return warningCount;
    }

    boolean wasFull() {
        return full;
    }

    long papersWritten() {
        return papersWritten.get();
    }

    /**
     * Whether any paper document was written, deleted or rewritten: if not (files only touched,
     * entries only moved), what the mention dictionary is built from is as it was.
     */
    boolean papersChanged() {
        return full || papersWritten.get() > 0 || paperDocsChanged > 0 || filesRemoved > 0;
    }

    private static boolean looksComplete(Path f, long size) {
        try {
            CorpusFormat format = CorpusReaders.formatOf(f);
            if (size == 0) {
                return !format.isLibrary(); // an export being rewritten is empty for a moment
            }
            return format.reader().looksComplete(f);
        } catch (IOException e) {
            return true; // reading it will say what is wrong
        }
    }

    private void markGone(String field, String value) throws IOException {
        for (int doc : DocLookup.find(before, field, value)) {
            gone.set(doc);
        }
    }

    // ---- reading ----

    /** Reads one file; returns its {@link ContentHash}, taken over the whole file as it is read. */
    private String readFile(Path f) throws IOException {
        String hashed = null;
        try (InputStream raw = Files.newInputStream(f);
                InputStream counted = new CountingStream(raw, progress);
                ContentHash hashing = new ContentHash(counted);
                InputStream in = new java.io.BufferedInputStream(hashing, 1 << 16)) {
            CorpusReaders.read(f, in, sink, warnings);
            hashed = hashing.whole();
        } catch (IOException e) {
            warnings.accept(new CorpusWarning(f, 0, "cannot read file: " + e.getMessage()));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        pageDone(false);
        return hashed != null ? hashed : ""; // unreadable: no hash equals it, so it is read again
    }

    /**
     * What the readers hand entries to. An entry of a file read again whose text fingerprint is
     * the one recorded is not even parsed: its paper stays, only its line is written down anew.
     */
    private final EntrySink sink = new EntrySink() {
        @Override
        public boolean isUnchanged(Occurrence at, long fingerprint) {
            if (full) {
                return false;
            }
            int old = oldEntries.find(at);
            return old >= 0 && oldEntries.hash(old) == fingerprint;
        }

        @Override
        public void unchanged(Occurrence at, long fingerprint) {
            unchanged(at, fingerprint, -1);
        }

        @Override
        public void unchanged(Occurrence at, long fingerprint, long start) {
            entries++;
            try {
                keep(oldEntries.find(at), at, start);
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }

        @Override
        public void accept(CorpusEntry e, long fingerprint) {
            try {
                acceptEntry(e, fingerprint);
                if (overHeld()) {
                    // here, after the entry: a repeat joining a held paper adds to what is held too
                    expireHeld(false);
                }
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }
    };

    /** The text fingerprints of sources not written yet (by occurrence), for their entry documents. */
    private final Map<Occurrence, Long> fingerprints = new ConcurrentHashMap<>();

    private void acceptEntry(CorpusEntry e, long fingerprint) throws IOException {
        entries++;
        if (full && identity.size() >= nextRollOver) {
            rollOver();
        }
        Occurrence o = e.occurrence();
        int replacing = -1;
        if (!o.handle().isEmpty()) {
            long hash = fingerprint != 0 ? fingerprint : MetadataCodec.contentHash(e);
            fingerprints.put(o, hash);
            int old = full ? -1 : oldEntries.find(o);
            if (old >= 0) {
                oldEntries.see(old);
                if (oldEntries.hash(old) == hash) {
                    fingerprints.remove(o);
                    keep(old, o, e.abstractSpan() == null ? -1 : e.abstractSpan().offset());
                    return;
                }
                replacing = old;
            }
        }
        IdentityKeys keys = IdentityKeys.of(e);
        int c = identity.find(keys);
        if (c >= 0) {
            absorb(c, identity.joined());
            identity.register(c, keys);
            addToCluster(identity.root(c), e);
            return;
        }
        if (olderKeys != null && writtenBefore(keys)) {
            // Likely the same as a paper written before the roll-over: merged with it through the
            // index, like a repeat of a stored paper (a false hit merges with nothing).
            c = identity.create(EXISTING);
            identity.register(c, keys);
            addToCluster(c, e);
            return;
        }
        Reuse reuse = null;
        if (!full) {
            List<Integer> docs = storedMatches(keys);
            if (!docs.isEmpty()) {
                int doc = docs.get(0);
                if (docs.size() == 1 && replaces(doc, o, replacing)) {
                    // The stored paper was this entry alone, as it read before: written anew.
                    reuse = reuseOf(doc);
                    writer.deleteDocuments(new Term(ID, StoredPapers.header(before, doc).id()));
                    paperDocsChanged++;
                    gone.set(doc);
                    if (replacing >= 0) {
                        oldEntries.keep(replacing); // settled: its paper is the one written now
                    }
                } else {
                    int target = -1;
                    for (int d : docs) {
                        int claimed = existingDocCluster.get(d + 1L) - 1;
                        if (claimed >= 0) {
                            if (target < 0) {
                                target = identity.root(claimed);
                            } else if (identity.root(claimed) != target) {
                                target = identity.union(target, claimed);
                                absorb(target, identity.joined());
                            }
                        }
                    }
                    if (target < 0) {
                        target = identity.create(EXISTING);
                    }
                    for (int d : docs) {
                        existingDocCluster.put(d + 1L, target + 1);
                    }
                    identity.register(target, keys);
                    addToCluster(identity.root(target), e);
                    return;
                }
            }
        }
        c = identity.create(HELD);
        identity.register(c, keys);
        Held h = new Held(pageNumber);
        h.sources.add(e);
        h.reuse = reuse;
        window.put(c, h);
        held(h, e, 1);
    }

    private boolean overHeld() {
        return heldEntries > MAX_HELD || fileChars > maxFileChars;
    }

    /** Counts an entry of {@code h} in ({@code sign} 1) or out (-1) of what is held. */
    private void held(Held h, CorpusEntry e, int sign) {
        heldEntries += sign;
        if (h.page == pageNumber) {
            fileChars += sign * (e.title().length() + e.abstractText().length() + 256L);
            largestFileChars = Math.max(largestFileChars, fileChars);
        }
    }

    private void released(Held h) {
        for (CorpusEntry e : h.sources) {
            held(h, e, -1);
        }
    }

    private boolean writtenBefore(IdentityKeys k) {
        return olderKeys.mightContain(k.doiHash()) || olderKeys.mightContain(k.arxivHash())
                || olderKeys.mightContain(k.titleAuthorHash()) || olderKeys.mightContain(k.titleHash());
    }

    /**
     * Starts a new identity table (full builds, when the table is full): what waits for a merge is
     * merged, the keys of written papers go to {@link #olderKeys}, and the papers still held are
     * filed again in the new table, so nothing held loses its repeats.
     */
    private void rollOver() throws IOException {
        drainWorkers();
        mergePending(List.of());
        if (olderKeys == null) {
            long budget = Math.max(1L << 20, Math.min(16L << 20, Runtime.getRuntime().maxMemory() / 32));
            olderKeys = KeyFilter.ofBytes(budget);
            olderBases = KeyFilter.ofBytes(budget / 2);
        }
        identity.forEachKey(olderKeys::add);
        if (citekeyCounts.size() >= citekeyBasesPerTable()) {
            // Counted anew from here: a base seen again has its suffixes settled at the end.
            citekeyCounts.forEachKey(olderBases::add);
            citekeyCounts = new LongIntTable(1024);
            citekeyRollOvers++;
        }
        IdentityTable next = new IdentityTable(1024);
        LinkedHashMap<Integer, Held> held = new LinkedHashMap<>();
        for (Held h : window.values()) {
            int c = next.create(HELD);
            for (CorpusEntry s : h.sources) {
                next.register(c, IdentityKeys.of(s));
            }
            held.put(c, h);
        }
        window.clear();
        window.putAll(held);
        largestTable = Math.max(largestTable, identity.size());
        identity = next;
        nextRollOver = next.size() + clustersPerTable;
        rollOvers++;
    }

    /**
     * Once the citekeys are settled, the tables that said which entries are one paper and counted
     * citekey bases are done with. At a 256 MB heap they may hold up to ~30 MB (2^17 clusters, key
     * filters of 8 and 4 MB, 12 MB of base counts) that the segment merge and the mention dictionary
     * after it can use.
     */
    private void dropIdentityTables() {
        largestTable = Math.max(largestTable, identity.size());
        identity = new IdentityTable(16);
        olderKeys = null;
        olderBases = null;
        citekeyCounts = new LongIntTable(16);
        touchedBases.clear();
    }

    /**
     * Citekey bases counted at most before the count table starts again (checked when the identity
     * table rolls over). Counts kept across roll-overs make the suffixes final as they are written;
     * every base counted anew instead sent all its papers to be read back and rewritten at the end
     * (at a million papers that was three minutes of one thread). A base costs 12-24 bytes: this
     * keeps the table within about a twentieth of the heap (12 MB at 256 MB).
     */
    private static int citekeyBasesPerTable() {
        int forTests = citekeyBasesPerTableForTests;
        if (forTests > 0) {
            return forTests;
        }
        return (int) Math.max(1 << 16, Math.min(1 << 24, Runtime.getRuntime().maxMemory() / 512));
    }

    /** Tests set a small table to exercise the citekey roll-over on a small corpus (0: by heap). */
    static volatile int citekeyBasesPerTableForTests;
    private int citekeyRollOvers;

    /** How often the citekey count table started again (tests). */
    int citekeyRollOvers() {
        return citekeyRollOvers;
    }

    /** How often the identity table rolled over (tests). */
    int rollOvers() {
        return rollOvers;
    }

    /** The most characters of the file being read held at once, as {@link #MAX_FILE_CHARS} counts (tests). */
    long largestFileChars() {
        return largestFileChars;
    }

    /** The most clusters the identity table held at once (tests). */
    int largestIdentityTable() {
        return Math.max(largestTable, identity.size());
    }

    /**
     * An entry read again unchanged: its paper stays as it is; where it is now (its line, and its
     * start when {@code start} is not -1) is written down in place, a doc-values update, not a new
     * document.
     */
    private void keep(int old, Occurrence at, long start) throws IOException {
        oldEntries.keep(old);
        oldEntries.see(old);
        List<Field> moved = new ArrayList<>(2);
        if (oldEntries.line(old) != at.line()) {
            moved.add(new NumericDocValuesField(ENTRY_LINE, at.line()));
        }
        if (start >= 0 && oldEntries.start(old) >= 0 && oldEntries.start(old) != start) {
            moved.add(new NumericDocValuesField(ENTRY_START, start));
        }
        if (!moved.isEmpty()) {
            // One update for both: a line put first in a million-line file moves every entry.
            writer.updateDocValues(new Term(ENTRY_REF, PaperDocuments.entryRef(at)), moved.toArray(new Field[0]));
        }
    }

    /**
     * Sources of clusters that the last lookup merged into {@code c} follow it. When a cluster that
     * is still held joins one that has a document, what it holds must be merged with that document.
     */
    private void absorb(int c, int[] joined) throws IOException {
        if (joined.length == 0) {
            return;
        }
        int root = identity.root(c);
        boolean anyDocument = false;
        for (int g : joined) {
            anyDocument |= identity.ownState(g) != HELD;
        }
        if (anyDocument && identity.ownState(root) == HELD) {
            Held rh = window.remove(root);
            identity.setState(root, EXISTING);
            if (rh != null) {
                released(rh);
                for (CorpusEntry e : rh.sources) {
                    addToCluster(root, e);
                }
            }
        }
        for (int g : joined) {
            Held h = window.remove(g);
            List<CorpusEntry> p = pending.remove(g);
            if (h != null) {
                released(h);
                for (CorpusEntry e : h.sources) {
                    addToCluster(root, e);
                }
            }
            if (p != null) {
                pendingEntries -= p.size();
                for (CorpusEntry e : p) {
                    addToCluster(root, e);
                }
            }
        }
    }

    private void addToCluster(int root, CorpusEntry e) throws IOException {
        if (identity.state(root) == HELD) {
            Held h = window.get(root);
            if (h != null) {
                h.sources.add(e);
                held(h, e, 1);
                return;
            }
            identity.setState(root, WRITTEN);
        }
        pending.computeIfAbsent(root, k -> new ArrayList<>(2)).add(e);
        if (++pendingEntries > MAX_PENDING) {
            drainWorkers();
            mergePending(List.of());
        }
    }

    /** Stored papers (before this run, still there) that share an identity key with the entry. */
    private List<Integer> storedMatches(IdentityKeys keys) throws IOException {
        List<Integer> out = new ArrayList<>(1);
        for (String term : keys.terms()) {
            for (int doc : DocLookup.find(before, IDENT, term, 8)) {
                if (gone.get(doc) || out.contains(doc)) {
                    continue;
                }
                if (IdentityKeys.isTitleTerm(term) && !keys.author().isEmpty()) {
                    String a = StoredPapers.header(before, doc).authorKey();
                    if (!a.isEmpty() && !a.equals(keys.author())) {
                        continue; // the same title by someone else
                    }
                }
                out.add(doc);
            }
        }
        return out;
    }

    /** Whether stored paper {@code doc} was exactly the old reading of this entry, and nothing else. */
    private boolean replaces(int doc, Occurrence o, int replacing) throws IOException {
        if (existingDocCluster.get(doc + 1L) != 0) {
            return false;
        }
        PaperHeader h = StoredPapers.header(before, doc);
        if (h.sources() != 1 || !h.firstFile().equals(o.file())) {
            return false;
        }
        if (o.handle().isEmpty()) {
            return h.firstHandle().isEmpty(); // a page's source is never kept: read again, it replaces
        }
        return replacing >= 0 && h.firstHandle().equals(o.handle());
    }

    private Reuse reuseOf(int doc) throws IOException {
        Document d = before.storedFields().document(doc, Set.of(TITLE, ABSTRACT, ABSTRACT_FROM, ABSTRACT_AT, METHOD));
        return new Reuse(d.get(TITLE), PaperDocuments.abstractFingerprint(d), List.of(d.getValues(METHOD)));
    }

    /** A file ended: write the papers that have been held long enough, oldest first. */
    private void pageDone(boolean last) throws IOException {
        pageNumber++;
        fileChars = 0; // what is held now is of earlier files, aged by pages
        expireHeld(last);
    }

    private void expireHeld(boolean all) throws IOException {
        boolean over = overHeld();
        var it = window.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Integer, Held> e = it.next();
            Held h = e.getValue();
            boolean enough = !over || heldEntries <= MAX_HELD / 2 && fileChars <= maxFileChars / 2;
            if (!all && h.page > pageNumber - WINDOW_PAGES && enough) {
                break; // insertion order is age order: the rest are younger
            }
            it.remove();
            released(h);
            identity.setState(e.getKey(), WRITTEN);
            submit(h);
        }
    }

    // ---- writing ----

    private void submit(Held h) {
        long seq = submitted++;
        inFlight.acquireUninterruptibly();
        workers.execute(() -> {
            try {
                writeFresh(h, seq);
            } catch (Throwable t) {
                workerFailure.compareAndSet(null, t);
            } finally {
                inFlight.release();
            }
        });
    }

    /**
     * Writes a new paper, on a worker. Names are extracted in parallel; citekeys are then taken
     * one paper at a time in submission order, which is corpus order, so in a full build the
     * suffixes ({@code -2}, {@code -3}) are final as written. In an incremental run the bare base
     * is written and settled at the end, against the papers already in the index.
     */
    private void writeFresh(Held h, long seq) throws Exception {
        PaperMerger.Merged m = PaperMerger.merge(h.sources);
        List<String> methods = null;
        Throwable failed = null;
        try {
            methods = h.reuse == null ? null : h.reuse.methodsFor(m.title(), m.abstractText());
            if (methods == null) {
                methods = MethodNames.extract(m.title(), m.abstractText());
            }
        } catch (Throwable t) {
            failed = t;
        }
        String library = m.libraryKey();
        String base = methods == null || !library.isEmpty() ? "" : Citekeys.base(methods, m.title());
        String citekey = library.isEmpty() ? base : library;
        synchronized (turnstile) {
            while (turn != seq) {
                turnstile.wait();
            }
            try {
                if (failed == null && full && library.isEmpty()) {
                    long baseHash = LongIntTable.hash(base);
                    int n = citekeyCounts.increment(baseHash);
                    citekey = withSuffix(base, n);
                    if (olderBases != null && olderBases.mightContain(baseHash)) {
                        touchedBases.add(base); // counted before the roll-over too: settled at the end
                    }
                }
            } finally {
                turn++;
                turnstile.notifyAll();
            }
        }
        if (failed instanceof Exception ex) {
            throw ex;
        } else if (failed != null) {
            throw (Error) failed;
        }
        if (!full && library.isEmpty()) {
            touchedBases.add(base);
        }
        write(m, methods, citekey, base);
    }

    private void write(PaperMerger.Merged m, List<String> methods, String citekey, String base) throws IOException {
        if (!full) {
            libraryKeysWritten.addAll(m.libraryKeys()); // a full build reads them back from the index
        }
        papersWritten.incrementAndGet();
        Paper paper = new Paper(m.id(), m.title(), m.abstractText(), methods, citekey, m.occurrences(), m.metadata());
        writer.addDocument(PaperDocuments.toDocument(paper, m.sources(), m.libraryKeys(), base, stamp));
        for (CorpusEntry s : m.sources()) {
            if (!s.occurrence().handle().isEmpty()) {
                Long fingerprint = fingerprints.remove(s.occurrence());
                long hash = fingerprint != null ? fingerprint : MetadataCodec.contentHash(s);
                writer.updateDocument(new Term(ENTRY_REF, PaperDocuments.entryRef(s.occurrence())),
                        PaperDocuments.entryDocument(s.occurrence(), hash, m.id(), s.abstractSpan()));
            }
        }
    }

    // ---- merging ----

    /**
     * The stored papers that lost a source: those of library entries not read again unchanged, those
     * with a daily page read again, those found in a removed file besides others.
     */
    private List<String> dirtyPapers(Set<String> removed) throws IOException {
        if (full) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>(oldEntries.papersOfUnkept());
        for (String f : touchedFiles) {
            if (oldEntries.hadEntries(f) && !removed.contains(f)) {
                continue; // its entries said which papers changed
            }
            for (int doc : DocLookup.find(before, FILE, f)) {
                if (!gone.get(doc)) {
                    ids.add(StoredPapers.header(before, doc).id());
                }
            }
        }
        return new ArrayList<>(ids);
    }

    /** Merges what waits with the stored papers it belongs to, and recomputes papers that lost a source. */
    private void mergePending(List<String> dirty) throws IOException {
        if (pending.isEmpty() && dirty.isEmpty()) {
            return;
        }
        try (DirectoryReader now = DirectoryReader.open(writer)) {
            Set<String> consumed = new HashSet<>();
            for (Map.Entry<Integer, List<CorpusEntry>> e : pending.entrySet()) {
                mergeComponent(now, e.getValue(), null, consumed);
            }
            for (String id : dirty) {
                if (!consumed.contains(id)) {
                    List<Integer> docs = DocLookup.find(now, ID, id, 1);
                    if (!docs.isEmpty()) {
                        mergeComponent(now, List.of(), docs.get(0), consumed);
                    }
                }
            }
        }
        pending.clear();
        pendingEntries = 0;
    }

    /**
     * Recomputes the papers connected to some new sources (or to one stored paper): every stored
     * paper sharing an identity key with them is read back, its sources that still hold (not from a
     * file read again, unless read again unchanged) join the new ones, and the lot is grouped into
     * papers again and written in place of the stored ones.
     */
    private void mergeComponent(DirectoryReader now, List<CorpusEntry> fresh, Integer seedDoc, Set<String> consumed)
            throws IOException {
        List<CorpusEntry> sources = new ArrayList<>(fresh);
        Map<String, StoredPapers.Loaded> docs = new LinkedHashMap<>();
        Deque<Object[]> queue = new ArrayDeque<>();
        for (CorpusEntry e : fresh) {
            IdentityKeys k = IdentityKeys.of(e);
            for (String t : k.terms()) {
                queue.add(new Object[] {t, k.author()});
            }
        }
        if (seedDoc != null) {
            take(now, seedDoc, docs, sources, queue, consumed);
        }
        Set<String> looked = new HashSet<>();
        while (!queue.isEmpty() && docs.size() < MAX_COMPONENT_DOCS) {
            Object[] q = queue.poll();
            String term = (String) q[0];
            String author = (String) q[1];
            if (!looked.add(term + "\u0001" + author)) {
                continue;
            }
            for (int doc : DocLookup.find(now, IDENT, term, MAX_COMPONENT_DOCS)) {
                if (IdentityKeys.isTitleTerm(term) && !author.isEmpty()) {
                    String a = StoredPapers.header(now, doc).authorKey();
                    if (!a.isEmpty() && !a.equals(author)) {
                        continue;
                    }
                }
                take(now, doc, docs, sources, queue, consumed);
            }
        }
        if (sources.isEmpty() && docs.isEmpty()) {
            return;
        }
        for (StoredPapers.Loaded l : docs.values()) {
            writer.deleteDocuments(new Term(ID, l.paper().id()));
            paperDocsChanged++;
            for (CorpusEntry s : l.sources()) {
                if (!s.occurrence().handle().isEmpty()) {
                    // rewritten below with the paper it ends up in, with the fingerprint it has now
                    List<Integer> entry = DocLookup.find(now, ENTRY_REF, PaperDocuments.entryRef(s.occurrence()), 1);
                    if (!entry.isEmpty()) {
                        fingerprints.putIfAbsent(s.occurrence(), StoredPapers.numeric(now, entry.get(0), ENTRY_HASH));
                    }
                    writer.deleteDocuments(new Term(ENTRY_REF, PaperDocuments.entryRef(s.occurrence())));
                }
            }
            if (!l.citekeyBase().isEmpty()) {
                touchedBases.add(l.citekeyBase());
            }
        }
        for (List<CorpusEntry> group : PaperMerger.cluster(sources)) {
            PaperMerger.Merged m = PaperMerger.merge(group);
            List<String> methods = null;
            for (StoredPapers.Loaded l : docs.values()) {
                if (l.paper().title().equals(m.title()) && l.paper().abstractText().equals(m.abstractText())) {
                    methods = l.paper().methods();
                    break;
                }
            }
            if (methods == null) {
                methods = MethodNames.extract(m.title(), m.abstractText());
            }
            String library = m.libraryKey();
            String base = library.isEmpty() ? Citekeys.base(methods, m.title()) : "";
            if (!base.isEmpty()) {
                touchedBases.add(base);
            }
            write(m, methods, library.isEmpty() ? base : library, base);
        }
    }

    /** Reads back one stored paper into a merge, with the sources of it that still hold. */
    private void take(DirectoryReader now, int doc, Map<String, StoredPapers.Loaded> docs, List<CorpusEntry> sources,
            Deque<Object[]> queue, Set<String> consumed) throws IOException {
        PaperHeader h = StoredPapers.header(now, doc);
        if (docs.containsKey(h.id()) || consumed.contains(h.id())) {
            return;
        }
        StoredPapers.Loaded l = StoredPapers.load(now, doc);
        docs.put(h.id(), l);
        consumed.add(h.id());
        boolean current = l.stamp() == stamp;
        for (CorpusEntry s : l.sources()) {
            Occurrence o = s.occurrence();
            boolean holds = current || !touchedFiles.contains(o.file().toString()) || oldEntries.isKept(o);
            if (!holds) {
                continue;
            }
            sources.add(s);
            IdentityKeys k = IdentityKeys.of(s);
            for (String t : k.terms()) {
                queue.add(new Object[] {t, k.author()});
            }
        }
    }

    // ---- citekeys ----

    /**
     * Generated citekeys: every touched base gets its suffixes in corpus order, skipping keys that a
     * library uses; a generated key that a library key written now equals gives way.
     */
    private void settleCitekeys() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            // A full build wrote final suffixes for the papers it wrote first; merged papers, and
            // every paper written by an incremental run, have their bases settled here.
            Set<String> bases = new HashSet<>(touchedBases);
            // A library key finds its own paper, whose base is empty: after a full build, known
            // without reading a million papers' stored fields (a Deflate block each); an
            // incremental run reads the few it wrote rather than walk every paper without a base.
            FixedBitSet noBase = full ? DocLookup.all(reader, CITEKEY_BASE, "") : null;
            for (String key : full ? libraryKeys(reader) : libraryKeysWritten) {
                for (int doc : DocLookup.find(reader, CITEKEY, key.toLowerCase(java.util.Locale.ROOT))) {
                    if (noBase != null && noBase.get(doc)) {
                        continue;
                    }
                    String base = reader.storedFields().document(doc, Set.of(CITEKEY_BASE)).get(CITEKEY_BASE);
                    if (base != null && !base.isEmpty()) {
                        bases.add(base);
                    }
                }
            }
            bases.remove("");
            reassignCitekeys(reader, bases);
        }
    }

    /**
     * Every library key in the index, streamed from its terms (after a full build: every key this
     * run wrote, without holding a million of them in a set).
     */
    private static Iterable<String> libraryKeys(DirectoryReader reader) throws IOException {
        Terms terms = org.apache.lucene.index.MultiTerms.getTerms(reader, LIBRARY_KEY);
        if (terms == null) {
            return List.of();
        }
        TermsEnum te = terms.iterator();
        return () -> new java.util.Iterator<>() {
            private BytesRef next = advance();

            private BytesRef advance() {
                try {
                    return te.next();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public String next() {
                String s = next.utf8ToString();
                next = advance();
                return s;
            }
        };
    }

    /** Gives every paper sharing a base its suffix by corpus order, skipping library keys. */
    private void reassignCitekeys(DirectoryReader reader, Set<String> bases) throws IOException {
        for (String base : bases) {
            List<StoredPapers.Loaded> papers = new ArrayList<>();
            for (int doc : DocLookup.find(reader, CITEKEY_BASE, base)) {
                papers.add(StoredPapers.load(reader, doc));
            }
            papers.sort(Comparator.comparing(l -> l.paper().occurrences().get(0), PaperMerger.CORPUS_ORDER));
            int n = 0;
            for (StoredPapers.Loaded l : papers) {
                String key;
                do {
                    key = withSuffix(base, ++n);
                } while (DocLookup.exists(reader, LIBRARY_KEY, key));
                Paper pp = l.paper();
                if (!key.equals(pp.citekey())) {
                    Paper fixed = new Paper(pp.id(), pp.title(), pp.abstractText(), pp.methods(), key,
                            pp.occurrences(), pp.metadata());
                    writer.updateDocument(new Term(ID, pp.id()),
                            PaperDocuments.toDocument(fixed, l.sources(), List.of(), base, l.stamp()));
                    paperDocsChanged++;
                }
            }
        }
    }

    static String withSuffix(String base, int n) {
        return n <= 1 ? base : base + "-" + n;
    }

    // ---- workers ----

    /** Waits until every submitted paper is written, so that a reader of the writer sees them. */
    private void drainWorkers() throws IOException {
        inFlight.acquireUninterruptibly(permits);
        inFlight.release(permits);
        failIfWorkerFailed();
    }

    private void awaitWorkers() throws IOException {
        try {
            while (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                // keep waiting: every submitted paper must be written before the merge phase
            }
        } catch (InterruptedException ex) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("indexing interrupted");
        }
    }

    private void failIfWorkerFailed() throws IOException {
        Throwable t = workerFailure.get();
        if (t instanceof IOException io) {
            throw io;
        } else if (t instanceof RuntimeException re) {
            throw re;
        } else if (t instanceof Error err) {
            throw err;
        } else if (t != null) {
            throw new IOException(t);
        }
    }

    // ---- file fingerprints ----

    static Map<String, FileFingerprint> fingerprints(DirectoryReader reader) throws IOException {
        Map<String, FileFingerprint> out = new HashMap<>();
        IndexSearcher searcher = new IndexSearcher(reader);
        TopDocs hits = searcher.search(new TermQuery(new Term(TYPE, TYPE_FILE)), Integer.MAX_VALUE);
        StoredFields stored = reader.storedFields();
        for (var sd : hits.scoreDocs) {
            Document d = stored.document(sd.doc);
            out.put(d.get(PATH), new FileFingerprint(d.get(PATH), d.getField(SIZE).numericValue().longValue(),
                    d.getField(MTIME).numericValue().longValue(), d.get(HASH), List.of(d.getValues(WARNING))));
        }
        return out;
    }

    private static Document fingerprintDocument(FileFingerprint p) {
        Document d = new Document();
        d.add(new StringField(TYPE, TYPE_FILE, Field.Store.NO));
        d.add(new StringField(PATH, p.path(), Field.Store.YES));
        d.add(new StoredField(SIZE, p.size()));
        d.add(new StoredField(MTIME, p.mtimeMillis()));
        d.add(new StoredField(HASH, p.contentHash()));
        for (String w : p.warnings()) {
            d.add(new StoredField(WARNING, w));
        }
        return d;
    }

    /** Reports bytes as they are read, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        private final UpdateProgress progress;

        CountingStream(InputStream in, UpdateProgress progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                progress.advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                progress.advance(n);
            }
            return n;
        }
    }
}
