package org.beatwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotspotSetStoreTest {

    @TempDir
    Path home;

    private static HotspotSetRecord set(String name, String json) {
        return new HotspotSetRecord(0, name, "mattapan", Instant.parse("2026-01-02T03:04:05Z"), "alice", 10, 42,
                37919, "ab".repeat(32), 7.84e9, "hotspot.k=10\nhotspot.seed=42", json);
    }

    @Test
    void savesFindsListsAndDeletesByNameIgnoringCase() {
        try (Database db = Database.open(home)) {
            HotspotSetStore store = new HotspotSetStore(db);
            String bigJson = "{\"hotspots\":[" + "{\"lat\":42.3}," .repeat(5000) + "{}]}";
            HotspotSetRecord saved = store.insert(set("Mattapan 2018", bigJson));
            assertTrue(saved.id() > 0);
            store.insert(set("Larceny evenings", "{}"));

            HotspotSetRecord found = store.find("mattapan 2018").orElseThrow();
            assertEquals(saved, found);
            assertEquals(bigJson, found.resultJson());

            List<HotspotSetRecord> all = store.list();
            assertEquals(List.of("Larceny evenings", "Mattapan 2018"), all.stream().map(HotspotSetRecord::name).toList());
            assertNull(all.get(0).resultJson(), "the list leaves the large JSON out");

            assertTrue(store.delete("MATTAPAN 2018"));
            assertFalse(store.delete("Mattapan 2018"));
            assertTrue(store.find("Mattapan 2018").isEmpty());
        }
    }

    @Test
    void aTakenNameIsRefusedWithAMessage() {
        try (Database db = Database.open(home)) {
            HotspotSetStore store = new HotspotSetStore(db);
            store.insert(set("Ten", "{}"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.insert(set("TEN", "{}")));
            assertEquals("a hotspot set named 'TEN' already exists; choose another name or delete it first", e.getMessage());
        }
    }
}
