package dev.papernotes.workspace;

import dev.papernotes.workspace.LinkTarget.Via;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Where a link leads, the way Obsidian finds it: a path relative to the note's folder (Markdown
 * links, {@code ./} and {@code ../}), else the file whose name (with or without {@code .md}) and
 * folder prefix match, case forgiven, preferring the note's own workspace folder, its own folder,
 * then the shortest path; else a note's front-matter alias; else (wiki links only) a note whose
 * name matches with case and punctuation spacing forgiven. Every step is a hash lookup and a look
 * at the few files of one name: no scan of the workspace per link.
 */
final class LinkResolver {
    private final NoteWorkspace ws;

    LinkResolver(NoteWorkspace ws) {
        this.ws = ws;
    }

    /**
     * @param source   the note the link is written in (its file), or null
     * @param target   the target as meant (decoded), without anchor
     * @param markdown a Markdown link (paths relative to the note first) rather than a wiki link
     */
    LinkTarget resolve(Path source, String target, boolean markdown) {
        String t = target.strip().replace('\\', '/');
        if (t.isEmpty()) {
            return source == null ? LinkTarget.NONE : new LinkTarget(List.of(source), Via.SELF);
        }
        Path sourceDir = source == null ? null : source.getParent();
        boolean explicitlyRelative = t.startsWith("./") || t.startsWith("../");
        boolean rooted = t.startsWith("/");
        if ((markdown || explicitlyRelative) && sourceDir != null && !rooted) {
            List<Path> hit = exact(sourceDir.resolve(t).normalize());
            if (!hit.isEmpty()) {
                return new LinkTarget(hit, Via.RELATIVE);
            }
            if (explicitlyRelative) {
                return LinkTarget.NONE;
            }
        }
        String path = rooted ? t.replaceFirst("^/+", "") : t;
        if (path.isEmpty()) {
            return LinkTarget.NONE;
        }
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        String dir = slash >= 0 ? path.substring(0, slash + 1).toLowerCase(Locale.ROOT) : "";
        Path sourceRoot = source == null ? null : ws.rootOf(source);
        for (String candidate : candidateNames(name)) {
            String want = dir + candidate.toLowerCase(Locale.ROOT);
            List<Path> found = new ArrayList<>();
            for (Path f : ws.fileIndex().named(candidate)) {
                String rel = ws.relativeKeyOf(f); // no workspace folders: relative to its own folder

                if (rel.equals(want) || (!rooted && rel.endsWith("/" + want))) {
                    found.add(f);
                }
            }
            if (!found.isEmpty()) {
                return new LinkTarget(rank(found, sourceDir, sourceRoot, want), Via.NAME);
            }
        }
        if (slash < 0) {
            List<Path> aliased = ws.pathsWithAlias(path);
            if (!aliased.isEmpty()) {
                return new LinkTarget(rank(aliased, sourceDir, sourceRoot, ""), Via.ALIAS);
            }
        }
        if (!markdown) {
            List<Path> loose = ws.pathsByLooseName(path);
            if (!loose.isEmpty()) {
                return new LinkTarget(rank(loose, sourceDir, sourceRoot, ""), Via.LOOSE);
            }
        }
        return LinkTarget.NONE;
    }

    /** The file at {@code p} (or at {@code p.md}), case forgiven. */
    private List<Path> exact(Path p) {
        Path fileName = p.getFileName();
        if (fileName == null) {
            return List.of();
        }
        for (String candidate : candidateNames(fileName.toString())) {
            Path want = p.resolveSibling(candidate);
            String wantLower = want.toString().toLowerCase(Locale.ROOT);
            List<Path> out = new ArrayList<>();
            for (Path f : ws.fileIndex().named(candidate)) {
                if (f.equals(want)) {
                    return List.of(f);
                }
                if (f.toString().toLowerCase(Locale.ROOT).equals(wantLower)) {
                    out.add(f);
                }
            }
            if (!out.isEmpty()) {
                out.sort(Comparator.comparing(Path::toString));
                return out;
            }
        }
        return List.of();
    }

    /**
     * The file names a link's last segment may mean, most likely first: with an extension
     * ({@code image.png}, {@code note.md}, Dendron's {@code a.b.c}) the name itself, then with
     * {@code .md}; without one, the note first.
     */
    static List<String> candidateNames(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return List.of(name);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && dot < name.length() - 1 && looksLikeExtension(name.substring(dot + 1))) {
            return List.of(name, name + ".md");
        }
        return List.of(name + ".md", name + ".markdown", name);
    }

    private static boolean looksLikeExtension(String ext) {
        if (ext.length() > 10) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < ext.length(); i++) {
            char c = ext.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/').toLowerCase(Locale.ROOT);
    }

    /**
     * Best first: in the note's own workspace folder (other folders only when it has none), in the
     * note's own folder, exactly the path written from the root, fewest folders deep, then by path.
     */
    private List<Path> rank(List<Path> found, Path sourceDir, Path sourceRoot, String exactRelative) {
        List<Path> pool = found;
        if (sourceRoot != null) {
            List<Path> inRoot = new ArrayList<>();
            for (Path p : found) {
                if (p.startsWith(sourceRoot)) {
                    inRoot.add(p);
                }
            }
            if (!inRoot.isEmpty()) {
                pool = inRoot;
            }
        }
        List<Path> out = new ArrayList<>(pool);
        out.sort(Comparator
                .comparingInt((Path p) -> sourceDir != null && sourceDir.equals(p.getParent()) ? 0 : 1)
                .thenComparingInt(p -> !exactRelative.isEmpty() && ws.relativeKeyOf(p).equals(exactRelative) ? 0 : 1)
                .thenComparingInt(Path::getNameCount)
                .thenComparing(Path::toString));
        return out;
    }
}
