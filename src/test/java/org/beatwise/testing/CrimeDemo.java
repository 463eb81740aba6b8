package org.beatwise.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.beatwise.domain.Incident;
import org.beatwise.importing.ImportOptions;
import org.beatwise.importing.ImportRequest;
import org.beatwise.task.Progress;
import org.beatwise.wiring.Services;

/**
 * A small made-up incident dataset with learnable structure, for tests that need a trained crime-type
 * model quickly: fourteen offence types with a skew (so there is a clear majority class and a tail),
 * each type drifting a little north with its index and the odd ones more often at night. A model
 * does better than the baselines on it but, as on real data, far from perfectly.
 */
public final class CrimeDemo {

    public static final String NAME = "demo";

    private CrimeDemo() { }

    /** {@code n} incidents over one year, the same for the same seed. */
    public static List<Incident> incidents(int n, long seed) {
        Random r = new Random(seed);
        List<Incident> rows = new ArrayList<>(n);
        LocalDateTime start = LocalDateTime.of(2020, 1, 1, 0, 0);
        for (int i = 0; i < n; i++) {
            int type = Math.min(13, (int) Math.floor(-Math.log(1 - r.nextDouble()) * 3));
            double lat = 42.27 + type * 0.002 + r.nextGaussian() * 0.008;
            double lon = -71.09 + r.nextGaussian() * 0.008;
            int hour = type % 2 == 1 && r.nextDouble() < 0.6 ? (20 + r.nextInt(8)) % 24 : 8 + r.nextInt(10);
            LocalDateTime t = start.plusDays(r.nextInt(365)).withHour(hour).withMinute(r.nextInt(60));
            rows.add(new Incident("D" + i, t, lat, lon, "TYPE " + (char) ('A' + type), "" + (600 + type),
                    type < 7 ? "Group one" : "Group two", "B3", i + 2));
        }
        return rows;
    }

    /** 4,000 incidents with seed 42: the dataset the model CLI and pane tests train on. */
    public static List<Incident> standard() {
        return incidents(4000, 42);
    }

    /** Writes the standard rows as a BPD-style CSV export ({@code demo.csv} in {@code dir}) for the importer. */
    public static Path csv(Path dir) {
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        StringBuilder b = new StringBuilder(
                "INCIDENT_NUMBER,OFFENSE_CODE,OFFENSE_CODE_GROUP,OFFENSE_DESCRIPTION,DISTRICT,OCCURRED_ON_DATE,Lat,Long,STREET\n");
        for (Incident i : standard()) {
            b.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%.6f,%.6f,BLUE HILL AVE%n", i.incidentId(), i.offenseCode(),
                    i.offenseGroup(), i.offense(), i.district(), fmt.format(i.occurredAt()), i.lat(), i.lon()));
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(NAME + ".csv");
            Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports the standard rows through the real importer as dataset {@value #NAME}. */
    public static void importInto(Services services, Path workDir) {
        services.imports().importFiles("test", new ImportRequest(List.of(csv(workDir)), NAME, ImportOptions.defaults(), false),
                Progress.NONE);
    }
}
