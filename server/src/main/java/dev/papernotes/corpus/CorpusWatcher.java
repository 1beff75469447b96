package dev.papernotes.corpus;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches corpus roots that the editor does not watch for us (those outside the workspace) with the
 * platform's file notifications ({@link WatchService}: inotify on Linux). A folder root is watched
 * with its subfolders (new ones included); a file root through its folder, for its own name only,
 * since Better BibTeX and editors replace a file rather than write it in place. Every change to a
 * corpus file is handed on; the listener decides when to read (it debounces bursts of writes).
 */
public final class CorpusWatcher implements Closeable {
    private static final Logger LOG = Logger.getLogger(CorpusWatcher.class.getName());
    /** Folders watched at most: a root with more is watched at its first levels only. */
    private static final int MAX_FOLDERS = 4096;

    private final WatchService service;
    private final List<Path> roots;
    private final Consumer<Path> onChange;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    /** Folders watched for one file of theirs only (a file root): folder → file names. */
    private final Map<Path, Set<String>> fileRoots = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param roots    real, absolute corpus roots (files or folders)
     * @param onChange called on the watcher's thread with each corpus file that changed (or a root,
     *                 when events were lost)
     */
    public CorpusWatcher(List<Path> roots, Consumer<Path> onChange) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.roots = List.copyOf(roots);
        this.onChange = onChange;
        for (Path root : this.roots) {
            if (Files.isDirectory(root)) {
                registerTree(root);
            } else {
                Path parent = root.getParent();
                if (parent != null && Files.isDirectory(parent)) {
                    register(parent);
                    fileRoots.computeIfAbsent(parent, k -> new HashSet<>()).add(root.getFileName().toString());
                }
            }
        }
        thread = new Thread(this::run, "papernotes-corpus-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** How many folders are watched (tests, logs). */
    public synchronized int folderCount() {
        return folders.size();
    }

    private void registerTree(Path top) {
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path name = dir.getFileName();
                    if (!dir.equals(top) && name != null && name.toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (folders.size() >= MAX_FOLDERS) {
                        return FileVisitResult.TERMINATE;
                    }
                    register(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot watch " + top, e);
        }
    }

    private synchronized void register(Path dir) {
        try {
            WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            folders.put(key, dir);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot watch " + dir, e);
        }
    }

    private void run() {
        while (!closed) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path dir;
            synchronized (this) {
                dir = folders.get(key);
            }
            try {
                if (dir != null) {
                    handle(dir, key.pollEvents());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "corpus watcher", e);
            }
            if (!key.reset()) {
                synchronized (this) {
                    folders.remove(key);
                }
            }
        }
    }

    private void handle(Path dir, List<WatchEvent<?>> events) {
        Set<String> onlyThese = fileRoots.get(dir);
        boolean treeFolder = isUnderFolderRoot(dir);
        for (WatchEvent<?> e : events) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                onChange.accept(dir);
                continue;
            }
            Path name = (Path) e.context();
            Path child = dir.resolve(name);
            String n = name.toString();
            if (onlyThese != null && onlyThese.contains(n)) {
                onChange.accept(child);
                continue;
            }
            if (!treeFolder || n.startsWith(".")) {
                continue;
            }
            if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
                registerTree(child);
                onChange.accept(child); // a folder moved in may bring files
            } else if (CorpusFormat.byExtension(child) != null) {
                onChange.accept(child);
            } else if (e.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
                onChange.accept(child); // maybe a folder of corpus files
            }
        }
    }

    /** Whether {@code dir} is a folder root or inside one (a file root's folder is not, by itself). */
    private boolean isUnderFolderRoot(Path dir) {
        for (Path root : roots) {
            if (dir.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        service.close();
        thread.interrupt();
    }
}
