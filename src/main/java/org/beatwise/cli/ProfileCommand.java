package org.beatwise.cli;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.beatwise.profile.PlaceProfile;
import org.beatwise.profile.PlaceProfile.HotspotSetHit;
import org.beatwise.profile.PlaceProfile.OffenceCount;
import org.beatwise.profile.PlaceProfile.RecentIncident;
import org.beatwise.settings.FieldLabels;
import org.beatwise.settings.FieldLabels.Field;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What has happened around one place: offences with their lift, hours, days, months, trend, recent incidents. */
@Command(name = "profile", description = {"Profile the incidents within a radius of a place.",
        "Offences here beside the whole dataset over the same period (lift), by hour, day and month, the trend of "
                + "the last 12 months against the 12 before, the most recent incidents and the saved hotspot sets "
                + "that contain the place. Counts describe what was recorded, not why."})
final class ProfileCommand implements Runnable {

    static final FieldLabels OPTIONS = FieldLabels.of(new Field("lat", "--lat", "Latitude"),
            new Field("lon", "--lon", "Longitude"), new Field("radiusM", "--radius-m", "Radius"),
            new Field("to", "--to", "To"), new Field("from", "--from", "From"));

    private final CliContext ctx;
    @Mixin CommonOptions options;
    @Option(names = "--dataset", required = true, paramLabel = "NAME") String dataset;
    @Option(names = "--lat", required = true, paramLabel = "LAT", description = "Latitude in degrees (WGS84).") double lat;
    @Option(names = "--lon", required = true, paramLabel = "LON", description = "Longitude in degrees (WGS84).") double lon;
    @Option(names = "--radius-m", defaultValue = "250", paramLabel = "M", description = "Radius in metres (default 250).")
    double radiusM;
    @Option(names = "--from", paramLabel = "DATE", description = "First day counted (default: the dataset's first incident).")
    LocalDate from;
    @Option(names = "--to", paramLabel = "DATE", description = "Last day counted, inclusive (default: its last incident).")
    LocalDate to;

    ProfileCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        PlaceProfile p = OptionNames.check(OPTIONS,
                () -> ctx.services().profiles().profile(dataset, lat, lon, radiusM, from, to));
        ctx.print(options.json, p, text(p));
    }

    static String text(PlaceProfile p) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%d incidents within %.0f m of %.5f, %.5f in dataset '%s', %s to %s (%d in the whole dataset).%n",
                p.incidents(), p.radiusM(), p.lat(), p.lon(), p.dataset(), p.from(), p.to(), p.datasetIncidents()));
        if (!p.offences().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%n%-44s %6s %7s %6s%n", "offence", "count", "share", "lift"));
            for (OffenceCount o : p.offences()) {
                sb.append(String.format(Locale.ROOT, "%-44s %6d %6.1f%% %6s%s%n", ModelText.shorten(o.offence(), 44),
                        o.count(), 100 * o.share(), o.lift() == null ? "-" : String.format(Locale.ROOT, "%.2f", o.lift()),
                        o.note() == null ? "" : "  (fewer than " + PlaceProfile.SMALL_COUNT + ")"));
            }
        }
        sb.append(String.format(Locale.ROOT, "%nby hour: %s%n", counts(p.byHour())));
        StringBuilder days = new StringBuilder();
        for (int d = 0; d < 7; d++) {
            days.append(d == 0 ? "" : "  ").append(DayOfWeek.of(d + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                    .append(' ').append(p.byDayOfWeek().get(d));
        }
        sb.append("by day:  ").append(days).append(System.lineSeparator());
        PlaceProfile.Trend t = p.trend();
        sb.append(String.format(Locale.ROOT, "last 12 months (%s to %s): %d; the 12 before: %d%s%n", t.lastFrom(), t.lastTo(),
                t.last12(), t.previous12(), t.changePercent() == null ? ""
                        : String.format(Locale.ROOT, " (%+.0f %%)", t.changePercent())));
        if (!p.recent().isEmpty()) {
            sb.append(System.lineSeparator()).append("most recent:").append(System.lineSeparator());
            for (RecentIncident r : p.recent()) {
                sb.append(String.format(Locale.ROOT, "  %s  %-40s %s%n", r.occurredAt(), ModelText.shorten(r.offence(), 40),
                        r.street()));
            }
        }
        List<HotspotSetHit> sets = p.hotspotSets();
        sb.append(System.lineSeparator()).append(sets.isEmpty() ? "In no saved hotspot set." : "In saved hotspot sets: ");
        for (int i = 0; i < sets.size(); i++) {
            HotspotSetHit h = sets.get(i);
            sb.append(i == 0 ? "" : "; ").append(h.name()).append(" (").append(h.area()).append(')');
        }
        sb.append(System.lineSeparator());
        p.notes().forEach(n -> sb.append(n).append(System.lineSeparator()));
        return sb.toString().stripTrailing();
    }

    private static String counts(List<Integer> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02d:%d", i, values.get(i)));
        }
        return sb.toString();
    }
}
