package org.beatwise.bench;

/**
 * What the {@code bench} command was asked to measure.
 *
 * @param rows rows of generated data for the import figures
 * @param dataset a stored dataset for the model and hotspot figures, or null to skip them
 * @param seed seed for generated data and every random choice
 * @param quick the short run of the hot paths on small generated data ({@link Bench#quick})
 */
public record BenchOptions(long rows, String dataset, long seed, boolean quick) {

    /** Rows imported by {@code bench --quick} unless {@code --rows} says otherwise. */
    public static final long QUICK_ROWS = 50_000;

    public BenchOptions {
        if (rows < 1_000 || rows > 100_000_000) {
            throw new IllegalArgumentException("rows must be between 1000 and 100000000, was " + rows);
        }
        if (quick && dataset != null) {
            throw new IllegalArgumentException("--quick measures its own small generated data; leave out --dataset '"
                    + dataset + "'");
        }
    }

    public BenchOptions(long rows, String dataset, long seed) {
        this(rows, dataset, seed, false);
    }
}
