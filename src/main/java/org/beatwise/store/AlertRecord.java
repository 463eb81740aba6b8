package org.beatwise.store;

import java.time.Instant;

/**
 * One stored alert.
 *
 * @param rule the rule's name ({@code HIGH_CONFIDENCE}, {@code HIGH_RISK_CLASS}, {@code PROXIMITY})
 * @param detail the values that triggered it, in words
 */
public record AlertRecord(long id, Instant at, String username, String rule, double lat, double lon, String detail,
                          String modelName, String hotspotSet) { }
