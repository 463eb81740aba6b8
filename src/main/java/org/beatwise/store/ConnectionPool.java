package org.beatwise.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A few idle connections kept for the next caller. Every store call used to open a connection of its own:
 * 0.2–1.3 ms on H2 (more as an AUTO_SERVER client) and a TCP round trip plus authentication on
 * PostgreSQL, several times per API request. A connection handed out is a proxy whose {@code close()}
 * gives the real one back, rolled back and in auto-commit mode, so no caller sees another's transaction.
 * One that no longer answers (the program serving an H2 file went away, PostgreSQL restarted) is dropped
 * instead of handed out.
 */
final class ConnectionPool implements AutoCloseable {

    static final int MAX_IDLE = 8;
    private static final int VALID_TIMEOUT_S = 2;

    private final Opener opener;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ConnectionPool(Opener opener) {
        this.opener = opener;
    }

    /** An idle connection that still answers, or a new one; the caller closes it to give it back. */
    Connection take() throws SQLException {
        while (true) {
            Connection real;
            synchronized (this) {
                if (closed) {
                    // a late caller must not reopen (and so re-create) a database that was closed
                    throw new SQLException("the database is closed");
                }
                real = idle.pollFirst();
            }
            if (real == null) {
                return wrap(opener.open());
            }
            if (real.isValid(VALID_TIMEOUT_S)) {
                return wrap(real);
            }
            closeQuietly(real);
        }
    }

    synchronized int idleCount() {
        return idle.size();
    }

    private void giveBack(Connection real) {
        try {
            if (real.isClosed()) {
                return;
            }
            if (!real.getAutoCommit()) {
                real.rollback();
                real.setAutoCommit(true);
            }
        } catch (SQLException e) {
            closeQuietly(real);
            return;
        }
        synchronized (this) {
            if (!closed && idle.size() < MAX_IDLE) {
                idle.addFirst(real);
                return;
            }
        }
        closeQuietly(real);
    }

    private Connection wrap(Connection real) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean returned;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close":
                        if (!returned) {
                            returned = true;
                            giveBack(real);
                        }
                        return null;
                    case "isClosed":
                        return returned || real.isClosed();
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        if (returned) {
                            throw new SQLException("connection already closed");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(ConnectionPool::closeQuietly);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // gone already: nothing to release
        }
    }

    /** Opens a new real connection. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }
}
