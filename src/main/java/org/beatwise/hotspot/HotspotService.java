package org.beatwise.hotspot;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.beatwise.domain.Actor;
import org.beatwise.domain.IncidentColumns;
import org.beatwise.domain.IncidentSource;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;
import org.beatwise.store.HotspotSetRecord;
import org.beatwise.store.HotspotSetStore;
import org.beatwise.task.Progress;

/**
 * Hotspots for the desktop and the command line: runs on a named dataset, saves, lists and loads
 * named sets, and records each run and save in the audit log.
 */
public final class HotspotService {

    static final int MAX_NAME = 200;

    private final IncidentSource incidents;
    private final HotspotSetStore sets;
    private final AuditStore audit;
    private final Clock clock;
    private final HotspotFinder finder;

    public HotspotService(IncidentSource incidents, HotspotSetStore sets, AuditStore audit, Clock clock, HotspotFinder finder) {
        this.incidents = incidents;
        this.sets = sets;
        this.audit = audit;
        this.clock = clock;
        this.finder = finder;
    }

    /**
     * Hotspots by the settings' method (AUTO: the backtest picks coverage or K-Means) on a named dataset,
     * with the backtest the settings ask for.
     */
    public HotspotResult run(String actor, String dataset, HotspotSettings settings, Progress progress) {
        HotspotResult result = finder.run(columns(dataset), settings, List.of(), progress);
        audit.record(actor, AuditEvent.HOTSPOTS, "ran on dataset '" + dataset + "': " + summary(result));
        return result;
    }

    /** SSE for k = kMin … kMax on a named dataset, with the knee. */
    public ElbowResult elbow(String dataset, HotspotSettings settings, int kMin, int kMax, Progress progress) {
        return finder.elbow(columns(dataset), settings, kMin, kMax, progress);
    }

    /**
     * The dataset streamed into columns (about 47 bytes an incident instead of about 200 as objects): the
     * methods and the backtest hold every incident at once, and an agency's millions must fit the heap.
     */
    private IncidentColumns columns(String dataset) {
        IncidentColumns.Builder rows = IncidentColumns.builder(4096);
        incidents.forEach(dataset, rows);
        return rows.build();
    }

    /** Saves a result under a new name, for the map and the alerts. */
    public HotspotSet save(String actor, String name, String dataset, HotspotResult result) {
        String clean = checkName(name);
        Instant now = clock.instant();
        HotspotProvenance p = result.provenance();
        // the settings as asked, and the method that made the areas (with auto, the backtest's choice) for the list
        String settings = result.settings().toProperties().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"))
                + "\n" + CHOSEN_KEY + "=" + result.method().key();
        sets.insert(new HotspotSetRecord(0, clean, dataset, now, actor, result.settings().k(), result.settings().seed(),
                p.rowsUsed(), p.dataSha256(), result.sse(), settings, HotspotJson.write(result)));
        audit.record(actor, AuditEvent.HOTSPOTS, "saved set '" + clean + "' from dataset '" + dataset + "': " + summary(result));
        return new HotspotSet(clean, dataset, now, actor, result);
    }

    public List<HotspotSetSummary> list() {
        return sets.list().stream().map(r -> new HotspotSetSummary(r.name(), r.dataset(), method(r), r.createdAt(),
                r.createdBy(), r.k(), r.seed(), r.rowsUsed(), r.sse(), r.dataSha256())).toList();
    }

    private static final String CHOSEN_KEY = "hotspot.chosen_method";

    /**
     * The method a set's areas came from: recorded beside its settings since saving; for older sets the
     * settings' method when it names one, K-Means when there is no method key (every set was K-Means
     * then), and otherwise (auto) what the saved result says.
     */
    private String method(HotspotSetRecord r) {
        Map<String, String> keys = new HashMap<>();
        for (String line : (r.settings() == null ? "" : r.settings()).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                keys.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        if (keys.containsKey(CHOSEN_KEY)) {
            return keys.get(CHOSEN_KEY);
        }
        String asked = keys.getOrDefault("hotspot.method", MethodChoice.KMEANS.key());
        if (!asked.equals(MethodChoice.AUTO.key())) {
            return asked;
        }
        return sets.find(r.name()).map(full -> HotspotJson.read(full.resultJson()).method().key()).orElse(asked);
    }

    public Optional<HotspotSet> load(String name) {
        return sets.find(name).map(r -> new HotspotSet(r.name(), r.dataset(), r.createdAt(), r.createdBy(),
                HotspotJson.read(r.resultJson())));
    }

    /**
     * @return true when a set of that name existed
     * @throws NotAllowedException unless the actor saved the set or is an administrator
     */
    public boolean delete(Actor actor, String name) {
        Optional<HotspotSetRecord> set = sets.find(name);
        if (set.isPresent() && !actor.mayChangeWorkOf(set.get().createdBy())) {
            NotAllowedException refused = NotAllowedException.creatorOrAdmin("delete hotspot set '" + set.get().name() + "'",
                    set.get().createdBy());
            audit.record(actor.name(), AuditEvent.REFUSED, refused.getMessage());
            throw refused;
        }
        boolean deleted = sets.delete(name);
        if (deleted) {
            audit.record(actor.name(), AuditEvent.HOTSPOTS, "deleted set '" + name + "'");
        }
        return deleted;
    }

    private static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("a hotspot set needs a name");
        }
        if (clean.length() > MAX_NAME) {
            throw new IllegalArgumentException("hotspot set name must be at most " + MAX_NAME + " characters, was " + clean.length());
        }
        return clean;
    }

    private static String summary(HotspotResult r) {
        HotspotSettings s = r.settings();
        StringBuilder sb = new StringBuilder(String.format("k=%d restarts=%d seed=%d radius=%s filters=[%s] rows=%d sse=%.4e",
                s.k(), s.restarts(), s.seed(), s.radius().describe(), s.filter().describe(), r.rowsUsed(), r.sse()));
        if (r.evaluation() != null) {
            Evaluation e = r.evaluation();
            sb.append(String.format(" test_from=%s hit_rate kmeans=%.3f grid=%.3f", e.testFrom(), e.kmeans().hitRate(),
                    e.grid().hitRate()));
        }
        sb.append(" method=").append(r.method().key());
        return sb.toString();
    }
}
