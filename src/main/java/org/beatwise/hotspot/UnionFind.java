package org.beatwise.hotspot;

/** Groups of touching areas, so "87 cells" can be told from "87 cells in 3 clumps". */
final class UnionFind {

    private final int[] parent;
    private int count;

    UnionFind(int n) {
        parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        count = n;
    }

    int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    void join(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
            count--;
        }
    }

    int count() {
        return count;
    }
}
