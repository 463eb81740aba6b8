package org.beatwise.hotspot;

import java.time.Instant;

/** A saved, named hotspot set: the result plus who made it from which dataset, and when. */
public record HotspotSet(String name, String dataset, Instant createdAt, String createdBy, HotspotResult result) { }
