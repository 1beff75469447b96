package dev.papernotes.index;

import java.util.List;

/**
 * What the index remembers of a corpus file to tell whether it changed. Size and modification
 * time decide cheaply; the {@link ContentHash} settles a file that was only touched. The problems found
 * when it was read are kept with it, so that {@code check} can report them without reading again.
 *
 * @param warnings {@code line TAB message} of each problem, the first hundred
 */
record FileFingerprint(String path, long size, long mtimeMillis, String contentHash, List<String> warnings) {
    FileFingerprint(String path, long size, long mtimeMillis, String contentHash) {
        this(path, size, mtimeMillis, contentHash, List.of());
    }

    boolean sameStat(long otherSize, long otherMtime) {
        return size == otherSize && mtimeMillis == otherMtime;
    }

    FileFingerprint withWarnings(List<String> w) {
        return new FileFingerprint(path, size, mtimeMillis, contentHash, List.copyOf(w));
    }
}
