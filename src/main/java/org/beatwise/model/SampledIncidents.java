package org.beatwise.model;

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
import org.beatwise.domain.Incident;

/**
 * A training sample's incidents kept as columns while it is drawn: slots that a reservoir overwrites
 * at random ({@link #set}), then read as a list in the order {@link #inOrder} gives. About 70 bytes a
 * row (coordinates, time, source line, codes into one dictionary for the four repeated strings, the id's
 * UTF-8 bytes) instead of about 400 for an {@link Incident} with its own date, time and strings: a
 * sample of 1,000,000 rows was most of a 1 GB heap as objects.
 *
 * <p>Read-only as a list; {@link #get} makes a fresh {@link Incident} equal to the one set (the four
 * repeated strings are shared instances). Ids replaced in the reservoir leave their bytes behind in the
 * pool: at most about (1 + ln(rows seen / slots)) ids a slot.
 */
final class SampledIncidents extends AbstractList<Incident> implements RandomAccess {

    private final int maxSlots;
    private int capacity;
    private double[] lat;
    private double[] lon;
    private long[] second;
    private int[] nano;
    private long[] sourceLine;
    private int[] offense;
    private int[] offenseCode;
    private int[] offenseGroup;
    private int[] district;
    private int[] idStart;
    /** The id's length in bytes, −1 for a null id. */
    private int[] idLength;
    /** Each slot's position in the stream it was drawn from. */
    private long[] order;
    private byte[] ids = new byte[1024];
    private int idBytes;
    private final List<String> words = new ArrayList<>();
    private final Map<String, Integer> codes = new HashMap<>();
    /** Slot of the i-th row of the list; until {@link #inOrder} the slots themselves. */
    private int[] rows;
    private int size;

    /** Room for up to {@code maxSlots} slots, the columns grown as slots are first used. */
    SampledIncidents(int maxSlots) {
        this.maxSlots = maxSlots;
        resize(Math.min(maxSlots, 1024));
    }

    private void resize(int n) {
        capacity = n;
        lat = Arrays.copyOf(lat == null ? new double[0] : lat, n);
        lon = Arrays.copyOf(lon == null ? new double[0] : lon, n);
        second = Arrays.copyOf(second == null ? new long[0] : second, n);
        if (nano != null) {
            nano = Arrays.copyOf(nano, n);
        }
        sourceLine = Arrays.copyOf(sourceLine == null ? new long[0] : sourceLine, n);
        offense = Arrays.copyOf(offense == null ? new int[0] : offense, n);
        offenseCode = Arrays.copyOf(offenseCode == null ? new int[0] : offenseCode, n);
        offenseGroup = Arrays.copyOf(offenseGroup == null ? new int[0] : offenseGroup, n);
        district = Arrays.copyOf(district == null ? new int[0] : district, n);
        idStart = Arrays.copyOf(idStart == null ? new int[0] : idStart, n);
        idLength = Arrays.copyOf(idLength == null ? new int[0] : idLength, n);
        order = Arrays.copyOf(order == null ? new long[0] : order, n);
    }

    /** Where slot {@code slot}'s incident came in the stream. */
    long order(int slot) {
        return order[slot];
    }

    /** Puts the incident that came {@code position}-th in the stream into {@code slot}, over whatever was there. */
    void set(int slot, Incident i, long position) {
        if (slot >= capacity) {
            if (slot >= maxSlots) {
                throw new IndexOutOfBoundsException("slot " + slot + " of " + maxSlots);
            }
            resize((int) Math.min(maxSlots, Math.max(slot + 1L, capacity + (capacity >> 1))));
        }
        order[slot] = position;
        lat[slot] = i.lat();
        lon[slot] = i.lon();
        LocalDateTime t = i.occurredAt();
        second[slot] = t.toEpochSecond(ZoneOffset.UTC);
        if (t.getNano() != 0 && nano == null) {
            nano = new int[capacity];
        }
        if (nano != null) {
            nano[slot] = t.getNano();
        }
        sourceLine[slot] = i.sourceLine();
        offense[slot] = code(i.offense());
        offenseCode[slot] = code(i.offenseCode());
        offenseGroup[slot] = code(i.offenseGroup());
        district[slot] = code(i.district());
        if (i.incidentId() == null) {
            idLength[slot] = -1;
        } else {
            byte[] id = i.incidentId().getBytes(StandardCharsets.UTF_8);
            if (idBytes + id.length > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(idBytes + id.length, ids.length + (ids.length >> 1)));
            }
            System.arraycopy(id, 0, ids, idBytes, id.length);
            idStart[slot] = idBytes;
            idLength[slot] = id.length;
            idBytes += id.length;
        }
    }

    /** Makes the list the first {@code size} slots in stream order. */
    void inOrder(int size) {
        rows = TrainingSample.byOrder(order, size);
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Incident get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("row " + index + " of " + size);
        }
        int s = rows[index];
        String id = idLength[s] < 0 ? null : new String(ids, idStart[s], idLength[s], StandardCharsets.UTF_8);
        return new Incident(id, LocalDateTime.ofEpochSecond(second[s], nano == null ? 0 : nano[s], ZoneOffset.UTC),
                lat[s], lon[s], word(offense[s]), word(offenseCode[s]), word(offenseGroup[s]), word(district[s]),
                sourceLine[s]);
    }

    private int code(String word) {
        if (word == null) {
            return -1;
        }
        Integer c = codes.get(word);
        if (c == null) {
            c = words.size();
            words.add(word);
            codes.put(word, c);
        }
        return c;
    }

    private String word(int code) {
        return code < 0 ? null : words.get(code);
    }
}
