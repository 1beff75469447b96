package dev.papernotes.workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a link to a note or a file leads, best candidate first.
 *
 * @param files the files it names, best first (a note is among them as its file); empty when the
 *              link leads nowhere in the workspace
 * @param via   how it was found; links found through an alias name the alias, not the file, and
 *              keep working when the file is renamed
 */
public record LinkTarget(List<Path> files, Via via) {
    public static final LinkTarget NONE = new LinkTarget(List.of(), Via.NONE);

    public enum Via {
        /** Nothing found. */
        NONE,
        /** The note the link is written in ({@code [[#Heading]]}). */
        SELF,
        /** A path relative to the note's folder ({@code ../x.md}, {@code ./x}). */
        RELATIVE,
        /** The file's name, or the end of its path ({@code [[note]]}, {@code [[folder/note]]}). */
        NAME,
        /** An {@code aliases:} entry of a note's front matter. */
        ALIAS,
        /** Case and punctuation spacing forgiven ({@code [[reading list]]} for {@code reading-list.md}). */
        LOOSE
    }

    public LinkTarget {
        files = List.copyOf(files);
    }

    public boolean found() {
        return !files.isEmpty();
    }

    public Path best() {
        return files.isEmpty() ? null : files.get(0);
    }
}
