package dev.papernotes.index;

import java.util.Arrays;

/**
 * Which sources are the same paper, decided one source at a time in corpus order: a source joins
 * the paper (cluster) that shares its DOI, arXiv id or title-with-first-author, or the first one
 * with its title whose first author does not differ; sharing a DOI or arXiv id joins clusters that
 * were apart. Keys are 64-bit hashes in a {@link LongIntTable} and clusters are ints, so a table of
 * a million sources costs tens of megabytes, not hundreds.
 */
final class IdentityTable {
    private final LongIntTable clusterOf;
    private int[] parent = new int[1024];
    private long[] author = new long[1024];
    private byte[] state = new byte[1024];
    private int count;

    IdentityTable(int expectedKeys) {
        clusterOf = new LongIntTable(Math.max(16, expectedKeys));
    }

    int size() {
        return count;
    }

    /** Calls {@code action} with every identity key filed (DOI, arXiv id, title, title-with-author hashes). */
    void forEachKey(java.util.function.LongConsumer action) {
        clusterOf.forEachKey(action);
    }

    /** Clusters that the last {@link #find} merged into another: their sources move to it. */
    private int[] joined = new int[4];
    private int joinedCount;

    /**
     * The cluster these keys belong to, or -1. Clusters the keys bridge are merged into the oldest
     * of them; {@link #joined} lists the others.
     */
    int find(IdentityKeys k) {
        joinedCount = 0;
        int found = -1;
        found = join(found, cluster(k.doiHash()));
        found = join(found, cluster(k.arxivHash()));
        found = join(found, cluster(k.titleAuthorHash()));
        int byTitle = cluster(k.titleHash());
        if (byTitle >= 0 && compatible(byTitle, k.authorHash())) {
            found = join(found, byTitle);
        }
        return found;
    }

    /** A new cluster for a source no other matched. */
    int create(byte initialState) {
        if (count == parent.length) {
            int n = parent.length * 2;
            parent = Arrays.copyOf(parent, n);
            author = Arrays.copyOf(author, n);
            state = Arrays.copyOf(state, n);
        }
        parent[count] = count;
        state[count] = initialState;
        return count++;
    }

    /**
     * Files the keys under {@code cluster}. A title already taken by another paper stays with it;
     * only then is the title filed with the first author too (a paper whose title is its own is
     * found by the title alone, which keeps the table at about two keys a paper).
     */
    void register(int cluster, IdentityKeys k) {
        int root = root(cluster);
        put(k.doiHash(), root);
        put(k.arxivHash(), root);
        long t = k.titleHash();
        if (t != 0) {
            int owner = clusterOf.putIfAbsent(t, root + 1) - 1;
            if (root(owner) != root) {
                put(k.titleAuthorHash(), root);
            }
        }
        if (author[root] == 0) {
            author[root] = k.authorHash();
        }
    }

    /** Merges two clusters (an entry bridged them); {@link #joined} lists the one merged away. */
    int union(int a, int b) {
        joinedCount = 0;
        return join(a, b);
    }

    /** The state a cluster had itself, before it was merged into another. */
    byte ownState(int cluster) {
        return state[cluster];
    }

    byte state(int cluster) {
        return state[root(cluster)];
    }

    void setState(int cluster, byte s) {
        state[root(cluster)] = s;
    }

    int root(int c) {
        while (parent[c] != c) {
            parent[c] = parent[parent[c]];
            c = parent[c];
        }
        return c;
    }

    private void put(long key, int root) {
        if (key != 0) {
            clusterOf.put(key, root + 1);
        }
    }

    private int cluster(long key) {
        if (key == 0) {
            return -1;
        }
        int v = clusterOf.get(key);
        return v == 0 ? -1 : root(v - 1);
    }

    private boolean compatible(int cluster, long authorHash) {
        long a = author[root(cluster)];
        return authorHash == 0 || a == 0 || a == authorHash;
    }

    /** Merges {@code b} into {@code a} (the older cluster is the root); -1 stands for none. */
    private int join(int a, int b) {
        if (b < 0) {
            return a;
        }
        if (a < 0) {
            return root(b);
        }
        int ra = root(a);
        int rb = root(b);
        if (ra == rb) {
            return ra;
        }
        int keep = Math.min(ra, rb);
        int gone = Math.max(ra, rb);
        parent[gone] = keep;
        if (joinedCount == joined.length) {
            joined = Arrays.copyOf(joined, joinedCount * 2);
        }
        joined[joinedCount++] = gone;
        if (author[keep] == 0) {
            author[keep] = author[gone];
        }
        return keep;
    }

    /** The clusters the last {@link #find} merged away (they were roots before it). */
    int[] joined() {
        return Arrays.copyOf(joined, joinedCount);
    }
}
