package org.beatwise.profile;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.beatwise.profile.PlaceProfile.MonthCount;
import org.beatwise.profile.PlaceProfile.OffenceCount;
import org.beatwise.profile.PlaceProfile.RecentIncident;
import org.beatwise.profile.PlaceProfile.Trend;

/** Counts what a {@link PlaceIndex} holds around a place: the profile without the hotspot sets. */
final class Profiler {

    static final int TOP_OFFENCES = 10;
    static final int RECENT = 10;
    static final String SMALL_NOTE = "fewer than " + PlaceProfile.SMALL_COUNT + " incidents: too few to read anything into";

    private Profiler() { }

    /**
     * @param from first day, or null for the dataset's first incident
     * @param to   last day (inclusive), or null for the dataset's last incident
     */
    static PlaceProfile profile(PlaceIndex index, String dataset, double lat, double lon, double radiusM, LocalDate from,
                                LocalDate to) {
        LocalDate start = from != null ? from : index.first() == null ? LocalDate.now(java.time.ZoneOffset.UTC)
                : index.first().toLocalDate();
        LocalDate end = to != null ? to : index.last() == null ? start : index.last().toLocalDate();
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("to (" + end + ") must not be before the start of the period (" + start + ")");
        }
        long fromMinute = PlaceIndex.startOf(start);
        long toMinute = PlaceIndex.startOf(end.plusDays(1));
        YearMonth firstMonth = YearMonth.from(start);
        YearMonth lastMonth = YearMonth.from(end);
        int months = (int) (firstMonth.until(lastMonth, java.time.temporal.ChronoUnit.MONTHS) + 1);

        int firstNumber = PlaceIndex.monthNumber(firstMonth.getYear(), firstMonth.getMonthValue());
        int[] offenceHere = new int[index.offenceCount()];
        int[] hours = new int[24];
        int[] days = new int[7];
        int[] byMonth = new int[months];
        RecentHeap recent = new RecentHeap(RECENT, index);
        int[] total = new int[1];
        index.within(lat, lon, radiusM, fromMinute, toMinute, i -> {
            total[0]++;
            offenceHere[index.offenceOf(i)]++;
            hours[index.hour(i)]++;
            days[index.dayOfWeek(i) - 1]++;
            byMonth[index.month(i) - firstNumber]++;
            recent.offer(i);
        });
        int[] offenceAll = index.offenceCounts(fromMinute, toMinute);
        int all = Arrays.stream(offenceAll).sum();

        List<OffenceCount> offences = offences(index, offenceHere, offenceAll, total[0], all);
        List<MonthCount> monthCounts = new ArrayList<>(months);
        for (int m = 0; m < months; m++) {
            monthCounts.add(new MonthCount(firstMonth.plusMonths(m).atDay(1), byMonth[m]));
        }
        Trend trend = trend(firstMonth, lastMonth, byMonth);
        List<RecentIncident> latest = recent.newestFirst().stream()
                .map(i -> new RecentIncident(index.occurredAt(i), index.offenceName(index.offenceOf(i)), index.street(i)))
                .toList();
        List<String> notes = new ArrayList<>();
        if (total[0] == 0) {
            notes.add(String.format(Locale.ROOT, "No incidents within %.0f m over the period.", radiusM));
        } else if (total[0] < PlaceProfile.SMALL_COUNT) {
            notes.add("Only " + total[0] + " incidents within the radius: " + SMALL_NOTE + ".");
        }
        if (!trend.complete()) {
            notes.add("The period covers fewer than 24 months, so the trend compares only the months there are.");
        }
        notes.add("Lift compares how common an offence is here with the whole dataset over the same period; "
                + "it describes what was recorded, not why.");
        return new PlaceProfile(dataset, lat, lon, radiusM, start, end, total[0], all, offences, boxed(hours), boxed(days),
                monthCounts, trend, latest, List.of(), notes);
    }

    private static List<OffenceCount> offences(PlaceIndex index, int[] here, int[] all, int total, int allTotal) {
        Integer[] ids = new Integer[here.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        // most frequent first; ties by name so the order never depends on import order
        Arrays.sort(ids, Comparator.comparingInt((Integer i) -> -here[i]).thenComparing(index::offenceName));
        List<OffenceCount> out = new ArrayList<>();
        int otherHere = 0;
        int otherAll = 0;
        int otherKinds = 0;
        for (int k = 0; k < ids.length; k++) {
            int id = ids[k];
            if (here[id] == 0) {
                break;
            }
            if (k < TOP_OFFENCES) {
                out.add(count(index.offenceName(id), here[id], all[id], total, allTotal));
            } else {
                otherHere += here[id];
                otherAll += all[id];
                otherKinds++;
            }
        }
        if (otherHere > 0) {
            out.add(count("other (" + otherKinds + " offences)", otherHere, otherAll, total, allTotal));
        }
        return out;
    }

    static OffenceCount count(String name, int here, int all, int total, int allTotal) {
        double share = total == 0 ? 0 : (double) here / total;
        double allShare = allTotal == 0 ? 0 : (double) all / allTotal;
        Double lift = allShare == 0 ? null : share / allShare;
        return new OffenceCount(name, here, share, all, allShare, lift, here < PlaceProfile.SMALL_COUNT ? SMALL_NOTE : null);
    }

    private static Trend trend(YearMonth first, YearMonth last, int[] byMonth) {
        int n = byMonth.length;
        int last12 = 0;
        int previous12 = 0;
        for (int m = Math.max(0, n - 12); m < n; m++) {
            last12 += byMonth[m];
        }
        for (int m = Math.max(0, n - 24); m < Math.max(0, n - 12); m++) {
            previous12 += byMonth[m];
        }
        Double change = previous12 == 0 ? null : 100.0 * (last12 - previous12) / previous12;
        YearMonth lastFrom = last.minusMonths(11).isBefore(first) ? first : last.minusMonths(11);
        return new Trend(lastFrom.atDay(1), last.atEndOfMonth(), last12, previous12, change, n >= 24);
    }

    private static List<Integer> boxed(int[] a) {
        return Arrays.stream(a).boxed().toList();
    }

    /** Keeps the newest {@code size} incidents seen (by minute, then index), without sorting all of them. */
    private static final class RecentHeap {
        private final int size;
        private final PlaceIndex index;
        private final java.util.PriorityQueue<Integer> heap;

        RecentHeap(int size, PlaceIndex index) {
            this.size = size;
            this.index = index;
            this.heap = new java.util.PriorityQueue<>(size + 1, this::compare);
        }

        private int compare(int a, int b) {
            int c = Long.compare(index.minute(a), index.minute(b));
            return c != 0 ? c : Integer.compare(a, b);
        }

        void offer(int i) {
            if (heap.size() < size) {
                heap.add(i);
            } else if (compare(i, heap.peek()) > 0) {
                heap.poll();
                heap.add(i);
            }
        }

        List<Integer> newestFirst() {
            List<Integer> out = new ArrayList<>(heap);
            out.sort((a, b) -> compare(b, a));
            return out;
        }
    }
}
