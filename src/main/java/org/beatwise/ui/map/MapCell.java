package org.beatwise.ui.map;

/** A rectangular grid cell on the map; the popup is HTML built with {@link Html#escape}. */
public record MapCell(double south, double west, double north, double east, String popup) { }
