package dev.papernotes.index;

import java.io.IOException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexInput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.RandomAccessInput;

/**
 * Works around a Lucene 9.12 bug: an off-heap completion FST is loaded from a clone of the
 * dictionary input that Lucene closes right after loading, so the first suggest fails with
 * AlreadyClosedException. Here, closing a clone of a completion dictionary ({@code .lkp}) does
 * nothing; the file itself is still closed with its segment. Compound files are off in this
 * index, so the dictionary is its own file.
 */
final class SuggestSafeDirectory extends FilterDirectory {
    private static final String COMPLETION_DICTIONARY = ".lkp";

    SuggestSafeDirectory(Directory in) {
        super(in);
    }

    @Override
    public IndexInput openInput(String name, IOContext context) throws IOException {
        IndexInput input = in.openInput(name, context);
        return name.endsWith(COMPLETION_DICTIONARY) ? new PinnedClones(name, input, false) : input;
    }

    /** An input whose clones and slices stay readable after close(); only the original closes the file. */
    private static final class PinnedClones extends FilterIndexInput {
        private final boolean isClone;

        PinnedClones(String description, IndexInput in, boolean isClone) {
            super(description, in);
            this.isClone = isClone;
        }

        @Override
        public void close() throws IOException {
            if (!isClone) {
                in.close();
            }
        }

        @Override
        public IndexInput clone() {
            return new PinnedClones(toString(), in.clone(), true);
        }

        @Override
        public IndexInput slice(String description, long offset, long length) throws IOException {
            return new PinnedClones(description, in.slice(description, offset, length), true);
        }

        @Override
        public RandomAccessInput randomAccessSlice(long offset, long length) throws IOException {
            return in.randomAccessSlice(offset, length);
        }

        @Override
        public short readShort() throws IOException {
            return in.readShort();
        }

        @Override
        public int readInt() throws IOException {
            return in.readInt();
        }

        @Override
        public long readLong() throws IOException {
            return in.readLong();
        }

        @Override
        public int readVInt() throws IOException {
            return in.readVInt();
        }

        @Override
        public long readVLong() throws IOException {
            return in.readVLong();
        }
    }
}
