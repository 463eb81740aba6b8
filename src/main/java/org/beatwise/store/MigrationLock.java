package org.beatwise.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes programs that open one database at the same moment migrate it one after the other, so two of
 * them never run the same script. H2: a lock on a file beside the database (every program sharing an H2
 * data home runs on that one station) plus a lock within this JVM, since a JVM cannot take a file lock
 * twice. PostgreSQL: a session advisory lock, which the server releases even if this program dies.
 */
final class MigrationLock implements AutoCloseable {

    static final String FILE_NAME = "beatwise.migrating";
    // any fixed number; names the lock among the server's advisory locks ("beatwise" in ASCII, shortened)
    private static final long ADVISORY_KEY = 0x6265617477697365L;
    private static final ReentrantLock IN_JVM = new ReentrantLock();

    private final Connection connection;
    private final FileChannel channel;
    private final FileLock fileLock;

    private MigrationLock(Connection connection, FileChannel channel, FileLock fileLock) {
        this.connection = connection;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    static MigrationLock take(Database db, Connection c) throws SQLException {
        if (db.engine() == Engine.POSTGRESQL) {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_lock(" + ADVISORY_KEY + ")");
            }
            return new MigrationLock(c, null, null);
        }
        Path file = db.home().resolve(FILE_NAME);
        IN_JVM.lock();
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new MigrationLock(null, channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            IN_JVM.unlock();
            throw new SQLException("cannot lock " + file + " to migrate the database: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            IN_JVM.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            try (Statement st = connection.createStatement()) {
                st.execute("SELECT pg_advisory_unlock(" + ADVISORY_KEY + ")");
            }
            return;
        }
        try {
            fileLock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        } finally {
            IN_JVM.unlock();
        }
    }
}
