package org.beatwise.model;

/**
 * What happened to the rows on the way into training, so a report can say what was left out.
 *
 * @param rows             rows handed to the trainer
 * @param rowsWithoutLabel rows with no value for the target (left out)
 * @param unmappedToOther  rows the category map did not cover, labelled "other" (category target only)
 * @param classesSeen      distinct classes in the training part before small classes were removed
 * @param classesRemoved   classes with fewer than the minimum class size of training rows
 * @param trainRowsRemoved training rows of those classes
 * @param testRowsRemoved  test rows whose class the model does not know (removed or absent from training)
 * @param classes          classes the model predicts
 * @param trainFrom        earliest training row (ISO local date-time); likewise the other bounds
 */
public record DataSummary(
        int rows,
        int rowsWithoutLabel,
        int unmappedToOther,
        int classesSeen,
        int classesRemoved,
        int trainRowsRemoved,
        int testRowsRemoved,
        int classes,
        int nTrain,
        int nTest,
        String trainFrom,
        String trainTo,
        String testFrom,
        String testTo) {
}
