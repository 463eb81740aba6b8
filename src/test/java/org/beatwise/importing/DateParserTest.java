package org.beatwise.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2016-01-01 00:00:00        | 2016-01-01T00:00",
            "2023-01-01 13:45:10+00     | 2023-01-01T13:45:10",   // BPD appends +00 to local time: ignored
            "2023-01-01 13:45:10 +00:00 | 2023-01-01T13:45:10",
            "2023-01-01T13:45           | 2023-01-01T13:45",
            "2023-01-01T13:45:10.250Z   | 2023-01-01T13:45:10.250",
            "2023-01-01T13:45:10-05:00  | 2023-01-01T13:45:10",
            "6/15/15 0:00               | 2015-06-15T00:00",       // spreadsheet-saved BPD files
            "12/31/18 23:16             | 2018-12-31T23:16",
            "1/2/99 7:05                | 1999-01-02T07:05",
            "01/02/2020 11:15:00 PM     | 2020-01-02T23:15",
            "01/02/2020 12:15:00 AM     | 2020-01-02T00:15",
            "01/02/2020 12:15:00 pm     | 2020-01-02T12:15",
            "2019/03/04 01:23:45 PM     | 2019-03-04T13:23:45",
            "2019/03/04 13:23:45        | 2019-03-04T13:23:45"})
    void knownFormats(String text, String expected) {
        assertEquals(LocalDateTime.parse(expected), DateParser.known().parseDateTime(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2016-01-01", "2016-02-30 10:00:00", "2016-13-01 10:00", "2016-01-01 24:00:00",
            "13/15/15 0:00", "01/02/2020 13:15:00 PM", "01/02/2020 00:15:00 AM", "15.06.2015 10:00", "yesterday",
            "2016-01-01 10:00:00 tomorrow", "20160101 1000", "2016-01-01 10:60"})
    void rejected(String text) {
        assertNull(DateParser.known().parseDateTime(text));
    }

    @Test
    void dateAndTimeColumns() {
        DateParser p = DateParser.known();
        assertEquals(LocalDateTime.of(2019, 3, 4, 14, 30), p.parseDateAndTime("03/04/2019 12:00:00 AM", "1430"));
        assertEquals(LocalDateTime.of(2019, 3, 4, 0, 5), p.parseDateAndTime("2019-03-04", "5"));
        assertEquals(LocalDateTime.of(2019, 3, 4, 14, 30), p.parseDateAndTime("2019-03-04", "2:30 PM"));
        assertNull(p.parseDateAndTime("2019-03-04", "2575"));
        assertNull(p.parseDateAndTime("2019-03-04", ""));
    }

    @Test
    void userPattern() {
        DateParser p = DateParser.of("dd.MM.yyyy HH:mm");
        assertEquals(LocalDateTime.of(2015, 6, 15, 10, 0), p.parseDateTime("15.06.2015 10:00"));
        assertNull(p.parseDateTime("2015-06-15 10:00"));
        assertEquals(LocalDateTime.of(2015, 6, 15, 0, 0), DateParser.of("dd/MM/yyyy").parseDateTime("15/06/2015"));
        assertEquals(LocalDateTime.of(2015, 6, 15, 22, 5), DateParser.of("dd-MMM-yyyy hh:mm a").parseDateTime("15-Jun-2015 10:05 PM"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DateParser.of("yyyy-MM-dd bb"));
        assertEquals(true, e.getMessage().startsWith("date pattern 'yyyy-MM-dd bb' is not a java.time pattern"));
    }
}
