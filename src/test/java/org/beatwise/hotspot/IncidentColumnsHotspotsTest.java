package org.beatwise.hotspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.beatwise.domain.Incident;
import org.beatwise.domain.IncidentColumns;
import org.beatwise.task.Progress;
import org.beatwise.testing.BostonData;
import org.beatwise.testing.TestIncidents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hotspot path on {@link IncidentColumns} (how the scale run holds millions of incidents in a 1 GB
 * heap) gives exactly what it gives on a list of {@link Incident} objects, and the columns keep each
 * repeated string once.
 */
class IncidentColumnsHotspotsTest {

    private final HotspotFinder finder = new HotspotFinder(1);

    @Test
    void everyRowComesBackEqualWithoutItsSourceLineAndRepeatedStringsAreShared() {
        // every string its own object, as rows read from a database arrive
        List<Incident> rows = new ArrayList<>(TestIncidents.fourCentres(500, 7).stream()
                .map(i -> new Incident(new String(i.incidentId()), i.occurredAt(), i.lat(), i.lon(), new String(i.offense()),
                        new String(i.offenseCode()), new String(i.offenseGroup()), new String(i.district()), i.sourceLine()))
                .toList());
        rows.add(new Incident(null, LocalDateTime.of(2020, 1, 1, 0, 0, 0, 5), 42.3, -71.1, "ODD", null, null, null, 9));
        rows.add(new Incident("", LocalDateTime.of(2020, 1, 1, 0, 0), 42.3, -71.1, "ODD", "1", "G", "B2", 10));
        rows.add(new Incident("Zürich-1", LocalDateTime.of(1960, 1, 1, 0, 0), 42.3, -71.1, "ODD", "1", "G", "B2", 11));
        IncidentColumns columns = IncidentColumns.of(rows);

        assertEquals(rows.size(), columns.size());
        for (int r = 0; r < rows.size(); r++) {
            Incident i = rows.get(r);
            Incident expected = new Incident(i.incidentId(), i.occurredAt(), i.lat(), i.lon(), i.offense(), i.offenseCode(),
                    i.offenseGroup(), i.district(), 0);
            assertEquals(expected, columns.get(r), "row " + r);
        }
        assertNull(columns.incidentId(500));
        assertEquals("", columns.incidentId(501));
        assertEquals("Zürich-1", columns.incidentId(502));
        // one String per distinct value: two rows with the same offence read back the very same object ...
        int other = -1;
        for (int r = 1; r < rows.size() && other < 0; r++) {
            if (rows.get(r).offense().equals(rows.get(0).offense())) {
                other = r;
            }
        }
        assertNotSame(rows.get(0).offense(), rows.get(other).offense());
        assertSame(columns.get(0).offense(), columns.get(other).offense());
        assertSame(columns.district(501), columns.district(502));
        assertSame(columns.offenseGroup(501), columns.offenseGroup(502));
        // ... while the ids, which never repeat, are not kept as strings at all
        assertNotSame(columns.incidentId(502), columns.incidentId(502));
    }

    @Test
    void columnsGiveTheSameHotspotsAsTheListOnTheDemoData() {
        List<Incident> demo = TestIncidents.fourCentres(3000, 3);
        sameEverywhere(demo, HotspotSettings.defaults().withK(4), LocalDate.of(2018, 1, 1));
    }

    @Tag("real")
    @Test
    void columnsGiveTheSameHotspotsAsTheListOnMattapan() {
        sameEverywhere(BostonData.mattapan(2015, 2016, 2017, 2018), HotspotSettings.defaults(), LocalDate.of(2018, 1, 1));
    }

    private void sameEverywhere(List<Incident> rows, HotspotSettings base, LocalDate testFrom) {
        IncidentColumns columns = IncidentColumns.of(rows);
        assertEquals(HotspotFinder.dataHash(rows), HotspotFinder.dataHash(columns));
        same(finder.find(rows, base, Progress.NONE), finder.find(columns, base, Progress.NONE));
        HotspotSettings noBacktest = base.withBacktest(null).withRadius(new RadiusRule.Fixed(HotspotSettings.DEFAULT_PATROL_RADIUS_M));
        for (MethodChoice m : List.of(MethodChoice.COVERAGE, MethodChoice.KMEANS, MethodChoice.GRID)) {
            HotspotSettings s = noBacktest.withMethod(m);
            same(finder.run(rows, s, List.of(), Progress.NONE), finder.run(columns, s, List.of(), Progress.NONE));
        }
        HotspotSettings compare = base.withMethod(MethodChoice.AUTO).withCompare(true)
                .withBacktest(Backtest.defaults().withTestFrom(testFrom));
        same(finder.run(rows, compare, List.of(), Progress.NONE), finder.run(columns, compare, List.of(), Progress.NONE));
    }

    private static void same(HotspotResult list, HotspotResult columns) {
        assertEquals(list.hotspots(), columns.hotspots());
        assertEquals(list.sse(), columns.sse());
        assertEquals(list.method(), columns.method());
        assertEquals(list.cells(), columns.cells());
        assertEquals(list.heat(), columns.heat());
        assertEquals(list.evaluation(), columns.evaluation());
        assertEquals(list.notes(), columns.notes());
        assertEquals(list.provenance().dataSha256(), columns.provenance().dataSha256());
        assertEquals(list.provenance().rowsUsed(), columns.provenance().rowsUsed());
        assertEquals(list.provenance().firstIncident(), columns.provenance().firstIncident());
        assertEquals(list.provenance().lastIncident(), columns.provenance().lastIncident());
    }
}
