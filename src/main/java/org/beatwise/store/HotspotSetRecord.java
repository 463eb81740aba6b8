package org.beatwise.store;

import java.time.Instant;

/**
 * One stored hotspot set. The store keeps the settings and result as text; the hotspot service
 * turns them back into values.
 *
 * @param settings flat {@code hotspot.*} properties, one {@code key=value} per line
 * @param resultJson the full result as JSON
 */
public record HotspotSetRecord(long id, String name, String dataset, Instant createdAt, String createdBy, int k,
                               int seed, int rowsUsed, String dataSha256, double sse, String settings,
                               String resultJson) { }
