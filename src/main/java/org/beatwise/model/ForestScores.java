package org.beatwise.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.beatwise.task.Futures;
import org.beatwise.task.Progress;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * Scores many rows with a forest's trees at once, for training's own figures (out-of-bag rows, training
 * accuracy, the test part). Rows are shared out among threads in blocks and each row is summed by one
 * thread in tree order, so the sums are the same bit for bit whatever the number of threads, and the
 * same as {@link Forest#distribution} gives one row at a time. The trees are walked in their flat copy
 * ({@link FlatTrees}), which gives Weka's own distributions without Weka's per-call copies.
 */
final class ForestScores {

    private static final int BLOCK = 512;

    private ForestScores() { }

    /**
     * Sums of the trees' class distributions for every row of {@code data}, not normalised.
     *
     * @param inBag    null, or which rows each tree's bootstrap sample held (see {@link ObservedForest#inBag()})
     * @param all      receives, per row, the sum over all trees
     * @param outOfBag null, or receives per row the sum over the trees whose sample did not hold it
     */
    static void sum(Classifier[] trees, Instances data, boolean[][] inBag, double[][] all, double[][] outOfBag,
                    int slots, Progress progress) {
        int n = data.numInstances();
        FlatTrees flat = FlatTrees.of(trees);
        inBlocks(n, slots, progress, (start, end) -> {
            sumRows(trees, flat, data, inBag, all, outOfBag, start, end);
            return 0;
        });
    }

    /**
     * Tree by tree over the block's rows, not row by row over all trees: one tree's nodes and leaf
     * distributions stay in the cache for the whole block. Each row still adds the trees in tree order,
     * so every sum is the same bit for bit.
     */
    private static void sumRows(Classifier[] trees, FlatTrees flat, Instances data, boolean[][] inBag, double[][] all,
                                double[][] outOfBag, int start, int end) throws Exception {
        double[][] xs = new double[end - start][];
        for (int i = start; i < end; i++) {
            xs[i - start] = data.instance(i).toDoubleArray();
        }
        for (int t = 0; t < trees.length; t++) {
            boolean[] held = inBag == null ? null : inBag[t];
            for (int i = start; i < end; i++) {
                double[] d = flat.distribution(t, xs[i - start]);
                if (d == null) {
                    d = trees[t].distributionForInstance(data.instance(i));
                }
                double[] rowAll = all[i];
                for (int c = 0; c < rowAll.length; c++) {
                    rowAll[c] += d[c];
                }
                if (outOfBag != null && !held[i]) {
                    double[] rowOut = outOfBag[i];
                    for (int c = 0; c < rowOut.length; c++) {
                        rowOut[c] += d[c];
                    }
                }
            }
        }
    }

    /**
     * Each row's out-of-bag sums reduced to what the blend weight needs ({@link PriorBlend#chooseWeight(double[],
     * double[], double[], int[])}): the sum over the trees whose bag did not hold the row, at the row's true
     * class ({@code atTruth}) and over all classes ({@code total}), added in the order
     * {@link PriorBlend} adds a whole row. Two numbers a row instead of a row of class sums.
     */
    /**
     * With {@code all} (a row each, or null) also every row's sums over all trees, from the same walk;
     * {@code leaves} (null, or as {@link ObservedForest#leaves()}) names the leaf of each row a tree's
     * bag held, so only the other rows walk that tree.
     */
    static void outOfBag(Classifier[] trees, FlatTrees flat, Columns data, boolean[][] inBag, char[][] leaves,
                         double[] atTruth, double[] total, double[][] all, int slots, Progress progress) {
        int k = data.header().numClasses();
        int[] y = data.y();
        inBlocks(data.size(), slots, progress, (start, end) -> {
            double[][] sums = new double[end - start][k];
            if (all == null) {
                sumColumns(trees, flat, data, inBag, start, end, sums);
            } else {
                double[][] allSums = new double[end - start][];
                System.arraycopy(all, start, allSums, 0, end - start);
                sumColumns(trees, flat, data, inBag, leaves, start, end, sums, allSums);
            }
            for (int i = start; i < end; i++) {
                double[] row = sums[i - start];
                double s = 0;
                for (double v : row) {
                    s += v;
                }
                total[i] = s;
                atTruth[i] = row[y[i]];
            }
            return 0;
        });
    }

    /**
     * How many rows the delivered model (the forest's normalised probabilities blended with the prior)
     * gives their true class as the most probable: the training accuracy, with each row's arithmetic as
     * {@link #normalise} and {@link PriorBlend#apply} do it: from the rows' sums over all trees when
     * {@code all} holds them (normalised in place), else walking the trees.
     */
    static int correct(Classifier[] trees, FlatTrees flat, Columns data, double[][] all, double[] prior, double weight,
                       int slots, Progress progress) {
        int k = data.header().numClasses();
        int[] y = data.y();
        return inBlocks(data.size(), slots, progress, (start, end) -> {
            double[][] sums = new double[end - start][];
            if (all == null) {
                for (int i = 0; i < sums.length; i++) {
                    sums[i] = new double[k];
                }
                sumColumns(trees, flat, data, null, start, end, sums);
            } else {
                System.arraycopy(all, start, sums, 0, end - start);
            }
            normalise(sums);
            double[] p = new double[k];
            int correct = 0;
            for (int i = start; i < end; i++) {
                PriorBlend.apply(sums[i - start], prior, weight, p);
                if (Metrics.argMax(p) == y[i]) {
                    correct++;
                }
            }
            return correct;
        });
    }

    /** Sums of all trees' class distributions for every row of the columns, not normalised. */
    static double[][] sums(Classifier[] trees, FlatTrees flat, Columns data, int slots, Progress progress) {
        int k = data.header().numClasses();
        double[][] sums = new double[data.size()][k];
        inBlocks(data.size(), slots, progress, (start, end) -> {
            double[][] block = new double[end - start][];
            System.arraycopy(sums, start, block, 0, end - start);
            sumColumns(trees, flat, data, null, start, end, block);
            return 0;
        });
        return sums;
    }

    /** Work on the rows [start, end), returning a count that is summed over the blocks. */
    private interface Block {
        int run(int start, int end) throws Exception;
    }

    /** Shares the rows out among threads in blocks; the blocks' counts summed. */
    private static int inBlocks(int n, int slots, Progress progress, Block work) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, slots), runnable -> {
            Thread t = new Thread(runnable, "beatwise-scores");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY); // like growing: never starve the UI thread
            return t;
        });
        try {
            List<Future<Integer>> blocks = new ArrayList<>();
            for (int from = 0; from < n; from += BLOCK) {
                int start = from;
                int end = Math.min(n, from + BLOCK);
                blocks.add(pool.submit(() -> {
                    progress.checkCancelled();
                    return work.run(start, end);
                }));
            }
            int total = 0;
            for (Future<Integer> block : blocks) {
                total += Futures.join(block, "the forest could not score its rows");
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Both sums from one walk: {@code sums} over the trees whose bag did not hold the row, {@code all}
     * over every tree, each in tree order.
     */
    private static void sumColumns(Classifier[] trees, FlatTrees flat, Columns data, boolean[][] inBag, char[][] leaves,
                                   int start, int end, double[][] sums, double[][] all) throws Exception {
        double[][] x = data.x();
        for (int t = 0; t < trees.length; t++) {
            boolean[] held = inBag[t];
            char[] leafOf = leaves == null ? null : leaves[t];
            for (int i = start; i < end; i++) {
                // a held row's leaf is known from growing: the node the walk would reach
                double[] d = leafOf != null && leafOf[i] != 0 ? flat.node(t, leafOf[i] - 1) : null;
                if (d == null) {
                    d = flat.distribution(t, x, i);
                }
                if (d == null) {
                    d = trees[t].distributionForInstance(data.instance(i, 1.0));
                }
                add(all[i - start], d);
                if (!held[i]) {
                    add(sums[i - start], d);
                }
            }
        }
    }

    /**
     * As {@link #sumRows}, for the rows [start, end) of columns, into {@code sums[i - start]}; with
     * {@code inBag}, only the trees whose bag did not hold the row.
     */
    private static void sumColumns(Classifier[] trees, FlatTrees flat, Columns data, boolean[][] inBag, int start,
                                   int end, double[][] sums) throws Exception {
        double[][] x = data.x();
        for (int t = 0; t < trees.length; t++) {
            boolean[] held = inBag == null ? null : inBag[t];
            for (int i = start; i < end; i++) {
                if (held != null && held[i]) {
                    continue;
                }
                double[] d = flat.distribution(t, x, i);
                if (d == null) {
                    d = trees[t].distributionForInstance(data.instance(i, 1.0));
                }
                add(sums[i - start], d);
            }
        }
    }

    private static void add(double[] sum, double[] d) {
        for (int c = 0; c < sum.length; c++) {
            sum[c] += d[c];
        }
    }

    /** Divides each row by its sum, as {@link Forest#distribution} does; a row no tree had an opinion on stays zero. */
    static void normalise(double[][] rows) {
        for (double[] row : rows) {
            double sum = 0;
            for (double v : row) {
                sum += v;
            }
            if (sum > 0) {
                for (int c = 0; c < row.length; c++) {
                    row[c] /= sum;
                }
            }
        }
    }
}
