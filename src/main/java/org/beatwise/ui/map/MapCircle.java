package org.beatwise.ui.map;

/** A circle on the map, radius in metres; the popup is HTML built with {@link Html#escape}. */
public record MapCircle(double lat, double lon, double radius, String popup) { }
