package dev.papernotes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.papernotes.index.IndexStore;
import dev.papernotes.index.UpdateProgress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The breakdown of a real index (the server's, on the 5,000-paper test corpus): the fields asked
 * for (and only those the index has) get a share, none the whole. The corpus is pages, whose
 * abstracts the index reads back from them: where each is takes a small share, its copy none.
 */
class IndexBreakdownTest {
    @Test
    void everyFieldHasItsShareAndAbstractsAreNotCopied(@TempDir Path tmp) throws Exception {
        Path index = tmp.resolve("index");
        try (IndexStore store = IndexStore.open(index, List.of(TestCorpora.standard()), 16)) {
            assertTrue(store.update(w -> { }, UpdateProgress.NONE, false).committed());
        }
        List<String> fields = List.of("abstract", "abstract_at", "abstract_text", "header", "sg_title", "no_such_field");
        IndexBreakdown.Breakdown b = IndexBreakdown.of(index, tmp.resolve("scratch"), Set.copyOf(fields));
        Map<String, Long> shares = b.shares().stream()
                .collect(Collectors.toMap(IndexBreakdown.Share::field, IndexBreakdown.Share::bytes));
        assertEquals(Set.of("abstract_at", "abstract_text", "header", "sg_title"), shares.keySet());
        for (Map.Entry<String, Long> e : shares.entrySet()) {
            assertTrue(e.getValue() > 0 && e.getValue() < b.whole(), e.toString());
        }
        // Where 5,000 abstracts are: a few bytes each, against the inverted words of the same abstracts.
        assertTrue(shares.get("abstract_at") < shares.get("abstract_text") / 4,
                shares.get("abstract_at") + " against " + shares.get("abstract_text"));
        // Written afresh, the segments are about as large as built (same codec, no deletions).
        assertTrue(Math.abs(b.whole() - b.asBuilt()) < b.asBuilt() / 10, b.whole() + " vs " + b.asBuilt());
    }
}
