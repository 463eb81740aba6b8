package org.beatwise.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.beatwise.domain.Incident;
import org.beatwise.testing.BostonData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class OffenseCategoriesTest {

    private static OffenseCategories map(String csv) throws IOException {
        return OffenseCategories.read(new StringReader("key,category\n" + csv), "test");
    }

    @Test
    void descriptionBeatsCodeBeatsNarrowRangeBeatsWideRange() throws IOException {
        OffenseCategories m = map("""
                600-699,theft
                610-619,small
                614,vehicle
                "LARCENY, SPECIAL",special
                """);
        assertEquals(Optional.of("theft"), m.lookup("X", "650"));
        assertEquals(Optional.of("small"), m.lookup("X", "611"));
        assertEquals(Optional.of("vehicle"), m.lookup("X", "00614"));
        assertEquals(Optional.of("special"), m.lookup("larceny,  special", "614"));
        assertEquals(Optional.empty(), m.lookup("X", "700"));
        assertEquals(Optional.empty(), m.lookup("X", null));
        assertEquals(List.of("other", "small", "special", "theft", "vehicle"), m.categories());
    }

    @Test
    void descriptionsMatchDespiteMojibakeAndSpacing() throws IOException {
        OffenseCategories m = map("M/V ACCIDENT - PROPERTY DAMAGE,traffic\n");
        assertEquals(Optional.of("traffic"), m.lookup("M/V ACCIDENT - PROPERTY \u00e5\u00caDAMAGE", ""));
        assertEquals(Optional.of("traffic"), m.lookup("m/v accident -  property\u00a0damage", "x"));
    }

    @Test
    void aBadLineNamesTheSourceAndLine() {
        var e = assertThrows(IllegalArgumentException.class, () -> map("614,vehicle\n615\n"));
        assertTrue(e.getMessage().startsWith("test line"), e.getMessage());
    }

    @Test
    void unmappedRowsGoToOtherAndAreCounted() throws IOException {
        Labeler labeler = new Labeler(map("614,vehicle\n"));
        List<Incident> rows = List.of(
                incident("LARCENY FROM MV", "614", "Larceny"),
                incident("SOMETHING NEW", "9999", ""));
        Labels labels = labeler.label(Target.CATEGORY, rows);
        assertEquals(List.of("vehicle", "other"), labels.values());
        assertEquals(1, labels.unmappedToOther());
        Labels groups = labeler.label(Target.GROUP, rows);
        assertEquals(1, groups.withoutLabel(), "an empty offence group is no label");
    }

    @Test
    void shippedMapHasAboutADozenCategories() {
        List<String> categories = OffenseCategories.load().categories();
        assertTrue(categories.size() >= 10 && categories.size() <= 16, categories.toString());
        assertTrue(categories.containsAll(List.of("violent", "vehicle", "drugs", "disorder", "other")));
    }

    @Test
    @Tag("real")
    void shippedMapCoversEveryMattapanRow() {
        List<Incident> rows = BostonData.mattapan(2015, 2016, 2017, 2018, 2019);
        Labels labels = new Labeler(OffenseCategories.load()).label(Target.CATEGORY, rows);
        assertEquals(0, labels.unmappedToOther());
    }

    private static Incident incident(String offense, String code, String group) {
        return new Incident("I1", java.time.LocalDateTime.of(2020, 1, 1, 0, 0), 42.3, -71.1, offense, code, group, "B3", 2);
    }
}
