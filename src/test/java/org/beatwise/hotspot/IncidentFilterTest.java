package org.beatwise.hotspot;

import static org.beatwise.testing.TestIncidents.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.beatwise.domain.Incident;
import org.junit.jupiter.api.Test;

class IncidentFilterTest {

    // 2018-03-05 is a Monday, 2018-03-10 a Saturday.
    private final Incident mondayEvening = at(42.3, -71.1, "2018-03-05T19:30", "LARCENY ALL OTHERS");
    private final Incident mondayNight = at(42.3, -71.1, "2018-03-05T01:10", "BURGLARY - RESIDENTIAL - FORCE");
    private final Incident saturdayNoon = at(42.3, -71.1, "2018-03-10T12:00", "VANDALISM");
    private final Incident january = at(42.3, -71.1, "2018-01-02T08:00", "LARCENY ALL OTHERS");
    private final List<Incident> all = List.of(january, mondayNight, mondayEvening, saturdayNoon);

    @Test
    void noFilterKeepsEverythingInOrder() {
        assertEquals(all, IncidentFilter.none().apply(all));
        assertEquals("no filters", IncidentFilter.none().describe());
    }

    @Test
    void datesAreInclusiveDays() {
        IncidentFilter march5 = IncidentFilter.none().withDates(LocalDate.of(2018, 3, 5), LocalDate.of(2018, 3, 5));
        assertEquals(List.of(mondayNight, mondayEvening), march5.apply(all));
    }

    @Test
    void offencesMatchDescriptionGroupOrCodeIgnoringCase() {
        assertEquals(List.of(january, mondayEvening),
                IncidentFilter.none().withOffences(Set.of("larceny all others")).apply(all));
        assertEquals(List.of(saturdayNoon), IncidentFilter.none().withOffences(Set.of("VANDALISM group")).apply(all));
    }

    @Test
    void weekdayEveningsWrapPastMidnight() {
        IncidentFilter f = IncidentFilter.none()
                .withDays(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY))
                .withHours(new HourRange(18, 2));
        assertEquals(List.of(mondayNight, mondayEvening), f.apply(all));
    }

    @Test
    void lastDaysCountsBackFromTheNewestIncident() {
        // Newest is 2018-03-10; the last 6 days are 03-05 … 03-10.
        assertEquals(List.of(mondayNight, mondayEvening, saturdayNoon), IncidentFilter.none().withLastDays(6).apply(all));
        assertEquals(List.of(saturdayNoon), IncidentFilter.none().withLastDays(5).apply(all));
    }
}
