package org.beatwise.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The station's limit on the rows one training reads ({@code training.sample_rows}): a larger dataset
 * is trained on a seeded sample of this many rows (see {@code model.TrainingSample}), so training a
 * dataset of millions fits a desktop's heap.
 */
public record TrainingSampleSettings(int sampleRows) {

    public static final String PREFIX = "training.";
    public static final String KEY = PREFIX + "sample_rows";
    public static final int DEFAULT_ROWS = 1_000_000;
    public static final int MIN_ROWS = 1_000;
    public static final int MAX_ROWS = 50_000_000;

    public TrainingSampleSettings {
        if (sampleRows < MIN_ROWS || sampleRows > MAX_ROWS) {
            throw new SettingsException(KEY, Integer.toString(sampleRows), "between " + MIN_ROWS + " and " + MAX_ROWS);
        }
    }

    public static TrainingSampleSettings defaults() {
        return new TrainingSampleSettings(DEFAULT_ROWS);
    }

    /** From flat keys; a missing key is the default, a bad one names the key and its value. */
    public static TrainingSampleSettings of(Map<String, String> values) {
        return new TrainingSampleSettings(new FlatKeys(values, PREFIX).getInt("sample_rows", DEFAULT_ROWS));
    }

    public Map<String, String> toProperties() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(KEY, Integer.toString(sampleRows));
        return m;
    }
}
