package org.beatwise.model;

/**
 * One bin of a reliability diagram: rows whose top probability fell in [lower, upper), how confident
 * the model was on them on average and how often it was right.
 */
public record CalibrationBin(double lower, double upper, int count, double meanConfidence, double accuracy) {
}
