package org.beatwise.hotspot;

import java.util.Arrays;

/**
 * A uniform grid over points for "which points lie within r of here" without looking at all of them:
 * on 50,000 distinct points a 250 m query touches nine buckets instead of every point.
 */
final class PointIndex {

    private final double[] x;
    private final double[] y;
    private final double bucket;
    private final long[] keys;      // sorted bucket keys
    private final int[] start;      // start[i]..start[i+1] are the points of keys[i] in order[]
    private final int[] order;
    private final double[] sortedX;  // coordinates in order[] order, so a bucket's points are read in sequence
    private final double[] sortedY;

    PointIndex(double[] x, double[] y, double bucket) {
        this.x = x;
        this.y = y;
        this.bucket = bucket;
        int n = x.length;
        long[] pointKey = new long[n];
        for (int i = 0; i < n; i++) {
            pointKey[i] = RasterCell.key(col(x[i]), col(y[i]));
        }
        // stable, so equal keys keep the point order; int row numbers, not boxed ones (20 bytes a point less)
        int[] byKey = IntSort.sortedRows(n, (a, b) -> Long.compare(pointKey[a], pointKey[b]));
        order = new int[n];
        long[] k = new long[n];
        int[] s = new int[n + 1];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            order[i] = byKey[i];
            if (i == 0 || pointKey[byKey[i]] != pointKey[byKey[i - 1]]) {
                k[distinct] = pointKey[byKey[i]];
                s[distinct++] = i;
            }
        }
        s[distinct] = n;
        keys = Arrays.copyOf(k, distinct);
        sortedX = new double[n];
        sortedY = new double[n];
        for (int i = 0; i < n; i++) {
            sortedX[i] = x[order[i]];
            sortedY[i] = y[order[i]];
        }
        start = Arrays.copyOf(s, distinct + 1);
    }

    private int col(double v) {
        return (int) Math.floor(v / bucket);
    }

    /** Indices of the points within {@code r} of (px, py), in no set order, written into {@code out}; returns how many. */
    int within(double px, double py, double r, int[] out) {
        int n = 0;
        double r2 = r * r;
        int c0 = col(px);
        int r0 = col(py);
        int reach = (int) Math.ceil(r / bucket);
        for (int dc = -reach; dc <= reach; dc++) {
            for (int dr = -reach; dr <= reach; dr++) {
                int b = Arrays.binarySearch(keys, RasterCell.key(c0 + dc, r0 + dr));
                if (b < 0) {
                    continue;
                }
                for (int j = start[b]; j < start[b + 1]; j++) {
                    double dx = sortedX[j] - px;
                    double dy = sortedY[j] - py;
                    if (dx * dx + dy * dy <= r2) {
                        out[n++] = order[j];
                    }
                }
            }
        }
        return n;
    }
}
