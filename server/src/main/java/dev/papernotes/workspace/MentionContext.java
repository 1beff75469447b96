package dev.papernotes.workspace;

import java.util.Set;

/**
 * What the rest of the workspace says about bare mentions in a note: names the user said are
 * not papers, and papers some note links or cites (evidence that a short name means them).
 */
public interface MentionContext {
    /** Names ignored in the whole workspace of {@code doc} ({@code .papernotes.json}). */
    Set<String> ignoredNames(NoteDocument doc);

    /** Whether some note of the workspace links or cites the paper explicitly. */
    boolean linkedElsewhere(String paperId);

    /** Changes whenever {@link #ignoredNames} may answer differently: cached analyses are stale then. */
    long epoch();

    MentionContext NONE = new MentionContext() {
        @Override
        public Set<String> ignoredNames(NoteDocument doc) {
            return Set.of();
        }

        @Override
        public boolean linkedElsewhere(String paperId) {
            return false;
        }

        @Override
        public long epoch() {
            return 0;
        }
    };
}
