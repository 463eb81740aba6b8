package org.beatwise.testing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.beatwise.domain.Incident;
import org.beatwise.geo.LatLon;
import org.beatwise.geo.LocalProjection;

/** Two years (2017–2018) of 2,000 hand-made incidents around four centres in Mattapan, for hotspot service and pane tests. */
public final class HotspotDemo {

    private HotspotDemo() { }

    public static List<Incident> incidents() {
        Random random = new Random(3);
        LocalProjection p = new LocalProjection(42.30, -71.09);
        double[][] centres = {{0, 0}, {1200, 300}, {-800, 900}, {400, -1100}};
        List<Incident> out = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double[] c = centres[i % centres.length];
            LatLon at = p.toLatLon(c[0] + random.nextGaussian() * 80, c[1] + random.nextGaussian() * 80);
            LocalDateTime when = LocalDate.of(2017, 1, 1).plusDays(random.nextInt(730)).atTime(random.nextInt(24), 15);
            String offence = i % 5 == 0 ? "ROBBERY - STREET" : "VANDALISM";
            out.add(new Incident("D" + i, when, at.lat(), at.lon(), offence, "0", offence, "B3", i + 2));
        }
        return out;
    }
}
