package org.beatwise.alert;

/** A rule that fired, the place it concerns, and why in words. */
public record Finding(AlertRule rule, double lat, double lon, String detail) { }
