package dev.papernotes.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Where things live on disk when the user has not said: the cache, index folders, the bundled corpus. */
public final class Locations {
    private static final String BUNDLED = "papernotes/bundled-corpus/";

    private Locations() {
    }

    /** {@code $XDG_CACHE_HOME/papernotes}, else {@code ~/.cache/papernotes}. */
    public static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("papernotes");
    }

    /** The default index folder for a set of corpus roots: one per distinct set of roots. */
    public static Path defaultIndexDir(List<Path> roots) {
        List<String> names = new ArrayList<>();
        for (Path r : roots) {
            names.add(r.toAbsolutePath().normalize().toString());
        }
        names.sort(null);
        return cacheDir().resolve("index-" + sha256(String.join("\n", names)).substring(0, 16));
    }

    /**
     * The corpus shipped inside the jar, unpacked to the cache (once per content) so definitions
     * point at real files an editor can open.
     */
    public static Path bundledCorpus() throws IOException {
        TreeMap<String, byte[]> files = readBundled();
        if (files.isEmpty()) {
            throw new IOException("this build has no bundled corpus");
        }
        MessageDigest digest = newDigest();
        for (var e : files.entrySet()) {
            digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update(e.getValue());
        }
        Path target = cacheDir().resolve("bundled-corpus-" + HexFormat.of().formatHex(digest.digest(), 0, 8));
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), ".bundled-");
        for (var e : files.entrySet()) {
            Files.write(tmp.resolve(e.getKey()), e.getValue());
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
            // Another process unpacked it first; theirs is identical.
            deleteTree(tmp);
        }
        return target;
    }

    private static TreeMap<String, byte[]> readBundled() throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        Path source;
        try {
            source = Path.of(Locations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException e) {
            throw new IOException("cannot locate the bundled corpus", e);
        }
        if (Files.isDirectory(source)) {
            Path dir = source.resolve(BUNDLED);
            if (Files.isDirectory(dir)) {
                try (var s = Files.list(dir)) {
                    for (Path f : (Iterable<Path>) s::iterator) {
                        if (f.getFileName().toString().endsWith(".txt")) {
                            out.put(f.getFileName().toString(), Files.readAllBytes(f));
                        }
                    }
                }
            }
            return out;
        }
        try (ZipFile zip = new ZipFile(source.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (name.startsWith(BUNDLED) && name.endsWith(".txt") && name.indexOf('/', BUNDLED.length()) < 0) {
                    try (InputStream in = zip.getInputStream(e)) {
                        out.put(name.substring(BUNDLED.length()), in.readAllBytes());
                    }
                }
            }
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String sha256(String s) {
        return HexFormat.of().formatHex(newDigest().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
