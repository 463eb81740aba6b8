package org.beatwise.alert;

/** A place the user checked and what the model predicted there. */
public record PredictionCheck(double lat, double lon, String predictedClass, double confidence) { }
