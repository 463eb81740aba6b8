package org.beatwise.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Incidents kept as columns, for work that holds a whole large dataset at once (the hotspot methods on
 * millions of rows): about 55 bytes an incident (48 of columns and the id's bytes) instead of about 200 as {@link Incident} objects with
 * their own {@code LocalDateTime}, {@code LocalDate}, {@code LocalTime} and strings. Coordinates are
 * {@code double} columns, the time is seconds (and, only if any has them, nanoseconds) of the wall-clock
 * time, the four repeated strings (offence, offence code, group, district) are codes into one
 * dictionary a column so each distinct value is one shared {@code String}, and the ids are UTF-8 bytes
 * in one array.
 *
 * <p>Read-only once built; {@link #get} makes a fresh {@link Incident} equal to the one added, except
 * {@link Incident#sourceLine()}, which is not kept (0): nothing that holds a whole dataset reads it.
 * Fill it from a stream with {@link #builder(int)}.
 */
public final class IncidentColumns extends AbstractList<Incident> implements RandomAccess {

    private final int size;
    private final double[] lat;
    private final double[] lon;
    private final long[] second;
    private final int[] nano;
    private final byte[] ids;
    private final int[] idEnd;
    private final Column offense;
    private final Column offenseCode;
    private final Column offenseGroup;
    private final Column district;

    private IncidentColumns(Builder b) {
        this.size = b.size;
        this.lat = b.lat;
        this.lon = b.lon;
        this.second = b.second;
        this.nano = b.nano;
        this.ids = b.ids;
        this.idEnd = b.idEnd;
        this.offense = b.offense;
        this.offenseCode = b.offenseCode;
        this.offenseGroup = b.offenseGroup;
        this.district = b.district;
    }

    /** A builder for about {@code expectedRows} incidents (it grows past that, at the cost of copies). */
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

    @Override
    public int size() {
        return size;
    }

    @Override
    public Incident get(int i) {
        check(i);
        return new Incident(incidentId(i), occurredAt(i), lat[i], lon[i], offense.value(i), offenseCode.value(i),
                offenseGroup.value(i), district.value(i), 0);
    }

    public double lat(int i) {
        check(i);
        return lat[i];
    }

    public double lon(int i) {
        check(i);
        return lon[i];
    }

    public LocalDateTime occurredAt(int i) {
        check(i);
        return LocalDateTime.ofEpochSecond(second[i], nano == null ? 0 : nano[i], ZoneOffset.UTC);
    }

    /**
     * Orders row {@code a} and row {@code b} by their times as {@code occurredAt(a).compareTo(occurredAt(b))}
     * does, without making either.
     */
    public int compareTime(int a, int b) {
        check(a);
        check(b);
        int c = Long.compare(second[a], second[b]);
        return c != 0 || nano == null ? c : Integer.compare(nano[a], nano[b]);
    }

    /** The id (a new string each call), or null. */
    public String incidentId(int i) {
        check(i);
        int end = idEnd[i];
        if (end < 0) {
            return null;
        }
        int start = i == 0 ? 0 : idEnd[i - 1] < 0 ? ~idEnd[i - 1] : idEnd[i - 1];
        return new String(ids, start, end - start, StandardCharsets.UTF_8);
    }

    public String offense(int i) {
        check(i);
        return offense.value(i);
    }

    public String offenseCode(int i) {
        check(i);
        return offenseCode.value(i);
    }

    public String offenseGroup(int i) {
        check(i);
        return offenseGroup.value(i);
    }

    public String district(int i) {
        check(i);
        return district.value(i);
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("row " + i + " of " + size);
        }
    }

    /** One string column: a code a row (−1 for null) into the distinct values in order of first appearance. */
    private static final class Column {
        private int[] code;
        private final List<String> values = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();

        Column(int capacity) {
            code = new int[capacity];
        }

        void set(int row, String value) {
            if (row == code.length) {
                code = Arrays.copyOf(code, grow(code.length));
            }
            if (value == null) {
                code[row] = -1;
                return;
            }
            Integer c = index.get(value);
            if (c == null) {
                c = values.size();
                values.add(value);
                index.put(value, c);
            }
            code[row] = c;
        }

        String value(int row) {
            int c = code[row];
            return c < 0 ? null : values.get(c);
        }
    }

    private static int grow(int n) {
        return Math.max(16, n + (n >> 1));
    }

    /** Takes incidents one at a time (a {@link Consumer}, so a dataset can stream into it); build once. */
    public static final class Builder implements Consumer<Incident> {
        private int size;
        private double[] lat;
        private double[] lon;
        private long[] second;
        private int[] nano;
        private byte[] ids;
        private int idBytes;
        /** Where each id ends in {@link #ids}; {@code ~end} (negative) for a null id, so the next one still knows where to start. */
        private int[] idEnd;
        private final Column offense;
        private final Column offenseCode;
        private final Column offenseGroup;
        private final Column district;
        private boolean built;

        private Builder(int capacity) {
            lat = new double[capacity];
            lon = new double[capacity];
            second = new long[capacity];
            ids = new byte[capacity * 8];
            idEnd = new int[capacity];
            offense = new Column(capacity);
            offenseCode = new Column(capacity);
            offenseGroup = new Column(capacity);
            district = new Column(capacity);
        }

        @Override
        public void accept(Incident i) {
            add(i);
        }

        public Builder add(Incident i) {
            if (built) {
                throw new IllegalStateException("the columns were already built; start a new builder");
            }
            if (size == lat.length) {
                int n = grow(size);
                lat = Arrays.copyOf(lat, n);
                lon = Arrays.copyOf(lon, n);
                second = Arrays.copyOf(second, n);
                idEnd = Arrays.copyOf(idEnd, n);
                if (nano != null) {
                    nano = Arrays.copyOf(nano, n);
                }
            }
            lat[size] = i.lat();
            lon[size] = i.lon();
            LocalDateTime t = i.occurredAt();
            second[size] = t.toEpochSecond(ZoneOffset.UTC);
            if (t.getNano() != 0 && nano == null) {
                nano = new int[lat.length];
            }
            if (nano != null) {
                nano[size] = t.getNano();
            }
            if (i.incidentId() == null) {
                idEnd[size] = ~idBytes;
            } else {
                byte[] id = i.incidentId().getBytes(StandardCharsets.UTF_8);
                if (idBytes + id.length > ids.length) {
                    ids = Arrays.copyOf(ids, Math.max(idBytes + id.length, grow(ids.length)));
                }
                System.arraycopy(id, 0, ids, idBytes, id.length);
                idBytes += id.length;
                idEnd[size] = idBytes;
            }
            offense.set(size, i.offense());
            offenseCode.set(size, i.offenseCode());
            offenseGroup.set(size, i.offenseGroup());
            district.set(size, i.district());
            size++;
            return this;
        }

        public IncidentColumns build() {
            built = true;
            return new IncidentColumns(this);
        }
    }
}
