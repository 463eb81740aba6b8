package org.beatwise.hotspot;

/** One point of a hit-rate-versus-area curve, averaged over the windows. */
public record CurvePoint(double areaKm2, double hitRate) { }
