package dev.papernotes.index;

import java.io.IOException;
import org.apache.lucene.codecs.FieldsConsumer;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.search.suggest.document.CompletionPostingsFormat;

/**
 * Completion postings whose FSTs stay in the memory-mapped index file instead of the heap, so a
 * million papers' suggesters cost page cache, not Java heap. Registered through
 * {@code META-INF/services} because segments name their postings format and Lucene looks it up
 * by that name when it opens them.
 */
public final class OffHeapCompletionPostingsFormat extends CompletionPostingsFormat {
    public static final String NAME = "PapernotesCompletion912";

    public OffHeapCompletionPostingsFormat() {
        super(NAME, FSTLoadMode.OFF_HEAP);
    }

    /** Compiles each FST into a temporary file instead of the heap ({@link CompletionFieldsWriter}). */
    @Override
    public FieldsConsumer fieldsConsumer(SegmentWriteState state) throws IOException {
        return new CompletionFieldsWriter(getName(), delegatePostingsFormat(), state);
    }

    @Override
    protected PostingsFormat delegatePostingsFormat() {
        return PostingsFormat.forName("Lucene912");
    }
}
