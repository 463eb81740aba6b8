package org.beatwise.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.beatwise.domain.Incident;
import org.beatwise.geo.LatLon;
import org.beatwise.profile.PlaceProfile.OffenceCount;
import org.beatwise.testing.BostonData;
import org.beatwise.testing.TestIncidents;
import org.junit.jupiter.api.Test;

/**
 * The index against a plain scan: on synthetic incidents whose coordinates are all distinct, and on the
 * real Mattapan files, where thousands of incidents share one snapped point.
 */
class PlaceIndexTest {

    /** What a full scan finds within the radius over [from, to], the reference for the index. */
    static List<Integer> scan(List<Incident> rows, double lat, double lon, double r, LocalDate from, LocalDate to) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Incident x = rows.get(i);
            LocalDate d = x.occurredAt().toLocalDate();
            if (LatLon.haversineMetres(lat, lon, x.lat(), x.lon()) <= r && !d.isBefore(from) && !d.isAfter(to)) {
                out.add(i);
            }
        }
        return out;
    }

    static Set<Integer> indexed(PlaceIndex index, double lat, double lon, double r, LocalDate from, LocalDate to) {
        Set<Integer> out = new TreeSet<>();
        index.within(lat, lon, r, PlaceIndex.startOf(from), PlaceIndex.startOf(to.plusDays(1)), i -> assertTrue(out.add(i)));
        return out;
    }

    @Test
    void distinctCoordinatesGiveExactlyWhatAScanFinds() {
        List<Incident> rows = TestIncidents.crimeTypes(20_000);
        assertEquals(rows.size(), rows.stream().map(i -> i.lat() + "," + i.lon()).distinct().count(),
                "this test is about distinct coordinates");
        PlaceIndex index = PlaceIndex.build(rows, null);
        Random random = new Random(42);
        LocalDate from = LocalDate.of(2020, 1, 1);
        LocalDate to = LocalDate.of(2020, 12, 31);
        int nonEmpty = 0;
        for (int q = 0; q < 200; q++) {
            Incident centre = rows.get(random.nextInt(rows.size()));
            double lat = centre.lat() + random.nextGaussian() * 0.002;
            double lon = centre.lon() + random.nextGaussian() * 0.002;
            double r = 20 + random.nextDouble() * 1500;
            LocalDate a = from.plusDays(random.nextInt(200));
            LocalDate b = a.plusDays(random.nextInt(200));
            List<Integer> expected = scan(rows, lat, lon, r, a, b);
            assertEquals(new TreeSet<>(expected), indexed(index, lat, lon, r, a, b), "place " + lat + "," + lon + " r " + r);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > 150, "most places should hold incidents, " + nonEmpty + " did");
    }

    @Test
    void profileCountsOnDistinctCoordinatesEqualTheScan() {
        List<Incident> rows = TestIncidents.crimeTypes(20_000);
        PlaceIndex index = PlaceIndex.build(rows, null);
        Incident centre = rows.get(7);
        LocalDate from = LocalDate.of(2020, 3, 1);
        LocalDate to = LocalDate.of(2020, 10, 31);
        PlaceProfile p = Profiler.profile(index, "synthetic", centre.lat(), centre.lon(), 400, from, to);
        List<Integer> hits = scan(rows, centre.lat(), centre.lon(), 400, from, to);
        assertEquals(hits.size(), p.incidents());
        int[] hours = new int[24];
        hits.forEach(i -> hours[rows.get(i).hour()]++);
        for (int h = 0; h < 24; h++) {
            assertEquals(hours[h], p.byHour().get(h), "hour " + h);
        }
        assertEquals(8, p.byMonth().size(), "March to October");
        assertEquals(hits.size(), p.byMonth().stream().mapToInt(PlaceProfile.MonthCount::count).sum());
        assertEquals(hits.size(), p.offences().stream().mapToInt(OffenceCount::count).sum());
        // the newest incidents of the scan, newest first
        List<LocalDateTime> newest = hits.stream().map(i -> rows.get(i).occurredAt()).sorted(Comparator.reverseOrder())
                .limit(Profiler.RECENT).toList();
        assertEquals(newest, p.recent().stream().map(PlaceProfile.RecentIncident::occurredAt).toList());
    }

    @Test
    void mattapanLiftAndCountsMatchADirectCount() {
        List<Incident> rows = BostonData.mattapan(2015, 2016, 2017, 2018);
        PlaceIndex index = PlaceIndex.build(rows, null);
        // the most repeated snapped point: the case the grid must not choke on
        Map<String, Integer> byPoint = new HashMap<>();
        rows.forEach(i -> byPoint.merge(i.lat() + "," + i.lon(), 1, Integer::sum));
        String busiest = byPoint.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertTrue(byPoint.get(busiest) > 100, "Boston repeats coordinates: " + byPoint.get(busiest));
        double lat = Double.parseDouble(busiest.split(",")[0]);
        double lon = Double.parseDouble(busiest.split(",")[1]);
        LocalDate from = LocalDate.of(2016, 1, 1);
        LocalDate to = LocalDate.of(2018, 6, 30);

        PlaceProfile p = Profiler.profile(index, "mattapan", lat, lon, 250, from, to);

        List<Integer> hits = scan(rows, lat, lon, 250, from, to);
        List<Integer> everywhere = scan(rows, lat, lon, 1e8, from, to);
        assertEquals(hits.size(), p.incidents());
        assertEquals(everywhere.size(), p.datasetIncidents());
        Map<String, Integer> here = new HashMap<>();
        hits.forEach(i -> here.merge(rows.get(i).offense(), 1, Integer::sum));
        Map<String, Integer> all = new HashMap<>();
        everywhere.forEach(i -> all.merge(rows.get(i).offense(), 1, Integer::sum));
        assertEquals(Math.min(Profiler.TOP_OFFENCES, here.size()) + (here.size() > Profiler.TOP_OFFENCES ? 1 : 0),
                p.offences().size());
        Set<String> named = new HashSet<>();
        for (OffenceCount o : p.offences().subList(0, Math.min(Profiler.TOP_OFFENCES, p.offences().size()))) {
            named.add(o.offence());
            assertEquals(here.get(o.offence()), o.count(), o.offence());
            assertEquals(all.get(o.offence()), o.datasetCount(), o.offence());
            double expected = ((double) here.get(o.offence()) / hits.size()) / ((double) all.get(o.offence()) / everywhere.size());
            assertNotNull(o.lift());
            assertEquals(expected, o.lift(), 1e-12, o.offence());
            assertEquals(o.count() < PlaceProfile.SMALL_COUNT, o.note() != null, o.offence());
        }
        // top ten are the ten largest counts
        int smallestNamed = named.stream().mapToInt(here::get).min().orElseThrow();
        here.forEach((k, v) -> assertTrue(named.contains(k) || v <= smallestNamed, k));
        int[] days = new int[7];
        hits.forEach(i -> days[rows.get(i).dayOfWeek() - 1]++);
        for (int d = 0; d < 7; d++) {
            assertEquals(days[d], p.byDayOfWeek().get(d), "day " + d);
        }
        // trend: July 2017–June 2018 against July 2016–June 2017
        long last12 = hits.stream().map(rows::get).filter(i -> !i.occurredAt().toLocalDate().isBefore(LocalDate.of(2017, 7, 1)))
                .count();
        long previous12 = hits.stream().map(rows::get).map(i -> i.occurredAt().toLocalDate())
                .filter(d -> !d.isBefore(LocalDate.of(2016, 7, 1)) && d.isBefore(LocalDate.of(2017, 7, 1))).count();
        assertEquals(last12, p.trend().last12());
        assertEquals(previous12, p.trend().previous12());
        assertTrue(p.trend().complete());
    }

    @Test
    void mattapanIndexAgreesWithTheScanAtManyPlaces() {
        List<Incident> rows = BostonData.mattapan(2017);
        PlaceIndex index = PlaceIndex.build(rows, null);
        Random random = new Random(42);
        LocalDate from = LocalDate.of(2017, 1, 1);
        LocalDate to = LocalDate.of(2017, 12, 31);
        for (int q = 0; q < 100; q++) {
            Incident centre = rows.get(random.nextInt(rows.size()));
            double r = 10 + random.nextDouble() * 800;
            assertEquals(new TreeSet<>(scan(rows, centre.lat(), centre.lon(), r, from, to)),
                    indexed(index, centre.lat(), centre.lon(), r, from, to));
        }
    }
}
