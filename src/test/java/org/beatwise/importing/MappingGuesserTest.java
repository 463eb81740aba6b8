package org.beatwise.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MappingGuesserTest {

    @Test
    void chicagoStyleExport() {
        List<String> headers = List.of("ID", "Case Number", "Date", "Block", "IUCR", "Primary Type", "Description",
                "District", "Beat", "X Coordinate", "Y Coordinate", "Latitude", "Longitude");
        List<List<String>> rows = List.of(
                List.of("1", "JA100001", "01/02/2020 11:15:00 PM", "001XX N STATE ST", "0820", "THEFT", "$500 AND UNDER",
                        "001", "0111", "1176346", "1900754", "41.88", "-87.63"),
                List.of("2", "JA100002", "01/03/2020 08:00:00 AM", "002XX W MADISON ST", "0486", "BATTERY", "DOMESTIC",
                        "001", "0122", "1174000", "1900000", "41.881", "-87.634"));
        MappingGuesser.MappingProposal p = MappingGuesser.guess(headers, rows);
        assertEquals("Date", p.columns().get(Field.DATETIME));
        assertEquals("Primary Type", p.columns().get(Field.OFFENSE));
        assertEquals("IUCR", p.columns().get(Field.OFFENSE_CODE));
        assertEquals("Latitude", p.columns().get(Field.LAT));
        assertEquals("Longitude", p.columns().get(Field.LON));
        assertEquals("Case Number", p.columns().get(Field.ID));
        assertEquals("District", p.columns().get(Field.DISTRICT));
        assertEquals("Beat", p.columns().get(Field.REPORTING_AREA));
        assertTrue(p.missing().isEmpty());
        assertNull(p.datePattern());
        assertTrue(p.toMapping().isPresent());
    }

    @Test
    void separateDateAndTimeColumns() {
        List<String> headers = List.of("DR_NO", "DATE OCC", "TIME OCC", "Crm Cd", "Crm Cd Desc", "LAT", "LON", "AREA NAME");
        List<List<String>> rows = List.of(List.of("190326475", "03/01/2020 12:00:00 AM", "2130", "510", "VEHICLE - STOLEN",
                "34.0375", "-118.3506", "Wilshire"));
        MappingGuesser.MappingProposal p = MappingGuesser.guess(headers, rows);
        assertEquals("DATE OCC", p.columns().get(Field.DATE));
        assertEquals("TIME OCC", p.columns().get(Field.TIME));
        assertEquals("Crm Cd Desc", p.columns().get(Field.OFFENSE));
        assertEquals("Crm Cd", p.columns().get(Field.OFFENSE_CODE));
        assertEquals("DR_NO", p.columns().get(Field.ID));
        assertEquals("AREA NAME", p.columns().get(Field.DISTRICT));
        assertTrue(p.toMapping().isPresent());
    }

    @Test
    void dayFirstDatesGetAPattern() {
        List<String> headers = List.of("Crime ID", "Date", "Crime type", "Latitude", "Longitude");
        List<List<String>> rows = List.of(List.of("a1", "25/12/2021 18:30", "Burglary", "51.5", "-0.1"),
                List.of("a2", "26/12/2021 09:05", "Robbery", "51.51", "-0.11"));
        MappingGuesser.MappingProposal p = MappingGuesser.guess(headers, rows);
        assertEquals("Date", p.columns().get(Field.DATETIME));
        assertEquals("d/M/yyyy H:mm", p.datePattern());
        assertEquals("Crime type", p.columns().get(Field.OFFENSE));
    }

    @Test
    void projectedCoordinatesAreNotLatLon() {
        List<String> headers = List.of("id", "date", "offense", "x", "y");
        List<List<String>> rows = List.of(List.of("1", "2020-01-01 10:00:00", "THEFT", "1176346", "1900754"));
        MappingGuesser.MappingProposal p = MappingGuesser.guess(headers, rows);
        assertEquals(List.of("lat", "lon"), p.missing());
        assertTrue(p.toMapping().isEmpty());
    }
}
