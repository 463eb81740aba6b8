package org.beatwise.export;

/**
 * One file written by an export, as the command line prints it and the audit log records it.
 *
 * @param what "hotspots", "dataset", "alerts", "map", "briefing" or "picture"
 * @param name the set, dataset or picture exported
 * @param format "geojson", "csv", "png" or "pdf"
 * @param items features (GeoJSON), rows (CSV) or pages (PDF); 1 for a picture
 */
public record Exported(String what, String name, String format, String file, int items, long bytes) { }
