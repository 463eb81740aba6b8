package org.beatwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EngineTest {

    @Test
    void placeholdersBecomeEachEnginesSpelling() {
        String sql = "CREATE TABLE t (a ${long_text}, b ${bytes}, h SMALLINT GENERATED ALWAYS AS (1) ${stored})";
        assertEquals("CREATE TABLE t (a CLOB, b BLOB, h SMALLINT GENERATED ALWAYS AS (1) )", Engine.H2.substitute(sql, "V0"));
        assertEquals("CREATE TABLE t (a TEXT, b BYTEA, h SMALLINT GENERATED ALWAYS AS (1) STORED)",
                Engine.POSTGRESQL.substitute(sql, "V0"));
    }

    @Test
    void anUnknownPlaceholderNamesTheScript() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Engine.H2.substitute("x ${nope}", "V9__x.sql"));
        assertTrue(e.getMessage().contains("V9__x.sql") && e.getMessage().contains("${nope}"), e.getMessage());
    }

    @Test
    void theUrlNamesTheEngine() {
        assertEquals(Engine.POSTGRESQL, Engine.of("jdbc:postgresql://h/db"));
        assertEquals(Engine.H2, Engine.of("jdbc:h2:file:/x"));
        assertThrows(IllegalArgumentException.class, () -> Engine.of("jdbc:mysql://h/db"));
    }
}
