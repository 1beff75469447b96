package dev.papernotes.index;

import static dev.papernotes.index.IndexSchema.*;

import dev.papernotes.corpus.CorpusWarning;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
    private final IndexWriter writer;
    private final String openNote;
    private volatile PaperIndex current;
    private long currentGeneration = -1;

    private IndexStore(Path path, Directory directory, List<Path> roots, IndexWriter writer, String openNote)
            throws IOException {
        this.path = path;
        this.directory = directory;
        this.roots = roots;
        this.writer = writer;
        this.openNote = openNote;
        this.current = PaperIndex.empty();
        refresh();
    }

    /**
     * Opens (creating if needed) the index at {@code path} for {@code roots}. Takes the writer when
     * no other process holds it; otherwise the store is read-only. An index of another schema
     * version, or one that cannot be read, is started over by the writer.
     */
    public static IndexStore open(Path path, List<Path> roots, double ramBufferMb) throws IOException {
        Files.createDirectories(path);
        Directory dir = new SuggestSafeDirectory(new MMapDirectory(path));
        String note = null;
        IndexWriterConfig.OpenMode mode = IndexWriterConfig.OpenMode.CREATE_OR_APPEND;
        try {
            SegmentInfos last = SegmentInfos.readLatestCommit(dir);
            String schema = last.getUserData().get(DATA_SCHEMA);
            if (!VERSION.equals(schema)) {
                mode = IndexWriterConfig.OpenMode.CREATE;
                note = "index schema " + schema + " is not " + VERSION + "; rebuilding";
            }
        } catch (IndexNotFoundException e) {
            mode = IndexWriterConfig.OpenMode.CREATE;
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            mode = IndexWriterConfig.OpenMode.CREATE;
            note = "index at " + path + " is damaged (" + e.getMessage() + "); rebuilding from the corpus";
        }
        IndexWriter writer = null;
        try {
            IndexWriterConfig config = new IndexWriterConfig(IndexSchema.writerAnalyzer())
                    .setCodec(IndexSchema.codec())
                    .setOpenMode(mode)
                    .setCommitOnClose(false)
                    .setUseCompoundFile(false)
                    .setRAMBufferSizeMB(ramBufferMb);
            org.apache.lucene.index.TieredMergePolicy merges = new org.apache.lucene.index.TieredMergePolicy();
            merges.setNoCFSRatio(0.0);
            config.setMergePolicy(merges);
            writer = new IndexWriter(dir, config);
        } catch (LockObtainFailedException e) {
            note = "another papernotes process is updating " + path + "; using its last commit read-only";
        }
        if (note != null) {
            LOG.info(note);
        }
        return new IndexStore(path, dir, roots, writer, note);
    }

    public Path path() {
        return path;
    }

    public boolean isWritable() {
        return writer != null;
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
        if (writer == null) {
            throw new IllegalStateException("index " + path + " is open read-only: another process holds its lock");
        }
        long start = System.nanoTime();
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
        if (changed || rebuild || schemaMissing || !mentionsPresent()) {
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
        refresh();
        int papers;
        try (PaperIndex idx = acquire()) {
            papers = idx.paperCount();
        }
        return new UpdateResult(updater.wasFull(), 0 + updater.filesRead(), updater.filesRemoved(), updater.entries(),
                papers, updater.warningCount(), committed, (System.nanoTime() - start) / 1_000_000);
    }

    private boolean mentionsPresent() throws IOException {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        String name = data == null ? null : toMap(data).get(DATA_MENTIONS);
        return name != null && Files.exists(path.resolve(name));
    }

    private void deleteStaleMentions(String keep) {
        try (var files = Files.list(path)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String n = f.getFileName().toString();
                if (n.startsWith(MENTIONS_PREFIX) && n.endsWith(MENTIONS_SUFFIX) && !n.equals(keep)) {
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
        if (generation == currentGeneration || !VERSION.equals(data.get(DATA_SCHEMA))) {
            return false;
        }
        DirectoryReader reader = DirectoryReader.open(directory);
        MentionDictionary mentions;
        String mentionsFile = reader.getIndexCommit().getUserData().get(DATA_MENTIONS);
        try {
            mentions = MentionDictionary.open(directory, mentionsFile);
        } catch (IOException | RuntimeException e) {
            // Missing (a newer writer removed it) or damaged: the terms can always rebuild it.
            LOG.info("mention dictionary " + mentionsFile + " unavailable (" + e + "); rebuilding it in memory");
            mentions = MentionDictionary.build(reader);
        }
        PaperIndex next = new PaperIndex(reader, mentions);
        PaperIndex old = current;
        current = next;
        currentGeneration = reader.getIndexCommit().getGeneration();
        old.close();
        return true;
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
        for (Map.Entry<String, String> e : entries) {
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (writer != null) {
                writer.rollback();
            }
        } finally {
            current.close();
            directory.close();
        }
    }
}
