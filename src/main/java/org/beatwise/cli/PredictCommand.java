package org.beatwise.cli;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.beatwise.features.Query;
import org.beatwise.model.ClassProbability;
import org.beatwise.model.ModelReport;
import org.beatwise.model.ModelService;
import org.beatwise.model.Prediction;
import org.beatwise.model.PredictionDocument;
import org.beatwise.settings.FieldLabels;
import org.beatwise.settings.FieldLabels.Field;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Class probabilities from a saved model for one place and time. */
@Command(name = "predict", description = "Rank the classes of a saved model by probability for one place and time.")
final class PredictCommand implements Runnable {

    static final FieldLabels OPTIONS = FieldLabels.of(new Field("hour", "--hour", "Hour"),
            new Field("dayOfWeek", "--dow", "Day of week"), new Field("month", "--month", "Month"),
            new Field("lat", "--lat", "Latitude"), new Field("lon", "--lon", "Longitude"));
    /** Classes printed before the rest is summed up (text output only; JSON has them all). */
    static final int SHOWN = 10;

    private final CliContext ctx;
    @Mixin CommonOptions options;
    @Option(names = "--model", required = true, paramLabel = "NAME") String model;
    @Option(names = "--hour", required = true, paramLabel = "H", description = "Hour of day, 0–23.") int hour;
    @Option(names = "--dow", required = true, paramLabel = "MON..SUN", description = "Day of week: MON … SUN (or 1 = Monday … 7).")
    String dow;
    @Option(names = "--month", required = true, paramLabel = "M", description = "Month, 1–12.") int month;
    @Option(names = "--lat", required = true, paramLabel = "LAT", description = "Latitude in degrees (WGS84).") double lat;
    @Option(names = "--lon", required = true, paramLabel = "LON", description = "Longitude in degrees (WGS84).") double lon;

    PredictCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    static DayOfWeek dayOfWeek(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (t.matches("[1-7]")) {
            return DayOfWeek.of(Integer.parseInt(t));
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            if (t.length() >= 3 && d.name().startsWith(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("--dow must be one of MON, TUE, WED, THU, FRI, SAT, SUN (or 1–7), was '" + text + "'");
    }

    @Override
    public void run() {
        DayOfWeek day = dayOfWeek(dow);
        Query q = OptionNames.check(OPTIONS, () -> new Query(hour, day.getValue(), month, lat, lon));
        ModelService models = ctx.services().models();
        Prediction p = models.predict(model, q);
        ModelReport report = ModelReport.of(models.load(model).metadata());
        PredictionDocument out = PredictionDocument.of(model, q, p);
        ctx.print(options.json, out, text(out, p, report));
    }

    private static String text(PredictionDocument o, Prediction p, ModelReport r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s at %02d:00, month %d, at %.5f, %.5f:%n",
                DayOfWeek.valueOf(dayName(o.dow())).getDisplayName(TextStyle.FULL, Locale.ENGLISH), o.hour(), o.month(),
                o.lat(), o.lon()));
        List<ClassProbability> ranked = p.ranked();
        for (int i = 0; i < Math.min(SHOWN, ranked.size()); i++) {
            ClassProbability c = ranked.get(i);
            sb.append(String.format(Locale.ROOT, "%3d. %-44s %5.1f %%%n", i + 1, ModelText.shorten(c.label(), 44),
                    100 * c.probability()));
        }
        if (ranked.size() > SHOWN) {
            double rest = ranked.subList(SHOWN, ranked.size()).stream().mapToDouble(ClassProbability::probability).sum();
            sb.append(String.format(Locale.ROOT, "     %-44s %5.1f %%%n", (ranked.size() - SHOWN) + " other classes", 100 * rest));
        }
        sb.append(String.format(Locale.ROOT, "On held-out data the true class was among this model's top three %.1f %% of the "
                        + "time (the three most frequent classes: %.1f %%); its first choice was right %.1f %% of the time.",
                100 * r.top3Accuracy(), 100 * r.baselines().get("prior").top3Accuracy(), 100 * r.accuracy()));
        return sb.toString();
    }

    private static String dayName(String abbreviation) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(abbreviation)) {
                return d.name();
            }
        }
        return abbreviation;
    }
}
