package org.beatwise.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of migration V10 a script cannot do, inside its transaction: on PostgreSQL, chunks are stored
 * without compression (they are packed already; compressing 400 KB values cost the server CPU for little);
 * then the incidents of the V2 table {@code incidents} (one row per incident, key dataset id * 2^40 + row
 * number) move into {@code incident_chunks}, dataset by dataset in import order, and that table is dropped.
 */
final class IncidentChunksMigration {

    private static final int ROW_BITS = 40;

    private IncidentChunksMigration() { }

    static void run(Connection c, Engine engine) throws SQLException {
        if (engine == Engine.POSTGRESQL) {
            try (var st = c.createStatement()) {
                st.execute("ALTER TABLE incident_chunks ALTER COLUMN data SET STORAGE EXTERNAL");
            }
        }
        if (!Migrations.hasTable(c, "incidents")) {
            return;
        }
        List<Long> datasets = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM datasets ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                datasets.add(rs.getLong(1));
            }
        }
        try (PreparedStatement page = c.prepareStatement("SELECT id, file_id, source_line, incident_id, occurred_at, lat, lon, "
                + "offense, offense_code, offense_group, district, street, reporting_area, shooting, ucr_part, dedupe_key "
                + "FROM incidents WHERE id > ? AND id <= ? ORDER BY id LIMIT " + IncidentChunk.ROWS)) {
            for (long dataset : datasets) {
                // a page at a time, and the writer idle before the next page is read: one connection serves both
                try (IncidentChunkWriter writer = new IncidentChunkWriter(c, engine, dataset, 0)) {
                    long after = (dataset << ROW_BITS) - 1;
                    long last = (dataset << ROW_BITS) | ((1L << ROW_BITS) - 1);
                    int read;
                    do {
                        read = 0;
                        page.setLong(1, after);
                        page.setLong(2, last);
                        try (ResultSet rs = page.executeQuery()) {
                            while (rs.next()) {
                                after = rs.getLong(1);
                                Object shooting = rs.getObject(14);
                                writer.add(new IncidentRecord(rs.getLong(2), rs.getLong(3), rs.getString(4),
                                        rs.getObject(5, LocalDateTime.class), rs.getDouble(6), rs.getDouble(7), rs.getString(8),
                                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                                        shooting == null ? null : (Boolean) shooting, rs.getString(15), rs.getLong(16)));
                                read++;
                            }
                        }
                        writer.flush();
                    } while (read == IncidentChunk.ROWS);
                }
            }
        }
        try (var st = c.createStatement()) {
            st.execute("DROP TABLE incidents");
        }
    }
}
