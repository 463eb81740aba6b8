package org.beatwise.ui.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A confusion matrix cut down to fit a screen: the classes with the most test rows, and the rest summed
 * into one "other" row and column. Rows are the true class, columns the predicted one.
 *
 * @param labels the shown classes in order, the last being "other (n classes)" when some were grouped
 * @param counts test rows per (true, predicted) pair
 */
public record ConfusionGrid(List<String> labels, int[][] counts) {

    /** Classes shown before the rest is grouped. */
    public static final int TOP = 12;

    public static ConfusionGrid of(List<String> classes, int[][] confusion, int top) {
        int k = classes.size();
        int[] support = new int[k];
        for (int t = 0; t < k; t++) {
            support[t] = IntStream.of(confusion[t]).sum();
        }
        List<Integer> byTestRows = IntStream.range(0, k).boxed()
                .sorted(Comparator.comparingInt((Integer c) -> -support[c]).thenComparingInt(c -> c)).toList();
        boolean grouped = k > top;
        int shown = grouped ? top : k;
        int size = grouped ? top + 1 : k;
        int[] cell = new int[k];
        List<String> labels = new ArrayList<>(size);
        for (int i = 0; i < k; i++) {
            int c = byTestRows.get(i);
            cell[c] = Math.min(i, shown);
            if (i < shown) {
                labels.add(classes.get(c));
            }
        }
        if (grouped) {
            labels.add("other (" + (k - top) + (k - top == 1 ? " class)" : " classes)"));
        }
        int[][] counts = new int[size][size];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                counts[cell[t]][cell[p]] += confusion[t][p];
            }
        }
        return new ConfusionGrid(List.copyOf(labels), counts);
    }

    public int size() {
        return labels.size();
    }

    /** Test rows whose true class is row {@code r}. */
    public int rowTotal(int r) {
        return IntStream.of(counts[r]).sum();
    }

    /** Share of row {@code r}'s test rows predicted as column {@code c}: what the heat map colours. */
    public double rowShare(int r, int c) {
        int total = rowTotal(r);
        return total == 0 ? 0 : (double) counts[r][c] / total;
    }
}
