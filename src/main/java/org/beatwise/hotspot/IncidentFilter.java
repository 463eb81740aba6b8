package org.beatwise.hotspot;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.beatwise.domain.Incident;

/**
 * Which incidents a hotspot run looks at: "burglary, weekday evenings, last 90 days".
 *
 * @param from first day included, or null for no lower bound
 * @param to last day included, or null for no upper bound
 * @param lastDays when above 0, only the last this-many days up to the newest incident (after
 *        {@code from}/{@code to}); resolved against the data because "last 90 days" means the data's end
 * @param offences offence descriptions, offence groups or offence codes, matched case-insensitively;
 *        empty means all
 * @param days days of week to keep; empty means all
 * @param hours hour range to keep (may wrap past midnight)
 */
public record IncidentFilter(LocalDate from, LocalDate to, int lastDays, Set<String> offences, Set<DayOfWeek> days,
                             HourRange hours) {

    public IncidentFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("date range is empty: from " + from + " is after to " + to);
        }
        if (lastDays < 0) {
            throw new IllegalArgumentException("lastDays must be >= 0 (0 = off), was " + lastDays);
        }
        offences = normalised(offences);
        days = days == null || days.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(days));
        hours = hours == null ? HourRange.ALL_DAY : hours;
    }

    private static Set<String> normalised(Set<String> offences) {
        TreeSet<String> clean = new TreeSet<>();
        for (String o : offences == null ? Set.<String>of() : offences) {
            if (o == null || o.isBlank()) {
                throw new IllegalArgumentException("offences must not contain a blank name, were " + offences);
            }
            clean.add(o.trim());
        }
        return Collections.unmodifiableSet(clean);
    }

    public static IncidentFilter none() {
        return new IncidentFilter(null, null, 0, Set.of(), Set.of(), HourRange.ALL_DAY);
    }

    public IncidentFilter withDates(LocalDate newFrom, LocalDate newTo) {
        return new IncidentFilter(newFrom, newTo, lastDays, offences, days, hours);
    }

    public IncidentFilter withLastDays(int newLastDays) {
        return new IncidentFilter(from, to, newLastDays, offences, days, hours);
    }

    public IncidentFilter withOffences(Set<String> newOffences) {
        return new IncidentFilter(from, to, lastDays, newOffences, days, hours);
    }

    public IncidentFilter withDays(Set<DayOfWeek> newDays) {
        return new IncidentFilter(from, to, lastDays, offences, newDays, hours);
    }

    public IncidentFilter withHours(HourRange newHours) {
        return new IncidentFilter(from, to, lastDays, offences, days, newHours);
    }

    /** The incidents that pass, in their original order. */
    public List<Incident> apply(List<Incident> incidents) {
        Predicate<Incident> dateOk = i -> (from == null || !i.occurredAt().toLocalDate().isBefore(from))
                && (to == null || !i.occurredAt().toLocalDate().isAfter(to));
        Set<String> wanted = offences.stream().map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Predicate<Incident> rest = i -> (wanted.isEmpty() || matchesOffence(i, wanted))
                && (days.isEmpty() || days.contains(i.occurredAt().getDayOfWeek()))
                && hours.contains(i.hour());
        List<Incident> dated = incidents.stream().filter(dateOk).toList();
        if (lastDays > 0 && !dated.isEmpty()) {
            LocalDate end = dated.stream().map(i -> i.occurredAt().toLocalDate()).max(LocalDate::compareTo).orElseThrow();
            LocalDate start = end.minusDays(lastDays - 1L);
            dated = dated.stream().filter(i -> !i.occurredAt().toLocalDate().isBefore(start)).toList();
        }
        return dated.stream().filter(rest).toList();
    }

    private static boolean matchesOffence(Incident i, Set<String> wanted) {
        return wanted.contains(i.offense().toLowerCase(Locale.ROOT))
                || i.offenseGroup() != null && wanted.contains(i.offenseGroup().toLowerCase(Locale.ROOT))
                || i.offenseCode() != null && wanted.contains(i.offenseCode().toLowerCase(Locale.ROOT));
    }

    /** Human-readable summary for messages and saved sets, e.g. "2018-01-01..2018-12-31, offences [Larceny], hours 18-2". */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (from != null || to != null) {
            sb.append(from == null ? "…" : from).append("..").append(to == null ? "…" : to);
        }
        if (lastDays > 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append("last ").append(lastDays).append(" days");
        }
        if (!offences.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : ", ").append("offences ").append(offences);
        }
        if (!days.isEmpty()) {
            sb.append(sb.isEmpty() ? "" : ", ").append("days ").append(days);
        }
        if (!hours.isAllDay()) {
            sb.append(sb.isEmpty() ? "" : ", ").append("hours ").append(hours);
        }
        return sb.isEmpty() ? "no filters" : sb.toString();
    }
}
