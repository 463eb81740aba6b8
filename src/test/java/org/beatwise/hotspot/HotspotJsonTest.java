package org.beatwise.hotspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HotspotJsonTest {

    /** A set's result_json exactly as Beatwise stored it while hotspot sets had camelCase keys. */
    private static String camelCaseSet() throws IOException {
        try (InputStream in = HotspotJsonTest.class.getResourceAsStream("/stored/hotspot-set-camelcase.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aSetStoredWithCamelCaseKeysStillLoadsWhole() throws IOException {
        HotspotResult r = HotspotJson.read(camelCaseSet());

        assertEquals(2, r.settings().k());
        assertEquals(new RadiusRule.Share(0.8), r.settings().radius());
        assertEquals(Set.of("LARCENY"), r.settings().filter().offences());
        assertEquals(3000.0, r.settings().backtest().cellSizeM());
        assertEquals(0.2, r.settings().backtest().testShare());
        assertEquals(1773731270.6528344, r.sse());
        Hotspot first = r.hotspots().get(0);
        assertEquals(3943.7496648024353, first.radiusM());
        assertEquals(48.86169765286208, first.areaKm2());
        assertEquals(new OffenceShare("LARCENY SHOPLIFTING", 72, 0.5625), first.topOffences().get(0));
        assertEquals(24, first.hourCounts().size());
        assertEquals(LocalDateTime.of(2024, 8, 1, 4, 16), r.evaluation().testFrom());
        assertEquals(148, r.evaluation().trainCount());
        assertEquals(0.7441860465116279, r.evaluation().kmeans().hitRate());
        assertFalse(r.evaluation().gridCells().isEmpty());
        assertEquals(191, r.rowsUsed());
        assertEquals(1990, r.provenance().inputRows());
        assertEquals("8ce163bf20335822027d8eefde8f02bbd1571b39d18d15c36d404317f242a253", r.provenance().dataSha256());
        assertEquals(42, r.provenance().bestSeed());
        assertEquals(List.of(), r.notes());
        assertEquals(List.of(), r.evaluation().districts(), "saved before the per-district table");
    }

    @Test
    void aSnakeCaseSetSavedBeforeThePerDistrictTableLoadsAndTheTableRoundTrips() {
        HotspotResult made = new HotspotFinder(1).run(DistrictHitRateTest.handBuilt(), HotspotSettings.defaults().withK(2)
                .withRestarts(2).withMethod(MethodChoice.COVERAGE).withRadius(new RadiusRule.Fixed(250))
                .withBacktest(Backtest.defaults().withTestFrom(java.time.LocalDate.of(2020, 7, 1))), List.of(),
                org.beatwise.task.Progress.NONE);
        String json = HotspotJson.write(made);
        assertTrue(json.contains("\"districts\":[{\"district\":\"B3\",\"test_incidents\":50,"), json);
        assertEquals(made.evaluation().districts(), HotspotJson.read(json).evaluation().districts());

        String before = json.replaceFirst(",\"districts\":\\[[^\\]]*\\]", "");
        assertFalse(before.contains("\"districts\""), before);
        HotspotResult old = HotspotJson.read(before);
        assertEquals(List.of(), old.evaluation().districts());
        assertEquals(made.evaluation().grid(), old.evaluation().grid());
    }

    @Test
    void setsAreNowStoredSnakeCaseAndReadBackUnchanged() throws IOException {
        HotspotResult old = HotspotJson.read(camelCaseSet());

        String json = HotspotJson.write(old);

        assertTrue(json.contains("\"rows_used\":191"), json);
        assertTrue(json.contains("\"radius_m\":"), json);
        assertTrue(json.contains("\"cell_size_m\":3000.0"), json);
        assertTrue(json.contains("\"radius\":{\"kind\":\"share\""), "the radius rule keeps its type tag: " + json);
        assertFalse(json.matches("(?s).*\"[a-z0-9]+[A-Z]\\w*\":.*"), "no camelCase key: " + json);
        assertEquals(old, HotspotJson.read(json));
    }

    @Test
    void setsSavedBeforeThereWasAChoiceOfMethodLoadAsKMeansSets() throws IOException {
        HotspotResult old = HotspotJson.read(camelCaseSet());
        assertEquals(MethodChoice.KMEANS, old.method());
        assertEquals(MethodChoice.KMEANS, old.settings().method());
        assertEquals(1, old.settings().backtest().windows());
        assertTrue(old.cells().isEmpty() && old.evaluation().methods().isEmpty());

        // the snake_case shape of the same era: no method, KDE or window keys anywhere
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                org.beatwise.json.JsonMappers.stored().readTree(HotspotJson.write(old));
        for (String key : List.of("method", "cells", "heat")) {
            tree.remove(key);
        }
        com.fasterxml.jackson.databind.node.ObjectNode settings = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("settings");
        for (String key : List.of("method", "kernel", "bandwidths_m", "kde_cell_m", "half_life_days", "compare")) {
            settings.remove(key);
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) settings.get("backtest")).remove(List.of("windows", "window_days"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("evaluation")).remove(
                List.of("methods", "chosen", "chosen_because", "curves", "windows"));
        HotspotResult read = HotspotJson.read(tree.toString());
        assertEquals(old, read);
    }

    @Test
    void aCellMethodResultRoundTrips() throws IOException {
        HotspotResult old = HotspotJson.read(camelCaseSet());
        HotspotResult cells = new HotspotResult(old.settings().withMethod(MethodChoice.GISTAR), List.of(), 0, old.evaluation(),
                List.of(), old.provenance(), MethodChoice.GISTAR,
                List.of(new HotCell(1, 42.28, -71.09, 42.2814, -71.0882, 4.2, 55, 4.2, 2.7e-5, 99)), List.of());
        assertEquals(cells, HotspotJson.read(HotspotJson.write(cells)));
    }
}
