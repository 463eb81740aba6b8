package org.beatwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool on a real H2 file: reuse, no transaction leaking to the next caller, dead connections dropped. */
class ConnectionPoolTest {

    @TempDir
    Path dir;
    private Database db;
    private ConnectionPool pool;
    private int opened;

    @BeforeEach
    void open() throws SQLException {
        // a real station database (its own pool underneath); this pool's connections are taken from it
        db = Database.open(dir);
        db.query(c -> {
            try (Statement s = c.createStatement()) {
                return s.execute("CREATE TABLE t (v INT)");
            }
        });
        pool = new ConnectionPool(() -> {
            opened++;
            return db.connection();
        });
    }

    @AfterEach
    void close() throws SQLException {
        pool.close();
        db.close();
    }

    @Test
    void aConnectionGivenBackIsTheNextOneHandedOut() throws SQLException {
        Connection first = pool.take();
        Connection real = first.unwrap(Connection.class);
        first.close();
        assertTrue(first.isClosed());
        assertEquals(1, pool.idleCount());
        try (Connection second = pool.take()) {
            assertSame(real, second.unwrap(Connection.class));
            assertFalse(second.isClosed());
        }
        assertEquals(1, opened);
    }

    @Test
    void anUncommittedTransactionIsRolledBackBeforeTheNextCallerGetsTheConnection() throws SQLException {
        try (Connection c = pool.take(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("INSERT INTO t VALUES (1)");
        }
        try (Connection c = pool.take(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
            assertTrue(c.getAutoCommit());
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
        assertEquals(1, opened);
    }

    @Test
    void aClosedHandleRefusesWorkAndClosingTwiceGivesBackOnce() throws SQLException {
        Connection c = pool.take();
        c.close();
        c.close();
        assertEquals(1, pool.idleCount());
        assertThrows(SQLException.class, c::createStatement);
    }

    @Test
    void aConnectionThatNoLongerAnswersIsDroppedNotHandedOut() throws SQLException {
        Connection c = pool.take();
        Connection real = c.unwrap(Connection.class);
        c.close();
        real.close();
        try (Connection next = pool.take()) {
            assertNotSame(real, next.unwrap(Connection.class));
            assertTrue(next.isValid(1));
        }
        assertEquals(2, opened);
    }

    @Test
    void atMostAFewIdleConnectionsAreKept() throws SQLException {
        List<Connection> many = new ArrayList<>();
        for (int i = 0; i < ConnectionPool.MAX_IDLE + 3; i++) {
            many.add(pool.take());
        }
        for (Connection c : many) {
            c.close();
        }
        assertEquals(ConnectionPool.MAX_IDLE, pool.idleCount());
        pool.close();
        assertEquals(0, pool.idleCount());
        assertThrows(SQLException.class, pool::take);
    }
}
