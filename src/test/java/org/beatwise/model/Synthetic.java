package org.beatwise.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.beatwise.domain.Incident;

/** Small made-up data sets with learnable structure, for fast tests that need a trained model. */
final class Synthetic {

    private Synthetic() { }

    /**
     * {@code n} incidents over two years: night-time rows in the north are mostly "NOISE", daytime
     * rows in the south mostly "THEFT", and a third class "OTHER" is scattered everywhere.
     */
    static List<Incident> incidents(int n, long seed) {
        Random r = new Random(seed);
        List<Incident> rows = new ArrayList<>(n);
        LocalDateTime start = LocalDateTime.of(2020, 1, 1, 0, 0);
        for (int i = 0; i < n; i++) {
            LocalDateTime at = start.plusMinutes((long) (r.nextDouble() * 2 * 365 * 24 * 60));
            boolean night = at.getHour() < 6 || at.getHour() >= 20;
            double lat = 42.28 + r.nextGaussian() * 0.01;
            double lon = -71.08 + r.nextGaussian() * 0.01;
            String offense;
            double u = r.nextDouble();
            if (u < 0.2) {
                offense = "OTHER";
            } else if (night == (lat > 42.28)) {
                offense = night ? "NOISE" : "THEFT";
            } else {
                offense = r.nextBoolean() ? "NOISE" : "THEFT";
            }
            String code = switch (offense) {
                case "NOISE" -> "3304";
                case "THEFT" -> "619";
                default -> "2660";
            };
            rows.add(new Incident("S" + i, at, lat, lon, offense, code, offense.toLowerCase(), "B3", i + 2));
        }
        return rows;
    }
}
