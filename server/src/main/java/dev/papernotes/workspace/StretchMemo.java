package dev.papernotes.workspace;

import dev.papernotes.notes.NoteChunks;
import dev.papernotes.notes.NoteModel;
import java.util.function.Function;

/**
 * One kind of thing worked out from each stretch of a note ({@link NoteChunks}): kept with the
 * stretch while an edit leaves it alone (so a keystroke works out only the edited stretch) and
 * gone with it. This object is the key it is kept under; it holds nothing itself.
 */
final class StretchMemo<T> {
    /** What {@code work} makes of stretch {@code i} of {@code stretches}, remembered. */
    T get(NoteChunks stretches, int i, Function<NoteModel, T> work) {
        return stretches.remembered(i, this, work);
    }
}
