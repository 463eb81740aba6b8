package org.beatwise.testing;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.beatwise.importing.Incident;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the real Boston exports live for tests ({@code ../shared/data/boston}, or the system
 * property {@code beatwise.boston}), plus a minimal loader of the Mattapan years.
 *
 * <p>The loader is a test fixture so that the model and hotspot work can be tested before the
 * importer exists; once the importer lands it should delegate to it.
 */
public final class BostonData {

    private BostonData() { }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("beatwise.boston", "../shared/data/boston"));
        Assumptions.assumeTrue(Files.isDirectory(dir), "real Boston data not found at " + dir.toAbsolutePath());
        return dir;
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    /** Mattapan incidents of the given years (2015–2019), in file order, without any de-duplication. */
    public static List<Incident> mattapan(int... years) {
        List<Incident> all = new ArrayList<>();
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("M/d/yy H:mm");
        for (int year : years) {
            Path p = file("mattapan_only_" + year + ".csv");
            Charset cs = year == 2018 ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
            try (Reader r = new InputStreamReader(Files.newInputStream(p), cs);
                 CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                for (CSVRecord rec : parser) {
                    String desc = rec.get("OFFENSE_DESCRIPTION").replace("\u00c2", "").replace('\u00a0', ' ')
                            .replaceAll(" +", " ").trim();
                    all.add(new Incident(rec.get(0).replace("\uFEFF", ""),
                            LocalDateTime.parse(rec.get("OCCURRED_ON_DATE"), fmt),
                            Double.parseDouble(rec.get("Lat")), Double.parseDouble(rec.get("Long")),
                            desc, rec.get("OFFENSE_CODE"), rec.get("OFFENSE_CODE_GROUP"), rec.get("DISTRICT"),
                            rec.getRecordNumber() + 1));
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + p, e);
            }
        }
        return all;
    }
}
