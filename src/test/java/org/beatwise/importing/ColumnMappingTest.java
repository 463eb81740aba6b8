package org.beatwise.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnMappingTest {

    @Test
    void parsesCommandLinePairs() {
        ColumnMapping m = ColumnMapping.parse(List.of("lat=Latitude", "lon=Longitude", "offense=Crime Type",
                "datetime=Date", "ID=Case"), "dd/MM/yyyy HH:mm");
        assertEquals("Crime Type", m.columns().get(Field.OFFENSE));
        assertEquals("Case", m.columns().get(Field.ID));
        assertEquals("dd/MM/yyyy HH:mm", m.datePattern());
        assertEquals("id=Case, datetime=Date, offense=Crime Type, lat=Latitude, lon=Longitude", m.describe());
        assertFalse(m.isBpd());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lat=a;lon=b;offense=c                       | mapping is missing datetime (or date + time)",
            "lat=a;lon=b;datetime=c                      | mapping is missing offense (or offense_code)",
            "lat=a;lon=b;offense=c;date=d                | mapping is missing time",
            "lat=a;lon=b;offense=c;datetime=d;time=e     | map either datetime or date + time, not both",
            "lat=a;lon=b;offense=c;datetime=d;colour=e   | unknown field 'colour'; fields are id, datetime",
            "lat=a;lon=b;offense=c;datetime              | column 'datetime' must look like FIELD=HEADER",
            "lat=a;lat=b                                 | field lat is mapped twice"})
    void invalidMappingsSayWhatIsWrong(String pairs, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColumnMapping.parse(List.of(pairs.split(";")), null));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void badDatePatternIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ColumnMapping(Map.of(Field.LAT, "a", Field.LON, "b", Field.OFFENSE, "c", Field.DATETIME, "d"), "yyyy-bb"));
        assertTrue(e.getMessage().startsWith("datePattern 'yyyy-bb' is not a java.time pattern"), e.getMessage());
    }

    @Test
    void detectsBpdSchemaWithMissingOptionalColumns() {
        List<String> mattapan = List.of("\uFEFFINCIDENT_NUMBER", "OFFENSE_CODE", "OFFENSE_CODE_GROUP", "OFFENSE_DESCRIPTION",
                "DISTRICT", "REPORTING_AREA", "OCCURRED_ON_DATE", "YEAR", "MONTH", "DAY_OF_WEEK", "HOUR", "UCR_PART",
                "STREET", "Lat", "Long", "Location");
        ColumnMapping m = ColumnMapping.bpd(mattapan).orElseThrow();
        assertTrue(m.isBpd());
        assertFalse(m.columns().containsKey(Field.SHOOTING));
        assertEquals("INCIDENT_NUMBER", m.columns().get(Field.ID));
        assertEquals(13, m.resolve(mattapan)[Field.LAT.ordinal()]);
        assertTrue(ColumnMapping.bpd(List.of("incident_number", "offense_code", "occurred_on_date", "LAT", "LONG")).isPresent());
        assertTrue(ColumnMapping.bpd(List.of("INCIDENT_NUMBER", "OFFENSE_CODE", "Lat", "Long")).isEmpty());
    }
}
