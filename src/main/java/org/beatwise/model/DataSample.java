package org.beatwise.model;

/**
 * Which rows of the dataset a model was trained and tested on, recorded in its metadata: all of them,
 * or a seeded uniform sample when the dataset was larger than the station's {@link TrainingSample} limit.
 *
 * @param datasetRows rows the dataset had when the model was trained
 * @param rows        rows read for training and testing (the sample's size)
 * @param sampled     true when {@code rows} is a sample of {@code datasetRows}
 * @param seed        the sample's seed
 * @param firstOccurred the dataset's earliest incident, kept in the sample (ISO date-time)
 * @param lastOccurred  the dataset's latest incident, kept in the sample (ISO date-time)
 */
public record DataSample(long datasetRows, long rows, boolean sampled, long seed, String firstOccurred, String lastOccurred) {

    /** One line for the model's report and {@code models}. */
    public String describe() {
        return sampled
                ? String.format(java.util.Locale.ROOT, "Trained and tested on a sample of %,d of the dataset's %,d rows "
                        + "(uniform, seed %d, the same rate before and after the split; the earliest and latest incident kept).",
                        rows, datasetRows, seed)
                : String.format(java.util.Locale.ROOT, "Trained and tested on all %,d of the dataset's rows.", datasetRows);
    }
}
