package org.beatwise.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small conversions shared by the stores: instants are stored as UTC timestamps with time zone. */
public final class Jdbc {

    private Jdbc() { }

    public static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        ps.setObject(index, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
    }

    public static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
