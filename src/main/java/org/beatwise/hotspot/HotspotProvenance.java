package org.beatwise.hotspot;

import java.time.Instant;
import java.time.LocalDateTime;
import org.beatwise.geo.LatLon;

/**
 * What produced a hotspot set, so it can be reproduced and its data recognised later.
 *
 * @param dataSha256 SHA-256 over the incidents used (id, time, position, offence), independent of row order
 * @param inputRows incidents handed in, before filters
 * @param rowsUsed incidents after filters (and without those lacking a position)
 * @param firstIncident earliest incident used
 * @param lastIncident latest incident used
 * @param projectionCentre centre of the local projection to metres
 * @param method the algorithm, in words
 * @param bestSeed seed of the restart that won
 * @param wekaVersion Weka's version string
 * @param javaVersion {@code java.version}
 * @param osArch {@code os.name os.arch}, since floating point may differ by platform
 * @param createdAt when the run finished
 */
public record HotspotProvenance(String dataSha256, int inputRows, int rowsUsed, LocalDateTime firstIncident,
                                LocalDateTime lastIncident, LatLon projectionCentre, String method, int bestSeed,
                                String wekaVersion, String javaVersion, String osArch, Instant createdAt) { }
