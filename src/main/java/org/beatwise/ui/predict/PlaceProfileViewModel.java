package org.beatwise.ui.predict;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.beatwise.model.Sensitivity;
import org.beatwise.profile.PlaceProfile;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TaskTracker;
import org.beatwise.ui.map.MapArea;

/**
 * The side panel of Predict &amp; Map: for a checked place, what has happened within the radius (the
 * model's dataset, all of its period) and how the prediction there responds to the hour, the day and a
 * move of a few hundred metres. Both are computed off the UI thread; a newer check wins over a late one.
 */
public final class PlaceProfileViewModel {

    /** One bar of a small chart. */
    public record Bar(String label, double value) { }

    /** One offence line of the panel's table. */
    public record OffenceRow(String offence, int count, String share, String lift, String note) { }

    private final ProfileSources sources;
    private final TaskTracker work;
    private final StringProperty radius = new SimpleStringProperty("250");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Click the map to profile a place.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper trend = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hotspotSets = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statement = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PlaceProfile> profile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Sensitivity.Explanation> explanation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<MapArea>> grid = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper gridLegend = new ReadOnlyStringWrapper("");
    private final ObservableList<OffenceRow> offences = FXCollections.observableArrayList();
    private final ObservableList<Bar> hours = FXCollections.observableArrayList();
    private final ObservableList<Bar> days = FXCollections.observableArrayList();
    private final ObservableList<Bar> hourSweep = FXCollections.observableArrayList();
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private PlaceCheck latest;

    public PlaceProfileViewModel(ProfileSources sources, TaskRunner tasks) {
        this.sources = Objects.requireNonNull(sources);
        this.work = new TaskTracker(tasks);
    }

    private record Result(PlaceProfile profile, Sensitivity.Explanation explanation) { }

    /** Profiles the checked place and explains its prediction, in the background. */
    public void show(PlaceCheck check) {
        Objects.requireNonNull(check);
        // the grid belongs to the place it was drawn around: gone as soon as another place is checked
        gridLegend.set("");
        grid.set(List.of());
        double r;
        try {
            r = Double.parseDouble(radius.get().strip());
            if (!(r > 0 && r <= 5000)) {
                throw new NumberFormatException();
            }
        } catch (RuntimeException e) {
            error.set("Radius must be a number of metres from 1 to 5000, was '" + radius.get() + "'.");
            return;
        }
        error.set("");
        latest = check;
        double radiusM = r;
        work.start(BackgroundTask.of("Profiling the place", p -> {
            String dataset = sources.datasetOfModel().datasetOf(check.model());
            PlaceProfile placeProfile = sources.profiles().profile(dataset, check.query().lat(), check.query().lon(), radiusM,
                    null, null);
            return new Result(placeProfile, sources.sensitivities().explain(check.model(), check.query()));
        }).onSuccess(result -> {
            if (check == latest) {
                showResult(result);
            }
        }).onFailure(e -> {
            if (check == latest) {
                error.set("Cannot profile this place: " + e.getMessage());
            }
        }));
    }

    private void showResult(Result result) {
        PlaceProfile p = result.profile();
        profile.set(p);
        title.set(String.format(Locale.ROOT, "%d incidents within %.0f m, %s to %s (dataset '%s')", p.incidents(), p.radiusM(),
                p.from(), p.to(), p.dataset()));
        offences.setAll(p.offences().stream().map(o -> new OffenceRow(o.offence(), o.count(),
                String.format(Locale.ROOT, "%.1f %%", 100 * o.share()),
                o.lift() == null ? "–" : String.format(Locale.ROOT, "%.2f", o.lift()),
                o.note() == null ? "" : "few")).toList());
        List<Bar> h = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            h.add(new Bar(String.format(Locale.ROOT, "%02d", i), p.byHour().get(i)));
        }
        hours.setAll(h);
        List<Bar> d = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            d.add(new Bar(DayOfWeek.of(i + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH), p.byDayOfWeek().get(i)));
        }
        days.setAll(d);
        PlaceProfile.Trend t = p.trend();
        trend.set(String.format(Locale.ROOT, "Last 12 months: %d; the 12 before: %d%s%s", t.last12(), t.previous12(),
                t.changePercent() == null ? "" : String.format(Locale.ROOT, " (%+.0f %%)", t.changePercent()),
                t.complete() ? "" : " — the period is shorter than 24 months"));
        hotspotSets.set(p.hotspotSets().isEmpty() ? "In no saved hotspot set."
                : "In saved hotspot sets: " + String.join("; ", p.hotspotSets().stream()
                        .map(s -> s.name() + " (" + s.area() + ")").toList()));
        recent.setAll(p.recent().stream().map(r -> r.occurredAt().toLocalDate() + " " + r.offence()
                + (r.street().isBlank() ? "" : ", " + r.street())).toList());
        notes.set(String.join(" ", p.notes()));

        Sensitivity.Explanation e = result.explanation();
        explanation.set(e);
        statement.set(e.statement());
        List<Bar> sweep = new ArrayList<>();
        for (int i = 0; i < e.hours().values().size(); i++) {
            sweep.add(new Bar(String.format(Locale.ROOT, "%02d", e.hours().values().get(i)), e.hours().probabilities().get(i).get(0)));
        }
        hourSweep.setAll(sweep);
        gridLegend.set(gridLegend(e.place()));
        grid.set(gridAreas(e.place()));
    }

    /** "Top class nearby: VERBAL DISPUTE, 12.0 % (light) to 18.5 % (dark); 7 × 7 points 150 m apart." */
    static String gridLegend(Sensitivity.PlaceGrid g) {
        double min = g.points().stream().mapToDouble(Sensitivity.GridPoint::probability).min().orElse(0);
        double max = g.points().stream().mapToDouble(Sensitivity.GridPoint::probability).max().orElse(0);
        return String.format(Locale.ROOT, "Top class nearby: %s, %.1f %% (light) to %.1f %% (dark); %d × %d points %.0f m"
                + " apart. The model's answer, not a count of incidents.", g.topClass(), 100 * min, 100 * max, g.size(), g.size(),
                g.stepM());
    }

    /** The place grid as map boxes: darker where the top class is more probable, each with its figure. */
    static List<MapArea> gridAreas(Sensitivity.PlaceGrid g) {
        double min = g.points().stream().mapToDouble(Sensitivity.GridPoint::probability).min().orElse(0);
        double max = g.points().stream().mapToDouble(Sensitivity.GridPoint::probability).max().orElse(0);
        double halfLat = g.stepM() / 2 / 111_195.0;
        List<MapArea> out = new ArrayList<>();
        for (Sensitivity.GridPoint p : g.points()) {
            double halfLon = halfLat / Math.cos(Math.toRadians(p.lat()));
            double weight = max > min ? (p.probability() - min) / (max - min) : 0.5;
            out.add(new MapArea(p.lat() - halfLat, p.lon() - halfLon, p.lat() + halfLat, p.lon() + halfLon, "nearby", weight,
                    List.of(String.format(Locale.ROOT, "%s: %.1f %%", g.topClass(), 100 * p.probability()),
                            String.format(Locale.ROOT, "%+.0f m east, %+.0f m north", p.eastM(), p.northM()))));
        }
        return out;
    }

    public StringProperty radiusProperty() {
        return radius;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trendProperty() {
        return trend.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hotspotSetsProperty() {
        return hotspotSets.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** The measured statement on hour against place; never a claim about causes. */
    public ReadOnlyStringProperty statementProperty() {
        return statement.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PlaceProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Sensitivity.Explanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** The top class's probability around the place, for the map's "Top class nearby" layer; empty while none. */
    public ReadOnlyObjectProperty<List<MapArea>> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    /** The legend of that layer: the class and the range of its probability; "" while there is no grid. */
    public ReadOnlyStringProperty gridLegendProperty() {
        return gridLegend.getReadOnlyProperty();
    }

    public ObservableList<OffenceRow> offences() {
        return offences;
    }

    public ObservableList<Bar> hours() {
        return hours;
    }

    public ObservableList<Bar> days() {
        return days;
    }

    /** The top class's probability at each hour, the other inputs as checked. */
    public ObservableList<Bar> hourSweep() {
        return hourSweep;
    }

    public ObservableList<String> recent() {
        return recent;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.runningProperty();
    }
}
