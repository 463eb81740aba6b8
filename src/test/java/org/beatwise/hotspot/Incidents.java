package org.beatwise.hotspot;

import java.time.LocalDateTime;
import org.beatwise.domain.Incident;

/** Hand-made incidents for unit tests. */
final class Incidents {

    private Incidents() { }

    static Incident at(double lat, double lon, String when, String offense) {
        return new Incident("T" + (counter++), LocalDateTime.parse(when), lat, lon, offense, "0", offense + " group", "B3", 0);
    }

    static Incident at(double lat, double lon) {
        return at(lat, lon, "2018-01-01T12:00", "VANDALISM");
    }

    private static int counter;
}
