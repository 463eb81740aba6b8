package org.beatwise.hotspot;

import java.time.Instant;

/**
 * A saved hotspot set as a list shows it, without the hotspots themselves.
 *
 * @param method the method that made the areas (for sets made with auto, the one the backtest chose)
 */
public record HotspotSetSummary(String name, String dataset, String method, Instant createdAt, String createdBy, int k,
                                int seed, int rowsUsed, double sse, String dataSha256) { }
