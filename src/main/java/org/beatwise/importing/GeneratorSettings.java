package org.beatwise.importing;

import java.time.LocalDate;

/**
 * Settings of the synthetic demo data generator.
 *
 * @param rows    rows to write, bad ones included (1 … 100,000,000)
 * @param seed    random seed; the same settings give the same bytes
 * @param start   first day of the period
 * @param days    length of the period in days (1 … 36,600)
 * @param badRows whether to mix in a few rows of each kind the cleaner drops (only from 100 rows on)
 */
public record GeneratorSettings(long rows, long seed, LocalDate start, int days, boolean badRows) {

    public static final long DEFAULT_SEED = 42;
    /** Rows of the demo dataset offered on first start. */
    public static final long DEMO_ROWS = 50_000;

    public GeneratorSettings {
        if (rows < 1 || rows > 100_000_000) {
            throw new IllegalArgumentException("rows must be within 1 … 100,000,000, was " + rows);
        }
        if (start == null) {
            throw new IllegalArgumentException("start must not be null");
        }
        if (days < 1 || days > 36_600) {
            throw new IllegalArgumentException("days must be within 1 … 36,600, was " + days);
        }
    }

    /** Two years from 2023-01-01, seed 42, with bad rows. */
    public static GeneratorSettings defaults(long rows) {
        return new GeneratorSettings(rows, DEFAULT_SEED, LocalDate.of(2023, 1, 1), 730, true);
    }

    public GeneratorSettings withSeed(long s) {
        return new GeneratorSettings(rows, s, start, days, badRows);
    }
}
