package org.beatwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.beatwise.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station whose incidents sit in the V2 table (a row per incident) gets them as chunks when it is
 * opened by this build: the same incidents, in the same order, per dataset; the old table is gone, and
 * the dataset takes new imports after them. On both engines.
 */
class IncidentChunksMigrationTest {

    @TempDir
    Path home;

    private static IncidentRecord incident(long dataset, int i) {
        return new IncidentRecord(dataset * 10 + i % 2, i + 2, "I" + dataset + "-" + i,
                LocalDateTime.of(2016, 1, 1, 0, 0).plusMinutes(i * 37L).withNano(i % 3 == 0 ? 123_456_000 : 0),
                42.28 + i * 1e-6, -71.09 - i * 1e-6, "OFFENSE " + i % 7, "" + (600 + i % 7), "Group " + i % 5, "B" + i % 3,
                i % 4 == 0 ? "" : "STREET " + i % 11, "" + i % 13, i % 3 == 0 ? null : i % 3 == 1, "Part " + i % 3, i * 7919L);
    }

    /** The V2 table as it shipped (derived columns left out: nothing read them), filled with rows per dataset. */
    private static void makeLegacy(Database db, int[] sizes, List<List<IncidentRecord>> expected) {
        db.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE incident_chunks");
                st.execute("DELETE FROM schema_version WHERE version = 10");
                st.execute("CREATE TABLE incidents (id BIGINT PRIMARY KEY, dataset_id BIGINT NOT NULL, file_id BIGINT NOT NULL, "
                        + "source_line BIGINT NOT NULL, incident_id VARCHAR NOT NULL, occurred_at TIMESTAMP NOT NULL, "
                        + "lat DOUBLE PRECISION NOT NULL, lon DOUBLE PRECISION NOT NULL, offense VARCHAR NOT NULL, "
                        + "offense_code VARCHAR NOT NULL, offense_group VARCHAR NOT NULL, district VARCHAR NOT NULL, "
                        + "street VARCHAR NOT NULL, reporting_area VARCHAR NOT NULL, shooting BOOLEAN, ucr_part VARCHAR NOT NULL, "
                        + "dedupe_key BIGINT NOT NULL)");
            }
            for (int d = 0; d < sizes.length; d++) {
                long id;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO datasets (name, name_key, synthetic, created_by, "
                        + "created_at, updated_at) VALUES (?, ?, FALSE, 't', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", new String[] {"id"})) {
                    ps.setString(1, "D" + d);
                    ps.setString(2, "d" + d);
                    ps.executeUpdate();
                    try (var keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                List<IncidentRecord> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO incidents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    // written out of order: the key, not the insert order, is the import order
                    for (int i = sizes[d] - 1; i >= 0; i--) {
                        IncidentRecord r = incident(id, i);
                        ps.setLong(1, (id << 40) + i);
                        ps.setLong(2, id);
                        ps.setLong(3, r.fileId());
                        ps.setLong(4, r.sourceLine());
                        ps.setString(5, r.incidentId());
                        ps.setObject(6, r.occurredAt());
                        ps.setDouble(7, r.lat());
                        ps.setDouble(8, r.lon());
                        ps.setString(9, r.offense());
                        ps.setString(10, r.offenseCode());
                        ps.setString(11, r.offenseGroup());
                        ps.setString(12, r.district());
                        ps.setString(13, r.street());
                        ps.setString(14, r.reportingArea());
                        ps.setObject(15, r.shooting());
                        ps.setString(16, r.ucrPart());
                        ps.setLong(17, r.dedupeKey());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                for (int i = 0; i < sizes[d]; i++) {
                    rows.add(incident(id, i));
                }
                expected.add(rows);
            }
            return null;
        });
    }

    private static void convertsOn(Supplier<Database> open) {
        // two full chunks and a bit; an empty dataset; a small one
        int[] sizes = {IncidentChunk.ROWS * 2 + 3, 0, 5};
        List<List<IncidentRecord>> expected = new ArrayList<>();
        try (Database db = open.get()) {
            makeLegacy(db, sizes, expected);
        }
        try (Database db = open.get()) {
            assertEquals(Migrations.available().keySet(), db.query(Migrations::appliedVersions));
            boolean old = db.query(c -> Migrations.hasTable(c, "incidents"));
            assertFalse(old, "the old table is dropped");
            DatasetStore store = new DatasetStore(db);
            for (int d = 0; d < sizes.length; d++) {
                List<IncidentRecord> back = new ArrayList<>();
                store.forEachIncident(store.find("D" + d).orElseThrow().id(), back::add);
                assertEquals(expected.get(d), back, "dataset D" + d);
            }
            // a later import continues after the converted rows
            IncidentRecord extra = incident(99, 1);
            store.write(w -> {
                w.openDataset("D2", false, "t", java.time.Instant.EPOCH);
                w.insert(extra);
                return null;
            });
            List<IncidentRecord> back = new ArrayList<>();
            store.forEachIncident(store.find("D2").orElseThrow().id(), back::add);
            assertEquals(6, back.size());
            assertEquals(extra, back.get(5));
        }
    }

    @Test
    void h2() {
        convertsOn(() -> Database.open(home));
    }

    @Test
    void postgres() {
        try (TestPostgres.Schema schema = TestPostgres.schema()) {
            convertsOn(() -> Database.openShared(schema.url(), null, null));
            try (Database db = Database.openShared(schema.url(), null, null)) {
                String storage = db.query(c -> {
                    try (var ps = c.prepareStatement("SELECT a.attstorage FROM pg_attribute a JOIN pg_class t ON a.attrelid = t.oid "
                            + "JOIN pg_namespace n ON t.relnamespace = n.oid WHERE n.nspname = ? AND t.relname = 'incident_chunks' "
                            + "AND a.attname = 'data'")) {
                        ps.setString(1, schema.name());
                        try (var rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getString(1);
                        }
                    }
                });
                assertEquals("e", storage, "chunks are stored uncompressed (EXTERNAL)");
            }
        }
    }

    @Test
    void aStationWithoutTheOldTableIsLeftAlone() {
        try (Database db = Database.open(home)) {
            boolean chunks = db.query(c -> Migrations.hasTable(c, "incident_chunks"));
            boolean old = db.query(c -> Migrations.hasTable(c, "incidents"));
            assertTrue(chunks);
            assertFalse(old);
        }
    }
}
