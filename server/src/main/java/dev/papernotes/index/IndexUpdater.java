package dev.papernotes.index;

import static dev.papernotes.index.IndexSchema.*;

import dev.papernotes.corpus.CorpusEntry;
import dev.papernotes.corpus.CorpusFiles;
import dev.papernotes.corpus.CorpusWarning;
import dev.papernotes.corpus.DailyPapersReader;
import dev.papernotes.corpus.Occurrence;
import dev.papernotes.corpus.PaperKey;
import dev.papernotes.names.Citekeys;
import dev.papernotes.names.MethodNames;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Brings the index up to date with the corpus: only new or changed files are read; papers they
 * touch are merged with what the index already holds about them, so that the result is the same as
 * a build from nothing (same papers, occurrences, names and citekeys).
 *
 * <p>A full build streams: each paper is written when first seen, and only papers seen again
 * (the same title on another page) are kept in memory, as bare occurrences, until the end.
 */
final class IndexUpdater {
    private final IndexWriter writer;
    private final List<Path> roots;
    private final Consumer<CorpusWarning> warnings;
    private final UpdateProgress progress;

    private DirectoryReader before;
    private boolean full;
    private final Map<String, Pending> pending = new HashMap<>();
    private LongIntTable fresh;
    private LongIntTable citekeyCounts;
    /** Citekey bases of papers written in this run: in an incremental run, their suffixes are settled last. */
    private final Set<String> freshBases = ConcurrentHashMap.newKeySet();
    /** Names are extracted and documents built on these, while the reader thread parses pages. */
    private ExecutorService workers;
    private Semaphore inFlight;
    private final AtomicReference<Throwable> workerFailure = new AtomicReference<>();
    private long entries;
    private int filesRead;
    private int filesRemoved;
    private int warningCount;

    /** Occurrences found for a paper that already has a document (from before, or this run). */
    private static final class Pending {
        final List<Occurrence> occurrences = new ArrayList<>(2);
        /** Title and abstract, kept only when the paper was not first written in this run. */
        CorpusEntry firstEntry;
    }

    IndexUpdater(IndexWriter writer, List<Path> roots, Consumer<CorpusWarning> warnings, UpdateProgress progress) {
        this.writer = writer;
        this.roots = roots;
        this.warnings = w -> {
            warningCount++;
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
            Map<Path, FileFingerprint> newPrints = new LinkedHashMap<>();
            Set<String> touchedFiles = new HashSet<>();
            for (Path f : files) {
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(f, BasicFileAttributes.class);
                } catch (IOException e) {
                    warnings.accept(new CorpusWarning(f, 0, "cannot read file: " + e.getMessage()));
                    continue;
                }
                long size = attrs.size();
                long mtime = attrs.lastModifiedTime().toMillis();
                FileFingerprint old = known.remove(f.toString());
                if (old != null && old.sameStat(size, mtime)) {
                    continue;
                }
                if (old != null && old.sha256().equals(sha256(f))) {
                    // Touched, not changed: remember the new stat so it is not hashed again.
                    newPrints.put(f, new FileFingerprint(f.toString(), size, mtime, old.sha256()));
                    continue;
                }
                toRead.add(f);
                touchedFiles.add(f.toString());
            }
            Set<String> removed = known.keySet();
            filesRead = toRead.size();
            filesRemoved = removed.size();
            touchedFiles.addAll(removed);
            if (toRead.isEmpty() && removed.isEmpty() && newPrints.isEmpty()) {
                return false;
            }

            fresh = new LongIntTable(1024);
            citekeyCounts = new LongIntTable(1024);
            Set<String> dirty = new HashSet<>();
            for (String f : touchedFiles) {
                for (int doc : DocLookup.find(before, FILE, f)) {
                    dirty.add(before.storedFields().document(doc, Set.of(ID)).get(ID));
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
            inFlight = new Semaphore(256 * threads);
            try {
                for (Path f : toRead) {
                    String hash = readFile(f);
                    BasicFileAttributes attrs = Files.readAttributes(f, BasicFileAttributes.class);
                    newPrints.put(f, new FileFingerprint(f.toString(), attrs.size(),
                            attrs.lastModifiedTime().toMillis(), hash));
                    failIfWorkerFailed();
                }
                pageDone(true);
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

            progress.phase("merging papers");
            dirty.addAll(pending.keySet());
            Set<String> touchedBases = new HashSet<>();
            DirectoryReader afterWrites = DirectoryReader.open(writer);
            try {
                for (String id : dirty) {
                    merge(id, touchedFiles, afterWrites, touchedBases);
                }
            } finally {
                afterWrites.close();
            }
            if (!full) {
                progress.phase("assigning citekeys");
                touchedBases.addAll(freshBases);
                reassignCitekeys(touchedBases);
            }
            return true;
        } finally {
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

    private String readFile(Path f) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream raw = Files.newInputStream(f);
                InputStream counted = new CountingStream(raw, progress);
                InputStream in = new java.io.BufferedInputStream(new DigestInputStream(counted, digest), 1 << 16)) {
            DailyPapersReader.read(f, in, this::accept, warnings);
        } catch (IOException e) {
            warnings.accept(new CorpusWarning(f, 0, "cannot read file: " + e.getMessage()));
        }
        pageDone(false);
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private void accept(CorpusEntry e) {
        entries++;
        String id = PaperKey.idOf(e.title());
        long idHash = Long.parseUnsignedLong(id, 16);
        Held held = window.get(id);
        if (held != null) {
            held.occurrences.add(e.occurrence()); // seen again while still held: merged for free
            return;
        }
        Pending p = pending.get(id);
        if (p != null) {
            p.occurrences.add(e.occurrence());
            return;
        }
        try {
            boolean seenBefore = fresh.get(idHash) > 0;
            boolean existed = !full && !seenBefore && DocLookup.exists(before, ID, id);
            if (seenBefore || existed) {
                p = new Pending();
                p.occurrences.add(e.occurrence());
                if (existed) {
                    p.firstEntry = e;
                }
                pending.put(id, p);
                return;
            }
            window.put(id, new Held(e, id, pageNumber));
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /**
     * A paper seen for the first time, held for a few pages before it is written: daily pages
     * repeat trending papers within days, and a repeat found while held costs nothing, where one
     * found later means indexing the paper twice.
     */
    private static final class Held {
        final CorpusEntry first;
        final String id;
        final int page;
        final List<Occurrence> occurrences = new ArrayList<>(2);

        Held(CorpusEntry first, String id, int page) {
            this.first = first;
            this.id = id;
            this.page = page;
            occurrences.add(first.occurrence());
        }
    }

    /** Pages a new paper is held for (a month of daily pages; a few MB). */
    private static final int WINDOW_PAGES = 32;
    private final LinkedHashMap<String, Held> window = new LinkedHashMap<>();
    private int pageNumber;

    /** A page ended: write the papers that have been held long enough, oldest first. */
    private void pageDone(boolean last) {
        pageNumber++;
        var it = window.values().iterator();
        while (it.hasNext()) {
            Held h = it.next();
            if (!last && h.page > pageNumber - WINDOW_PAGES) {
                break; // insertion order is page order: the rest are younger
            }
            it.remove();
            submit(h);
        }
    }

    private void submit(Held h) {
        fresh.increment(Long.parseUnsignedLong(h.id, 16));
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

    private long submitted;
    /** The sequence number whose turn it is to take a citekey. */
    private long turn;
    private final Object turnstile = new Object();

    /**
     * Writes a new paper, on a worker. Names are extracted in parallel; citekeys are then taken
     * one paper at a time in submission order, which is corpus order, so in a full build the
     * suffixes ({@code -2}, {@code -3}) are final as written. In an incremental run the bare base
     * is written and settled at the end, against the papers already in the index.
     */
    private void writeFresh(Held h, long seq) throws Exception {
        CorpusEntry e = h.first;
        List<String> methods = null;
        Throwable failed = null;
        try {
            methods = MethodNames.extract(e.title(), e.abstractText());
        } catch (Throwable t) {
            failed = t;
        }
        String base = methods == null ? "" : Citekeys.base(methods, e.title());
        String citekey = base;
        synchronized (turnstile) {
            while (turn != seq) {
                turnstile.wait();
            }
            try {
                if (failed == null && full) {
                    int n = citekeyCounts.increment(LongIntTable.hash(base));
                    citekey = withSuffix(base, n);
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
        if (!full) {
            freshBases.add(base);
        }
        List<Occurrence> occurrences = new ArrayList<>(h.occurrences);
        occurrences.sort(CORPUS_ORDER);
        Paper paper = new Paper(h.id, e.title(), e.abstractText(), methods, citekey, List.copyOf(occurrences));
        writer.addDocument(PaperDocuments.toDocument(paper, base));
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

    /** Recomputes one paper from what the index had, what this run wrote and what it found again. */
    private void merge(String id, Set<String> touchedFiles, DirectoryReader afterWrites, Set<String> touchedBases)
            throws IOException {
        Paper old = load(before, id);
        Paper written = fresh.get(Long.parseUnsignedLong(id, 16)) > 0 ? load(afterWrites, id) : null;
        Pending p = pending.get(id);

        TreeSet<Occurrence> occurrences = new TreeSet<>(CORPUS_ORDER);
        Map<Occurrence, Object> sourceOf = new HashMap<>();
        if (old != null) {
            touchedBases.add(baseOf(before, id));
            for (Occurrence o : old.occurrences()) {
                if (!touchedFiles.contains(o.file().toString())) {
                    occurrences.add(o);
                    sourceOf.putIfAbsent(o, old);
                }
            }
        }
        if (written != null) {
            for (Occurrence o : written.occurrences()) {
                occurrences.add(o);
                sourceOf.put(o, written);
            }
        }
        if (p != null) {
            occurrences.addAll(p.occurrences);
            if (p.firstEntry != null) {
                sourceOf.put(p.firstEntry.occurrence(), p.firstEntry);
            }
        }
        if (occurrences.isEmpty()) {
            writer.deleteDocuments(new Term(ID, id));
            return;
        }
        Object source = sourceOf.get(occurrences.first());
        String title;
        String abstractText;
        List<String> methods;
        if (source instanceof CorpusEntry e) {
            title = e.title();
            abstractText = e.abstractText();
            methods = MethodNames.extract(title, abstractText);
        } else {
            Paper from = source instanceof Paper sp ? sp : (written != null ? written : old);
            title = from.title();
            abstractText = from.abstractText();
            methods = from.methods();
        }
        String base = Citekeys.base(methods, title);
        touchedBases.add(base);
        // A full build wrote final citekeys; an incremental run settles every touched base at the end.
        String citekey = full && written != null ? written.citekey() : base;
        Paper merged = new Paper(id, title, abstractText, methods, citekey, List.copyOf(occurrences));
        writer.updateDocument(new Term(ID, id), PaperDocuments.toDocument(merged, base));
    }

    /** Gives every paper sharing a touched citekey base its suffix by corpus order. */
    private void reassignCitekeys(Set<String> bases) throws IOException {
        if (bases.isEmpty()) {
            return;
        }
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            StoredFields stored = reader.storedFields();
            for (String base : bases) {
                List<Paper> papers = new ArrayList<>();
                for (int doc : DocLookup.find(reader, CITEKEY_BASE, base)) {
                    papers.add(PaperDocuments.toPaper(stored.document(doc)));
                }
                papers.sort(Comparator.comparing(pp -> pp.occurrences().get(0), CORPUS_ORDER));
                for (int i = 0; i < papers.size(); i++) {
                    Paper pp = papers.get(i);
                    String key = withSuffix(base, i + 1);
                    if (!key.equals(pp.citekey())) {
                        Paper fixed = new Paper(pp.id(), pp.title(), pp.abstractText(), pp.methods(), key,
                                pp.occurrences());
                        writer.updateDocument(new Term(ID, pp.id()), PaperDocuments.toDocument(fixed, base));
                    }
                }
            }
        }
    }

    static final Comparator<Occurrence> CORPUS_ORDER = Comparator
            .comparing((Occurrence o) -> o.file().toString())
            .thenComparingInt(Occurrence::line);

    static String withSuffix(String base, int n) {
        return n <= 1 ? base : base + "-" + n;
    }

    private static Paper load(DirectoryReader reader, String id) throws IOException {
        List<Integer> docs = DocLookup.find(reader, ID, id);
        return docs.isEmpty() ? null : PaperDocuments.toPaper(reader.storedFields().document(docs.get(0)));
    }

    private static String baseOf(DirectoryReader reader, String id) throws IOException {
        List<Integer> docs = DocLookup.find(reader, ID, id);
        return docs.isEmpty() ? "" : reader.storedFields().document(docs.get(0), Set.of(CITEKEY_BASE)).get(CITEKEY_BASE);
    }

    static Map<String, FileFingerprint> fingerprints(DirectoryReader reader) throws IOException {
        Map<String, FileFingerprint> out = new HashMap<>();
        IndexSearcher searcher = new IndexSearcher(reader);
        TopDocs hits = searcher.search(new TermQuery(new Term(TYPE, TYPE_FILE)), Integer.MAX_VALUE);
        StoredFields stored = reader.storedFields();
        for (var sd : hits.scoreDocs) {
            Document d = stored.document(sd.doc);
            out.put(d.get(PATH), new FileFingerprint(d.get(PATH), d.getField(SIZE).numericValue().longValue(),
                    d.getField(MTIME).numericValue().longValue(), d.get(HASH)));
        }
        return out;
    }

    private static Document fingerprintDocument(FileFingerprint p) {
        Document d = new Document();
        d.add(new StringField(TYPE, TYPE_FILE, Field.Store.NO));
        d.add(new StringField(PATH, p.path(), Field.Store.YES));
        d.add(new StoredField(SIZE, p.size()));
        d.add(new StoredField(MTIME, p.mtimeMillis()));
        d.add(new StoredField(HASH, p.sha256()));
        return d;
    }

    private static String sha256(Path f) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
