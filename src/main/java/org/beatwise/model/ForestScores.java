package org.beatwise.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.beatwise.task.CancelledException;
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
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, slots), runnable -> {
            Thread t = new Thread(runnable, "beatwise-scores");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY); // like growing: never starve the UI thread
            return t;
        });
        try {
            List<Future<?>> blocks = new ArrayList<>();
            for (int from = 0; from < n; from += BLOCK) {
                int start = from;
                int end = Math.min(n, from + BLOCK);
                blocks.add(pool.submit(() -> {
                    progress.checkCancelled();
                    sumRows(trees, flat, data, inBag, all, outOfBag, start, end);
                    return null;
                }));
            }
            for (Future<?> block : blocks) {
                block.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the forest could not score its rows: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
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
