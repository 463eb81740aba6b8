package org.beatwise.alert;

/** A hotspot as the alert rules see it: a circle in metres with a label for messages. */
public record Zone(String label, double lat, double lon, double radiusMeters) { }
