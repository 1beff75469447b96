package dev.papernotes.index;

import static dev.papernotes.index.IndexSchema.*;

import dev.papernotes.corpus.CorpusWarning;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.function.UnaryOperator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.MMapDirectory;

/**
 * The index folder: one process holds the writer (Lucene's write lock) and keeps the index up to
 * date; any other process on the same folder opens it read-only and follows the writer's commits.
 * Commits are atomic, so a process killed at any moment leaves the last good commit.
 */
public final class IndexStore implements Closeable {
    private static final Logger LOG = Logger.getLogger(IndexStore.class.getName());
    private static final String MENTIONS_PREFIX = "mentions_";
    private static final String MENTIONS_SUFFIX = ".fst";

    private final Path path;
    private final Directory directory;
    private final List<Path> roots;
    private IndexWriter writer;
    private final String openNote;
    /** A commit known to be damaged or of another schema: never served. */
    private final long refusedGeneration;
    private final double ramBufferMb;
    private volatile PaperIndex current;
    private long currentGeneration = -1;
    /** The mention dictionary whose bytes were (or are being) checked. */
    private String verifiedMentions;
    /** What the update marker left by an earlier process says (an update that did not finish), or null. */
    private final String unfinishedUpdate;

    private IndexStore(Path path, Directory directory, List<Path> roots, IndexWriter writer, String openNote,
            long refusedGeneration, double ramBufferMb) throws IOException {
        this.path = path;
        this.directory = directory;
        this.roots = roots;
        this.writer = writer;
        this.openNote = openNote;
        this.refusedGeneration = refusedGeneration;
        this.ramBufferMb = ramBufferMb;
        this.unfinishedUpdate = writer == null ? null : readUpdateMarker(path);
        this.current = PaperIndex.empty();
        try {
            refresh();
        } catch (IOException | RuntimeException e) {
            LOG.warning("cannot open the last commit of " + path + ": " + e);
        }
    }

    /**
     * Opens (creating if needed) the index at {@code path} for {@code roots}. Takes the writer when
     * no other process holds it; otherwise the store is read-only. An index of another schema
     * version, one that cannot be read, or one whose files fail their checksums after an unclean
     * stop is started over by the writer (the damaged commit is never served).
     */
    public static IndexStore open(Path path, List<Path> roots, double ramBufferMb) throws IOException {
        return open(path, roots, ramBufferMb, directoryWrapper);
    }

    /**
     * Wraps every index directory this process opens; the identity except in fault-injection tests,
     * which make reads fail to check that a disk error becomes an error reply and not a dead server.
     */
    private static volatile UnaryOperator<Directory> directoryWrapper = d -> d;

    public static void wrapDirectoriesForTests(UnaryOperator<Directory> wrapper) {
        directoryWrapper = wrapper == null ? d -> d : wrapper;
    }

    /** As {@link #open(Path, List, double)}, with the directory wrapped (tests inject faults here). */
    static IndexStore open(Path path, List<Path> roots, double ramBufferMb, UnaryOperator<Directory> wrap)
            throws IOException {
        Files.createDirectories(path);
        Directory dir = wrap.apply(new SuggestSafeDirectory(IndexFiles.open(path)));
        List<String> notes = new ArrayList<>();
        IndexWriter writer;
        boolean rebuild = false;
        try {
            writer = openWriter(dir, ramBufferMb, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        } catch (LockObtainFailedException e) {
            String note = "another papernotes process is updating " + path + "; using its last commit read-only";
            LOG.info(note);
            return new IndexStore(path, dir, roots, null, note, -1, ramBufferMb);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            notes.add("the index at " + path + " is damaged (" + e.getMessage() + "); rebuilding it from the corpus");
            clear(dir);
            try {
                writer = openWriter(dir, ramBufferMb, IndexWriterConfig.OpenMode.CREATE);
            } catch (LockObtainFailedException raced) {
                return new IndexStore(path, dir, roots, null, notes.get(0), -1, ramBufferMb);
            }
        }
        long lastGeneration = lastGeneration(dir);
        Path marker = path.resolve(SESSION_MARKER);
        if (lastGeneration >= 0 && Files.exists(marker)) {
            // The last writer did not close cleanly: check every byte of its commit.
            String damage = verifyChecksums(dir);
            if (damage != null) {
                notes.add("the index at " + path + " failed its checksums after an unclean stop (" + damage
                        + "); rebuilding it from the corpus");
                rebuild = true;
            }
        }
        Map<String, String> data = toMap(writer.getLiveCommitData());
        if (lastGeneration >= 0 && !rebuild && !VERSION.equals(data.get(DATA_SCHEMA))) {
            notes.add("the index at " + path + " has schema " + data.get(DATA_SCHEMA) + ", not " + VERSION
                    + "; rebuilding it");
            rebuild = true;
        }
        if (rebuild) {
            writer.deleteAll();
        }
        Files.writeString(marker, Long.toString(ProcessHandle.current().pid()));
        String note = notes.isEmpty() ? null : String.join("; ", notes);
        if (note != null) {
            LOG.warning(note);
        }
        return new IndexStore(path, dir, roots, writer, note, rebuild ? lastGeneration : -1, ramBufferMb);
    }

    private static final String SESSION_MARKER = "papernotes.writer";
    /** Present from the start of an update until it is committed (or found to change nothing). */
    private static final String UPDATE_MARKER = "papernotes.updating";

    private static String readUpdateMarker(Path path) {
        Path marker = path.resolve(UPDATE_MARKER);
        try {
            return Files.exists(marker) ? "an update started " + Files.readString(marker).strip() + " did not finish" : null;
        } catch (IOException e) {
            return "an earlier update did not finish";
        }
    }

    static IndexWriter openWriter(Directory dir, double ramBufferMb, IndexWriterConfig.OpenMode mode)
            throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(IndexSchema.writerAnalyzer())
                .setCodec(IndexSchema.codec())
                .setOpenMode(mode)
                .setCommitOnClose(false)
                .setUseCompoundFile(false)
                .setRAMBufferSizeMB(Math.min(ramBufferMb, Math.max(8, Runtime.getRuntime().maxMemory() / 4 / (1 << 20))));
        TieredMergePolicy merges = new TieredMergePolicy();
        merges.setNoCFSRatio(0.0);
        config.setMergePolicy(merges);
        return new IndexWriter(dir, config);
    }

    /**
     * Removes a damaged index's files, holding the write lock: even a writer that starts over
     * cannot open while an unreadable commit is there.
     */
    private static void clear(Directory dir) throws IOException {
        try (org.apache.lucene.store.Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            for (String file : dir.listAll()) {
                if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    dir.deleteFile(file);
                }
            }
        }
    }

    private static long lastGeneration(Directory dir) {
        try {
            return SegmentInfos.readLatestCommit(dir).getGeneration();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Reads every file of the last commit against its checksum; the first damage found, or null. */
    static String verifyChecksums(Directory dir) {
        try {
            SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
            for (String file : infos.files(true)) {
                try (IndexInput in = dir.openInput(file, IOContext.READONCE)) {
                    CodecUtil.checksumEntireFile(in);
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    public Path path() {
        return path;
    }

    /** The writer, or null when read-only (tests look at what it keeps open). */
    IndexWriter writer() {
        return writer;
    }

    public boolean isWritable() {
        return writer != null;
    }

    /**
     * When this process holds the writer and an earlier update of this index was stopped before
     * its commit (killed, out of memory, a full disk): what its marker says; null otherwise. The
     * last commit is then complete but behind the corpus.
     */
    public String unfinishedUpdate() {
        return unfinishedUpdate;
    }

    /** Whether a commit is being served (false for an index never built, or only refused commits). */
    public synchronized boolean hasCommit() {
        return currentGeneration >= 0;
    }

    /** Why the store opened the way it did (rebuild, read-only), or null when all was normal. */
    public String openNote() {
        return openNote;
    }

    /**
     * Reads what changed in the corpus and commits. Does nothing (and returns
     * {@code committed=false}) when the corpus is unchanged; {@code rebuild} starts from nothing.
     */
    public synchronized UpdateResult update(Consumer<CorpusWarning> warnings, UpdateProgress progress, boolean rebuild)
            throws IOException {
        PhaseClock clock = new PhaseClock(progress); // the result says where a long update's time went
        progress = clock;
        if (writer == null) {
            throw new IllegalStateException("index " + path + " is open read-only: another process holds its lock");
        }
        if (!writer.isOpen()) {
            // A failed commit (a full disk, say) closed the writer; the last commit is intact.
            writer = openWriter(directory, ramBufferMb, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        }
        long start = System.nanoTime();
        Path marker = path.resolve(UPDATE_MARKER);
        Files.writeString(marker, "at " + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + " by process " + ProcessHandle.current().pid());
        boolean schemaMissing = !VERSION.equals(writer.getLiveCommitData() == null ? null
                : toMap(writer.getLiveCommitData()).get(DATA_SCHEMA));
        if (rebuild) {
            writer.deleteAll();
        }
        IndexUpdater updater = new IndexUpdater(writer, roots, warnings, progress);
        boolean changed;
        try {
            changed = updater.apply();
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
        boolean committed = false;
        long served = -1;
        try {
            if (changed && !rebuild && !schemaMissing && !updater.wasFull() && mentionsPresent()) {
                // The papers are served first, with the dictionary of the last commit; the
                // dictionary (a pass over every paper's names) follows in a second commit.
                commitPapers(updater.papersChanged(), progress);
                committed = true;
                refresh();
                served = (System.nanoTime() - start) / 1_000_000;
                if (updater.papersChanged()) {
                    commitIfNeeded(true, progress);
                }
            } else {
                committed = commitIfNeeded(changed || rebuild || schemaMissing || !mentionsPresent(), progress);
            }
        } catch (IOException | RuntimeException e) {
            try {
                writer.rollback();
            } catch (IOException | RuntimeException ignored) {
                // already closed by the failure
            }
            throw e;
        }
        refresh();
        // Committed, or nothing to commit: the index is as current as the corpus. A failure above
        // leaves the marker, so read-only commands can say the index is behind.
        Files.deleteIfExists(marker);
        int papers;
        try (PaperIndex idx = acquire()) {
            papers = idx.paperCount();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new UpdateResult(updater.wasFull(), updater.filesRead(), updater.filesRemoved(), updater.entries(),
                papers, updater.warningCount(), committed, millis, updater.papersWritten(),
                served < 0 ? millis : served, clock.stop());
    }

    /**
     * Commits what the updater wrote, keeping the mention dictionary of the last commit; when
     * papers changed, the commit says the dictionary is behind (a process stopped before the
     * next commit rebuilds it at its next update).
     */
    private void commitPapers(boolean dictionaryBehind, UpdateProgress progress) throws IOException {
        Map<String, String> data = toMap(writer.getLiveCommitData());
        if (dictionaryBehind) {
            data.put(DATA_MENTIONS_BEHIND, "true");
        }
        writer.setLiveCommitData(data.entrySet());
        progress.phase("committing");
        writer.commit();
    }

    private boolean commitIfNeeded(boolean needed, UpdateProgress progress) throws IOException {
        boolean committed = false;
        if (needed) {
            progress.phase("writing mention dictionary");
            String mentionsFile = MENTIONS_PREFIX + Long.toString(System.currentTimeMillis(), 36)
                    + Long.toString(System.nanoTime() & 0xffffff, 36) + MENTIONS_SUFFIX;
            try (DirectoryReader r = DirectoryReader.open(writer)) {
                MentionDictionary.write(r, directory, mentionsFile);
            }
            Map<String, String> data = new HashMap<>();
            data.put(DATA_SCHEMA, VERSION);
            data.put(DATA_MENTIONS, mentionsFile);
            data.put(DATA_ROOTS, roots.toString());
            writer.setLiveCommitData(data.entrySet());
            progress.phase("committing");
            writer.commit();
            committed = true;
            deleteStaleMentions(mentionsFile);
        }
        return committed;
    }

    private boolean mentionsPresent() throws IOException {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        Map<String, String> map = toMap(data);
        String name = map.get(DATA_MENTIONS);
        return name != null && !map.containsKey(DATA_MENTIONS_BEHIND) && Files.exists(path.resolve(name))
                && MentionDictionary.isCurrent(directory, name);
    }

    private void deleteStaleMentions(String keep) {
        try (var files = Files.list(path)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                // (.tmp: the bytes of a dictionary being written when a process was stopped)
                if (n.startsWith(MENTIONS_PREFIX) && (n.endsWith(MENTIONS_SUFFIX) || n.endsWith(".tmp"))
                        && !n.equals(keep)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "could not delete stale mention dictionaries", e);
        }
    }

    /**
     * Opens the newest commit if it is newer than the one being served (after this process or
     * another one committed).
     *
     * @return true when a newer commit is now served
     */
    public synchronized boolean refresh() throws IOException {
        long generation;
        Map<String, String> data;
        try {
            SegmentInfos infos = SegmentInfos.readLatestCommit(directory);
            generation = infos.getGeneration();
            data = infos.getUserData();
        } catch (IndexNotFoundException e) {
            return false;
        }
        if (generation == currentGeneration || generation == refusedGeneration
                || !VERSION.equals(data.get(DATA_SCHEMA))) {
            return false;
        }
        // Segments the served reader already has open are shared, not opened again.
        DirectoryReader served = current.reader();
        DirectoryReader reader = null;
        boolean fromWriter = writer != null && writer.isOpen() && !writer.hasUncommittedChanges();
        if (fromWriter) {
            // Once a reader was opened from the writer (every update opens some), the writer keeps
            // one of every segment (at 1M papers 12 MB of Bloom filters alone on the arxiv profile):
            // serving the commit through the writer shares those instead of opening a second set.
            // With nothing uncommitted, what the writer sees is the commit just read.
            reader = served == null ? DirectoryReader.open(writer) : DirectoryReader.openIfChanged(served, writer);
        }
        if (reader == null) {
            fromWriter = false;
            reader = served == null ? null : DirectoryReader.openIfChanged(served);
        }
        if (reader == null) {
            reader = DirectoryReader.open(directory);
        }
        MentionDictionary mentions;
        Map<String, String> commitData = fromWriter ? data : reader.getIndexCommit().getUserData();
        String mentionsFile = commitData.get(DATA_MENTIONS);
        boolean opened;
        try {
            mentions = MentionDictionary.openUnverified(directory, mentionsFile);
            opened = true;
        } catch (IOException | RuntimeException e) {
            // Missing (a newer writer removed it) or damaged: the terms can always rebuild it.
            LOG.info("mention dictionary " + mentionsFile + " unavailable (" + e + "); rebuilding it in memory");
            mentions = MentionDictionary.build(reader);
            opened = false;
        }
        PaperIndex next = new PaperIndex(reader, mentions);
        if (opened && !mentionsFile.equals(verifiedMentions)) {
            verifyLater(next, reader, mentionsFile); // once per file: a commit of papers only keeps it
            verifiedMentions = mentionsFile;
        }
        PaperIndex old = current;
        current = next;
        currentGeneration = fromWriter ? generation : reader.getIndexCommit().getGeneration();
        old.close();
        return true;
    }

    /**
     * Checks every byte of the mention dictionary while the index already serves (at a million
     * papers it is 150 MB: a start would wait for it, from disk after a reboot); a damaged one is
     * replaced by one rebuilt from the terms, as at open.
     */
    private void verifyLater(PaperIndex index, DirectoryReader reader, String mentionsFile) {
        if (!index.tryIncRef()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                // Gone is not damaged: a newer commit may replace it before this low-priority check runs.
                if (!MentionDictionary.verify(directory, mentionsFile) && Files.exists(path.resolve(mentionsFile))) {
                    LOG.warning("mention dictionary " + mentionsFile + " failed its checksum; rebuilding it in memory");
                    index.replaceMentions(MentionDictionary.build(reader));
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "verifying " + mentionsFile, e);
            } finally {
                try {
                    index.close();
                } catch (IOException e) {
                    LOG.log(Level.FINE, "releasing the index", e);
                }
            }
        }, "papernotes-verify");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** The index as of the last commit; close it when done with it. */
    public PaperIndex acquire() {
        while (true) {
            PaperIndex idx = current;
            if (idx.tryIncRef()) {
                return idx;
            }
        }
    }

    private static Map<String, String> toMap(Iterable<Map.Entry<String, String>> entries) {
        Map<String, String> m = new HashMap<>();
        if (entries == null) {
            return m;
        }
        for (Map.Entry<String, String> e : entries) {
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (writer != null) {
                if (writer.isOpen()) {
                    writer.rollback();
                }
                Files.deleteIfExists(path.resolve(SESSION_MARKER));
            }
        } finally {
            current.close();
            directory.close();
        }
    }
}
