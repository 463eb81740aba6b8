package org.beatwise.hotspot;

/**
 * A stable merge sort of row numbers by a comparison of the rows they name: sorting an {@code int[]}
 * costs 4 bytes a row (and as much again while merging) where sorting boxed indices or copies of the rows
 * costs tens, which matters for millions of rows.
 */
final class IntSort {

    /** Compares the rows numbered {@code a} and {@code b}. */
    @FunctionalInterface
    interface RowOrder {
        int compare(int a, int b);
    }

    private IntSort() {
    }

    /** The numbers 0 … n−1 ordered by {@code order}, rows that compare equal kept in their original order. */
    static int[] sortedRows(int n, RowOrder order) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] tmp = new int[n];
        for (int lo = 0; lo < n; lo += 16) {
            insertion(a, lo, Math.min(n, lo + 16), order);
        }
        int[] from = a;
        int[] to = tmp;
        for (int width = 16; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(n, lo + width);
                int hi = Math.min(n, lo + 2 * width);
                merge(from, to, lo, mid, hi, order);
            }
            int[] t = from;
            from = to;
            to = t;
        }
        return from;
    }

    private static void insertion(int[] a, int lo, int hi, RowOrder order) {
        for (int i = lo + 1; i < hi; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= lo && order.compare(a[j], v) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private static void merge(int[] from, int[] to, int lo, int mid, int hi, RowOrder order) {
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            to[k++] = order.compare(from[j], from[i]) < 0 ? from[j++] : from[i++];
        }
        while (i < mid) {
            to[k++] = from[i++];
        }
        while (j < hi) {
            to[k++] = from[j++];
        }
    }
}
