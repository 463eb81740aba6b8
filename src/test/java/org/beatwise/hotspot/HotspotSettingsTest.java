package org.beatwise.hotspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beatwise.settings.SettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HotspotSettingsTest {

    private static String message(Executable bad) {
        return assertThrows(IllegalArgumentException.class, bad).getMessage();
    }

    @Test
    void defaultsAreThePapersTenHotspots() {
        HotspotSettings d = HotspotSettings.defaults();
        assertEquals(10, d.k());
        assertEquals(10, d.restarts());
        assertEquals(42, d.seed());
        assertEquals(new RadiusRule.Share(0.8), d.radius());
        assertEquals(Backtest.defaults(), d.backtest());
    }

    @ParameterizedTest
    @CsvSource({
        "0, 10, 42, 'k must be between 2 and 50, was 0'",
        "51, 10, 42, 'k must be between 2 and 50, was 51'",
        "10, 0, 42, 'restarts must be between 1 and 1000, was 0'",
        "10, 10, -1, 'seed must be between 0 and 2147483637, was -1'",
    })
    void badNumbersNameTheFieldAndValue(int k, int restarts, int seed, String expected) {
        assertEquals(expected, message(() -> new HotspotSettings(k, restarts, seed, RadiusRule.defaultShare(),
                IncidentFilter.none(), null)));
    }

    @Test
    void badRadiusAndBacktestValuesAreNamed() {
        assertEquals("radius share must be in (0, 1], was 0.0", message(() -> new RadiusRule.Share(0)));
        assertEquals("radius metres must be in [10, 10000], was 5.0", message(() -> new RadiusRule.Fixed(5)));
        assertEquals("testShare must be in (0, 1), was 1.0", message(() -> new Backtest(null, 1, 150)));
        assertEquals("cellSizeM must be in [10, 5000], was 0.0", message(() -> new Backtest(null, 0.2, 0)));
    }

    @Test
    void anEmptyDateRangeIsRefused() {
        assertEquals("date range is empty: from 2018-05-01 is after to 2018-04-01",
                message(() -> IncidentFilter.none().withDates(LocalDate.of(2018, 5, 1), LocalDate.of(2018, 4, 1))));
    }

    @Test
    void badHoursAndOffencesAreNamed() {
        assertEquals("hours.to must be 0–23, was 24", message(() -> new HourRange(18, 24)));
        assertEquals("hours must look like 18-2, was 'evening'", message(() -> HourRange.parse("evening")));
        assertTrue(message(() -> IncidentFilter.none().withOffences(Set.of(" "))).startsWith("offences must not contain a blank name"));
    }

    @Test
    void hourRangesMayWrapPastMidnight() {
        HourRange evening = HourRange.parse("18-2");
        for (int h : new int[] {18, 23, 0, 2}) {
            assertTrue(evening.contains(h), "hour " + h);
        }
        for (int h : new int[] {3, 12, 17}) {
            assertFalse(evening.contains(h), "hour " + h);
        }
        assertTrue(new HourRange(9, 17).contains(17));
        assertFalse(new HourRange(9, 17).contains(18));
        assertTrue(HourRange.ALL_DAY.isAllDay());
        assertTrue(new HourRange(5, 4).isAllDay());
    }

    @Test
    void propertiesRoundTrip() {
        HotspotSettings s = new HotspotSettings(12, 5, 7, new RadiusRule.Fixed(250),
                new IncidentFilter(LocalDate.of(2016, 1, 1), LocalDate.of(2017, 12, 31), 90,
                        Set.of("Residential Burglary", "ROBBERY - STREET"), Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY),
                        new HourRange(18, 2)),
                new Backtest(LocalDate.of(2017, 7, 1), 0.2, 100));
        assertEquals(s, HotspotSettings.of(s.toProperties()));
        HotspotSettings noBacktest = HotspotSettings.defaults().withBacktest(null);
        assertEquals(noBacktest, HotspotSettings.of(noBacktest.toProperties()));
    }

    @Test
    void giStarsBandIsValidatedAndRoundTrips() {
        assertEquals(1.5, HotspotSettings.defaults().giBandCells());
        assertEquals("giBandCells must be in [1.0, 10.0] cells, was 0.5",
                message(() -> HotspotSettings.defaults().withGiBandCells(0.5)));
        assertEquals("giBandCells must be in [1.0, 10.0] cells, was 11.0",
                message(() -> HotspotSettings.defaults().withGiBandCells(11)));
        HotspotSettings wide = HotspotSettings.defaults().withGiBandCells(2.5);
        assertEquals("2.5", wide.toProperties().get("hotspot.gistar.band_cells"));
        assertEquals(wide, HotspotSettings.of(wide.toProperties()));
        assertEquals(1.5, HotspotSettings.of(Map.of()).giBandCells(), "sets saved before the band existed");
    }

    @Test
    void missingPropertiesTakeDefaults() {
        // no method key: settings saved before there was a choice, when every set was K-Means
        HotspotSettings saved = HotspotSettings.defaults().withMethod(MethodChoice.KMEANS);
        assertEquals(saved, HotspotSettings.of(Map.of()));
        assertEquals(saved.withK(7), HotspotSettings.of(Map.of("hotspot.k", "7")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "hotspot.k|ten|hotspot.k must be a whole number, was 'ten'",
            "hotspot.radius.m|wide|hotspot.radius.m must be a number, was 'wide'",
            "hotspot.filter.from|2016-13-01|hotspot.filter.from must be a date such as 2018-01-01, was '2016-13-01'",
            "hotspot.filter.days|FRI|hotspot.filter.days must be days of the week such as MONDAY,FRIDAY, was 'FRI'",
            "hotspot.filter.hours|late|hotspot.filter.hours must be an hour range such as 18-2, was 'late'",
            "hotspot.backtest|maybe|hotspot.backtest must be true or false, was 'maybe'"})
    void badPropertiesNameTheKeyAndTheValue(String key, String value, String message) {
        SettingsException e = assertThrows(SettingsException.class, () -> HotspotSettings.of(Map.of(key, value)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void methodSettingsRoundTripAndBadOnesAreNamed() {
        HotspotSettings s = HotspotSettings.defaults().withMethod(MethodChoice.KDE).withCompare(true)
                .withKde(Kernel.QUARTIC, List.of(75.0, 150.0), 20, 180.0)
                .withBacktest(Backtest.defaults().withWindows(12, 30));
        assertEquals(s, HotspotSettings.of(s.toProperties()));
        assertEquals(MethodChoice.AUTO, HotspotSettings.defaults().method(), "the backtest picks unless told");
        assertEquals(HotspotSettings.defaults(), HotspotSettings.of(HotspotSettings.defaults().toProperties()));
        assertEquals("method must be one of auto, coverage, kmeans, kde, gistar, grid, was circles",
                message(() -> MethodChoice.parse("circles")));
        assertEquals("windows must be between 1 and 60, was 0", message(() -> Backtest.defaults().withWindows(0, 30)));
        assertEquals("windows must be 1 when testFrom is set (was 12); use either a test start or rolling windows",
                message(() -> Backtest.defaults().withTestFrom(LocalDate.of(2018, 1, 1)).withWindows(12, 30)));
        assertEquals("halfLifeDays must be > 0 days (leave it out for no recency weighting), was -3.0",
                message(() -> HotspotSettings.defaults().withKde(Kernel.GAUSSIAN, List.of(50.0), 25, -3.0)));
        assertEquals("bandwidthsM must each be in [5, 5000] m, was [0.0]",
                message(() -> HotspotSettings.defaults().withKde(Kernel.GAUSSIAN, List.of(0.0), 25, null)));
        assertEquals("kernel must be gaussian or quartic, was box", message(() -> Kernel.parse("box")));
        SettingsException e = assertThrows(SettingsException.class,
                () -> HotspotSettings.of(Map.of("hotspot.method", "circles")));
        assertTrue(e.getMessage().startsWith("hotspot.method must be one of"), e.getMessage());
    }
}
