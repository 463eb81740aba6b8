package org.beatwise.profile;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.beatwise.domain.Incident;

/**
 * One dataset's incidents laid out for place profiles: the spatial grid, and per incident its offence
 * (as a small integer), time and street in flat arrays, plus the offences of all incidents in time order
 * so the whole dataset's counts over any period are one range of one array. Built once per dataset.
 */
public final class PlaceIndex {

    private final IncidentGrid grid;
    private final List<String> offenceNames;
    private final int[] offence;
    private final long[] minute;
    private final LocalDateTime[] occurredAt;
    private final String[] street;
    private final byte[] hour;
    private final byte[] dayOfWeek;
    private final int[] month;
    private final long[] minuteSorted;
    private final int[] offenceByTime;
    private long[] countedPeriod;
    private int[] countedOffences;

    private PlaceIndex(IncidentGrid grid, List<String> offenceNames, int[] offence, long[] minute,
                       LocalDateTime[] occurredAt, String[] street, long[] minuteSorted, int[] offenceByTime) {
        int n = offence.length;
        this.hour = new byte[n];
        this.dayOfWeek = new byte[n];
        this.month = new int[n];
        for (int i = 0; i < n; i++) {
            hour[i] = (byte) occurredAt[i].getHour();
            dayOfWeek[i] = (byte) occurredAt[i].getDayOfWeek().getValue();
            month[i] = monthNumber(occurredAt[i].getYear(), occurredAt[i].getMonthValue());
        }
        this.grid = grid;
        this.offenceNames = offenceNames;
        this.offence = offence;
        this.minute = minute;
        this.occurredAt = occurredAt;
        this.street = street;
        this.minuteSorted = minuteSorted;
        this.offenceByTime = offenceByTime;
    }

    /**
     * @param streets the street of each incident, in the same order ("" or null when unknown); null for none at all
     */
    public static PlaceIndex build(List<Incident> incidents, List<String> streets) {
        int n = incidents.size();
        if (streets != null && streets.size() != n) {
            throw new IllegalArgumentException("need one street per incident: " + n + " incidents, " + streets.size() + " streets");
        }
        double[] lat = new double[n];
        double[] lon = new double[n];
        int[] offence = new int[n];
        long[] minute = new long[n];
        LocalDateTime[] at = new LocalDateTime[n];
        String[] street = new String[n];
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Incident inc = incidents.get(i);
            lat[i] = inc.lat();
            lon[i] = inc.lon();
            offence[i] = ids.computeIfAbsent(inc.offense(), k -> {
                names.add(k);
                return names.size() - 1;
            });
            at[i] = inc.occurredAt();
            minute[i] = minuteOf(inc.occurredAt());
            String s = streets == null ? null : streets.get(i);
            street[i] = s == null ? "" : s;
        }
        // time order, ties by index: (minute − earliest, index) packed in one long sorts without boxing
        long earliest = Arrays.stream(minute).min().orElse(0);
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((minute[i] - earliest) << 32) | i;
        }
        Arrays.sort(packed);
        long[] minuteSorted = new long[n];
        int[] offenceByTime = new int[n];
        for (int k = 0; k < n; k++) {
            int i = (int) (packed[k] & 0xffffffffL);
            minuteSorted[k] = minute[i];
            offenceByTime[k] = offence[i];
        }
        return new PlaceIndex(IncidentGrid.build(lat, lon), List.copyOf(names), offence, minute, at, street, minuteSorted,
                offenceByTime);
    }

    static long minuteOf(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) / 60;
    }

    /** Minute at the start of a day. */
    static long startOf(LocalDate day) {
        return minuteOf(day.atStartOfDay());
    }

    /** The profile of the place from this index alone, without saved hotspot sets (the bench's path). */
    public PlaceProfile profile(String dataset, double lat, double lon, double radiusM, LocalDate from, LocalDate to) {
        PlaceProfileService.check(lat, lon, radiusM, from, to);
        return Profiler.profile(this, dataset, lat, lon, radiusM, from, to);
    }

    public int size() {
        return offence.length;
    }

    /** The earliest incident's time, or null when there are none. */
    LocalDateTime first() {
        return minuteSorted.length == 0 ? null : LocalDateTime.ofEpochSecond(minuteSorted[0] * 60, 0, ZoneOffset.UTC);
    }

    LocalDateTime last() {
        return minuteSorted.length == 0 ? null
                : LocalDateTime.ofEpochSecond(minuteSorted[minuteSorted.length - 1] * 60, 0, ZoneOffset.UTC);
    }

    /** Calls {@code hit} for every incident within the radius whose minute lies in [fromMinute, toMinute). */
    void within(double lat, double lon, double radiusM, long fromMinute, long toMinute, IntConsumer hit) {
        grid.within(lat, lon, radiusM, i -> {
            if (minute[i] >= fromMinute && minute[i] < toMinute) {
                hit.accept(i);
            }
        });
    }

    /** Months since year 0: consecutive months differ by one. */
    static int monthNumber(int year, int monthOfYear) {
        return year * 12 + monthOfYear - 1;
    }

    /**
     * Incidents of each offence (by id) anywhere in the dataset with a minute in [fromMinute, toMinute).
     * The last period's counts are kept: clicks on the map ask for the same period again and again.
     */
    synchronized int[] offenceCounts(long fromMinute, long toMinute) {
        if (countedPeriod != null && countedPeriod[0] == fromMinute && countedPeriod[1] == toMinute) {
            return countedOffences.clone();
        }
        int[] counts = new int[offenceNames.size()];
        int a = lowerBound(fromMinute);
        int b = lowerBound(toMinute);
        for (int i = a; i < b; i++) {
            counts[offenceByTime[i]]++;
        }
        countedPeriod = new long[] {fromMinute, toMinute};
        countedOffences = counts.clone();
        return counts;
    }

    private int lowerBound(long m) {
        int lo = 0;
        int hi = minuteSorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (minuteSorted[mid] < m) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    int offenceOf(int i) {
        return offence[i];
    }

    String offenceName(int id) {
        return offenceNames.get(id);
    }

    int offenceCount() {
        return offenceNames.size();
    }

    LocalDateTime occurredAt(int i) {
        return occurredAt[i];
    }

    int hour(int i) {
        return hour[i];
    }

    /** 1 = Monday … 7 = Sunday. */
    int dayOfWeek(int i) {
        return dayOfWeek[i];
    }

    /** See {@link #monthNumber}. */
    int month(int i) {
        return month[i];
    }

    long minute(int i) {
        return minute[i];
    }

    String street(int i) {
        return street[i];
    }

    int cells() {
        return grid.cellCount();
    }
}
