package org.beatwise.bench;

/**
 * What the {@code bench} command was asked to measure.
 *
 * @param rows rows of generated data for the import figures
 * @param dataset a stored dataset for the model and hotspot figures, or null to skip them
 * @param seed seed for generated data and every random choice
 */
public record BenchOptions(long rows, String dataset, long seed) {

    public BenchOptions {
        if (rows < 1_000 || rows > 100_000_000) {
            throw new IllegalArgumentException("rows must be between 1000 and 100000000, was " + rows);
        }
    }
}
