package org.beatwise.domain;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Incidents kept as columns, for work that holds a large dataset or sample at once (the hotspot methods on
 * millions of rows, the training sample): about 47 bytes an incident with a 10-byte id, instead of about
 * 200 as {@link Incident} objects with their own {@code LocalDateTime} and strings. Coordinates are
 * {@code double} columns, the time is seconds (and, only if any has them, nanoseconds) of the wall-clock
 * time, the four repeated strings (offence, offence code, group, district) are {@link DictionaryColumn}s
 * (2 bytes a row), the ids UTF-8 bytes in one {@link IdColumn} (4 bytes a row plus the id's bytes and
 * one), the source line a {@code long} column only when the builder was asked to keep it.
 *
 * <p>Read-only once built; {@link #get} makes a fresh {@link Incident} equal to the one stored, except
 * that {@link Incident#sourceLine()} is 0 unless it was kept. {@link #reordered} lists the same rows in
 * another order without copying them. Fill it from a stream with {@link #builder(int)}, which also lets
 * a row be overwritten (a reservoir sample).
 */
public final class IncidentColumns extends AbstractList<Incident> implements RandomAccess {

    private final Stored stored;
    /** The stored row at each position of this list; null when they are the same. */
    private final int[] rows;
    private final int size;

    /** The columns as the builder left them, shared by every order of them. */
    private record Stored(double[] lat, double[] lon, long[] second, int[] nano, long[] sourceLine, IdColumn ids,
                          DictionaryColumn offense, DictionaryColumn offenseCode, DictionaryColumn offenseGroup,
                          DictionaryColumn district) { }

    private IncidentColumns(Stored stored, int[] rows, int size) {
        this.stored = stored;
        this.rows = rows;
        this.size = size;
    }

    /** A builder with room for {@code expectedRows} incidents (it grows past that, at the cost of copies). */
    public static Builder builder(int expectedRows) {
        return new Builder(Math.max(16, expectedRows));
    }

    /** The incidents as columns, in the list's order. */
    public static IncidentColumns of(List<Incident> incidents) {
        Builder b = builder(incidents.size());
        incidents.forEach(b);
        return b.build();
    }

    /** The rows that pass, in order, as columns again (a list of them would hold each as an object). */
    public IncidentColumns where(Predicate<? super Incident> keep) {
        Builder kept = builder(16);
        for (int r = 0; r < size; r++) {
            Incident i = get(r);
            if (keep.test(i)) {
                kept.add(i);
            }
        }
        return kept.build();
    }

    /**
     * The rows at these positions of this list, in this order, sharing the columns: 4 bytes a row, where
     * a copy would take the whole row again.
     */
    public IncidentColumns reordered(int[] positions) {
        int[] at = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            at[k] = row(positions[k]);
        }
        return new IncidentColumns(stored, at, at.length);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Incident get(int i) {
        int r = row(i);
        Stored s = stored;
        return new Incident(s.ids.get(r), time(r), s.lat[r], s.lon[r], s.offense.value(r), s.offenseCode.value(r),
                s.offenseGroup.value(r), s.district.value(r), s.sourceLine == null ? 0 : s.sourceLine[r]);
    }

    public double lat(int i) {
        return stored.lat[row(i)];
    }

    public double lon(int i) {
        return stored.lon[row(i)];
    }

    public LocalDateTime occurredAt(int i) {
        return time(row(i));
    }

    /**
     * Orders row {@code a} and row {@code b} by their times as {@code occurredAt(a).compareTo(occurredAt(b))}
     * does, without making either.
     */
    public int compareTime(int a, int b) {
        int ra = row(a);
        int rb = row(b);
        int c = Long.compare(stored.second[ra], stored.second[rb]);
        return c != 0 || stored.nano == null ? c : Integer.compare(stored.nano[ra], stored.nano[rb]);
    }

    /** The id (a new string each call), or null. */
    public String incidentId(int i) {
        return stored.ids.get(row(i));
    }

    public String offense(int i) {
        return stored.offense.value(row(i));
    }

    public String offenseCode(int i) {
        return stored.offenseCode.value(row(i));
    }

    public String offenseGroup(int i) {
        return stored.offenseGroup.value(row(i));
    }

    public String district(int i) {
        return stored.district.value(row(i));
    }

    /** The source line the builder kept, or 0 when it was not asked to keep them. */
    public long sourceLine(int i) {
        int r = row(i);
        return stored.sourceLine == null ? 0 : stored.sourceLine[r];
    }

    private LocalDateTime time(int r) {
        return LocalDateTime.ofEpochSecond(stored.second[r], stored.nano == null ? 0 : stored.nano[r], ZoneOffset.UTC);
    }

    /** The stored row at position {@code i} of this list. */
    private int row(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("row " + i + " of " + size);
        }
        return rows == null ? i : rows[i];
    }

    /**
     * Takes incidents one at a time (a {@link Consumer}, so a dataset can stream into it), appending each,
     * or puts one over a row already added ({@link #set}); build once.
     */
    public static final class Builder implements Consumer<Incident> {
        private static final int MOST_ROWS = Integer.MAX_VALUE - 8;

        private int size;
        private int capacity;
        private int maxRows = MOST_ROWS;
        private double[] lat;
        private double[] lon;
        private long[] second;
        private int[] nano;
        private long[] sourceLine;
        private final IdColumn ids;
        private final DictionaryColumn offense;
        private final DictionaryColumn offenseCode;
        private final DictionaryColumn offenseGroup;
        private final DictionaryColumn district;
        private boolean built;

        private Builder(int capacity) {
            this.capacity = capacity;
            lat = new double[capacity];
            lon = new double[capacity];
            second = new long[capacity];
            ids = new IdColumn(capacity);
            offense = new DictionaryColumn(capacity);
            offenseCode = new DictionaryColumn(capacity);
            offenseGroup = new DictionaryColumn(capacity);
            district = new DictionaryColumn(capacity);
        }

        /** Keeps each incident's source line too (8 bytes a row), for work that reports it. */
        public Builder withSourceLines() {
            requireEmpty("withSourceLines");
            sourceLine = new long[capacity];
            return this;
        }

        /** Never holds more than {@code rows} rows: growth stops there and one more is refused. */
        public Builder atMost(int rows) {
            requireEmpty("atMost");
            if (rows < 1) {
                throw new IllegalArgumentException("atMost needs at least 1 row, was " + rows);
            }
            maxRows = rows;
            if (capacity > rows) {
                resize(rows);
            }
            return this;
        }

        @Override
        public void accept(Incident i) {
            add(i);
        }

        public Builder add(Incident i) {
            requireOpen();
            if (size == capacity) {
                if (capacity == maxRows) {
                    throw new IllegalStateException("these columns hold at most " + maxRows + " rows");
                }
                resize((int) Math.min(maxRows, Math.max(16, capacity + (capacity >> 1))));
            }
            write(size++, i);
            return this;
        }

        /** Puts {@code i} over row {@code row} (one already added); a replaced id's bytes stay behind, see {@link IdColumn}. */
        public Builder set(int row, Incident i) {
            requireOpen();
            if (row < 0 || row >= size) {
                throw new IndexOutOfBoundsException("row " + row + " of " + size);
            }
            write(row, i);
            return this;
        }

        public int size() {
            return size;
        }

        public IncidentColumns build() {
            requireOpen();
            built = true;
            return new IncidentColumns(new Stored(lat, lon, second, nano, sourceLine, ids, offense, offenseCode,
                    offenseGroup, district), null, size);
        }

        private void write(int r, Incident i) {
            lat[r] = i.lat();
            lon[r] = i.lon();
            LocalDateTime t = i.occurredAt();
            second[r] = t.toEpochSecond(ZoneOffset.UTC);
            if (t.getNano() != 0 && nano == null) {
                nano = new int[capacity];
            }
            if (nano != null) {
                nano[r] = t.getNano();
            }
            if (sourceLine != null) {
                sourceLine[r] = i.sourceLine();
            }
            ids.set(r, i.incidentId());
            offense.set(r, i.offense());
            offenseCode.set(r, i.offenseCode());
            offenseGroup.set(r, i.offenseGroup());
            district.set(r, i.district());
        }

        private void resize(int n) {
            capacity = n;
            lat = Arrays.copyOf(lat, n);
            lon = Arrays.copyOf(lon, n);
            second = Arrays.copyOf(second, n);
            if (nano != null) {
                nano = Arrays.copyOf(nano, n);
            }
            if (sourceLine != null) {
                sourceLine = Arrays.copyOf(sourceLine, n);
            }
            ids.resize(n);
            offense.resize(n);
            offenseCode.resize(n);
            offenseGroup.resize(n);
            district.resize(n);
        }

        private void requireOpen() {
            if (built) {
                throw new IllegalStateException("the columns were already built; start a new builder");
            }
        }

        private void requireEmpty(String option) {
            requireOpen();
            if (size > 0) {
                throw new IllegalStateException(option + " must come before the first row");
            }
        }
    }
}
