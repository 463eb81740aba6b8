package org.beatwise.profile;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What has happened within a radius of a place over a period, beside the whole dataset over the same
 * period. Counts are of incidents; nothing here says why they happened.
 *
 * @param from        first day counted (the dataset's first incident when not asked for)
 * @param to          last day counted, inclusive
 * @param incidents   incidents within the radius over the period
 * @param datasetIncidents incidents anywhere in the dataset over the period (the denominator of every lift)
 * @param offences    the ten most frequent offences here, then one "other" row for the rest
 * @param byHour      incidents per hour of day, index 0 = 00:00–00:59
 * @param byDayOfWeek incidents per day, index 0 = Monday
 * @param byMonth     every month of the period, in order, zeros included
 * @param recent      the most recent incidents here, newest first
 * @param hotspotSets saved hotspot sets with an area that contains the place
 * @param notes       plain-language remarks (small counts, a short period)
 */
public record PlaceProfile(String dataset, double lat, double lon, double radiusM, LocalDate from, LocalDate to,
                           int incidents, int datasetIncidents, List<OffenceCount> offences, List<Integer> byHour,
                           List<Integer> byDayOfWeek, List<MonthCount> byMonth, Trend trend,
                           List<RecentIncident> recent, List<HotspotSetHit> hotspotSets, List<String> notes) {

    /** Counts below this are flagged: a handful of incidents says little about a place. */
    public static final int SMALL_COUNT = 5;

    public PlaceProfile {
        offences = List.copyOf(offences);
        byHour = List.copyOf(byHour);
        byDayOfWeek = List.copyOf(byDayOfWeek);
        byMonth = List.copyOf(byMonth);
        recent = List.copyOf(recent);
        hotspotSets = List.copyOf(hotspotSets);
        notes = List.copyOf(notes);
    }

    /**
     * One offence here beside the whole dataset.
     *
     * @param share        count over all incidents here
     * @param datasetShare the offence's share of the whole dataset over the same period
     * @param lift         share ÷ datasetShare: 2 means twice as common here as everywhere; null when the
     *                     dataset has none of it
     * @param note         set when the count is below {@link #SMALL_COUNT}
     */
    public record OffenceCount(String offence, int count, double share, int datasetCount, double datasetShare, Double lift,
                               String note) { }

    /** @param month first day of the month */
    public record MonthCount(LocalDate month, int count) { }

    /**
     * The last 12 months of the period against the 12 before them.
     *
     * @param changePercent (last − previous) ÷ previous × 100; null when the previous 12 months had none
     * @param complete      whether the period covers all 24 months; when false the figures compare what there is
     */
    public record Trend(LocalDate lastFrom, LocalDate lastTo, int last12, int previous12, Double changePercent,
                        boolean complete) { }

    public record RecentIncident(LocalDateTime occurredAt, String offence, String street) { }

    /** @param area the first area of the set that contains the place ("hotspot 3", "cell 12") */
    public record HotspotSetHit(String name, String dataset, String method, String area) { }
}
