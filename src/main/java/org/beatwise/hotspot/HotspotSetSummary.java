package org.beatwise.hotspot;

import java.time.Instant;

/** A saved hotspot set as a list shows it, without the hotspots themselves. */
public record HotspotSetSummary(String name, String dataset, Instant createdAt, String createdBy, int k, int seed,
                                int rowsUsed, double sse, String dataSha256) { }
