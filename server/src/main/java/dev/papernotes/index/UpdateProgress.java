package dev.papernotes.index;

/** Hears how far an index update has come; byte counts are of corpus files read. */
public interface UpdateProgress {
    UpdateProgress NONE = new UpdateProgress() {
    };

    default void phase(String name) {
    }

    default void reading(long totalBytes) {
    }

    default void advance(long bytes) {
    }
}
