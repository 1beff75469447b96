package dev.papernotes.index;

/**
 * What the index remembers of a corpus file to tell whether it changed. Size and modification
 * time decide cheaply; the content hash settles a file that was only touched.
 */
record FileFingerprint(String path, long size, long mtimeMillis, String sha256) {
    boolean sameStat(long otherSize, long otherMtime) {
        return size == otherSize && mtimeMillis == otherMtime;
    }
}
