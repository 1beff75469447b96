package dev.papernotes.bench;

import dev.papernotes.index.IndexStore;
import dev.papernotes.index.PaperIndex;
import dev.papernotes.index.Suggester;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One side of {@link CompletionAB}: loaded once per build of the server, each in a class loader of
 * its own, so that the same class names answer from different code. Called by reflection.
 */
public final class SuggestProbe {
    private static IndexStore store;
    private static PaperIndex index;

    private SuggestProbe() {
    }

    /** Opens the index folder given (a copy per side: each side holds its own writer lock). */
    public static void open(String indexDir, String corpus) throws Exception {
        store = IndexStore.open(Path.of(indexDir), List.of(Path.of(corpus)), 16);
        index = store.acquire();
    }

    /**
     * Nanoseconds each completion after {@code [[} took, in the order given; with {@code owners}, what
     * the completion list asks of the index after the suggestions is timed too.
     */
    public static long[] time(List<String> typed, boolean owners) throws Exception {
        long[] nanos = new long[typed.size()];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            List<Suggester.Suggestion> found = index.suggester().suggest(typed.get(i), Suggester.Scope.WIKI, 50);
            if (owners) {
                owners(found);
            }
            nanos[i] = System.nanoTime() - t0;
        }
        return nanos;
    }

    /** Set once a build turns out to be older than {@code soleOwners}: it is asked label by label. */
    private static boolean labelByLabel;

    private static void owners(List<Suggester.Suggestion> found) throws Exception {
        if (!labelByLabel) {
            try {
                List<String> labels = new ArrayList<>(found.size());
                for (Suggester.Suggestion s : found) {
                    labels.add(s.label());
                }
                index.soleOwners(labels);
                return;
            } catch (NoSuchMethodError older) {
                labelByLabel = true;
            }
        }
        for (Suggester.Suggestion s : found) {
            index.resolvesUniquely(s.label(), s.paper().id());
        }
    }

    /** Each answer as paper ids and tiers, in order: what two builds must agree on. */
    public static List<String> answers(List<String> typed) throws Exception {
        List<String> out = new ArrayList<>(typed.size());
        for (String t : typed) {
            StringBuilder sb = new StringBuilder();
            for (Suggester.Suggestion s : index.suggester().suggest(t, Suggester.Scope.WIKI, 50)) {
                sb.append(s.paper().id()).append(' ').append(s.tier()).append(' ').append(s.matched()).append('\n');
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** The loader of the server classes this side answers with (for the test that sides are apart). */
    public static ClassLoader serverLoader() {
        return IndexStore.class.getClassLoader();
    }

    public static void close() throws Exception {
        if (index != null) {
            index.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
