package org.beatwise.hotspot;

/** One offence inside a hotspot: how many of its incidents, and what share of them. */
public record OffenceShare(String offence, int count, double share) { }
