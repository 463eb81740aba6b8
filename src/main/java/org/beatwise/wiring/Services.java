package org.beatwise.wiring;

import java.time.Clock;
import java.util.Map;
import org.beatwise.alert.AlertService;
import org.beatwise.auth.AuthService;
import org.beatwise.auth.PasswordPolicy;
import org.beatwise.export.ExportService;
import org.beatwise.auth.TokenService;
import org.beatwise.hotspot.HotspotFinder;
import org.beatwise.hotspot.HotspotService;
import org.beatwise.importing.AreaService;
import org.beatwise.importing.DatasetService;
import org.beatwise.importing.ImportService;
import org.beatwise.model.ExplanationService;
import org.beatwise.model.ModelService;
import org.beatwise.model.ModelStore;
import org.beatwise.model.WekaRuntime;
import org.beatwise.profile.PlaceProfileService;
import org.beatwise.settings.StationSettingsService;
import org.beatwise.settings.UserPreferencesService;
import org.beatwise.store.AlertStore;
import org.beatwise.store.ApiTokenStore;
import org.beatwise.store.AreaStore;
import org.beatwise.store.AuditStore;
import org.beatwise.store.Database;
import org.beatwise.store.DatasetStore;
import org.beatwise.store.Engine;
import org.beatwise.store.HotspotSetStore;
import org.beatwise.store.ModelBundleStore;
import org.beatwise.store.SettingsStore;
import org.beatwise.store.UserPreferencesStore;
import org.beatwise.store.UserStore;

/**
 * The one place where Beatwise's services are built for a data home. The desktop app and the
 * command line both take their services from here, so neither holds logic of its own.
 */
public final class Services implements AutoCloseable {

    private final DataHome home;
    private final Database db;
    private final Clock clock;
    private final AuditStore audit;
    private final SettingsStore settings;
    private final AuthService auth;
    private final AlertService alerts;
    private final StationSettingsService stationSettings;
    private final ImportService imports;
    private final DatasetService datasets;
    private final AreaService areas;
    private final HotspotService hotspots;
    private final ModelService models;
    private final ExportService exports;
    private final PlaceProfileService profiles;
    private final ExplanationService explanations;
    private final UserPreferencesService userPreferences;
    private final TokenService tokens;

    /** Services on the data home's own H2 file. */
    public Services(DataHome home, Clock clock) {
        this(home, StationDatabase.embedded(), Map.of(), clock);
    }

    /** Services on the station's database, H2 or a shared PostgreSQL; {@code env} gives its user and password. */
    public Services(DataHome home, StationDatabase database, Map<String, String> env, Clock clock) {
        this.home = home;
        this.clock = clock;
        home.createPrivate();
        WekaRuntime.prepare(home.dir().resolve("weka"));
        this.db = database.open(home, env);
        this.audit = new AuditStore(db, clock);
        this.settings = new SettingsStore(db);
        this.stationSettings = new StationSettingsService(settings, audit);
        this.auth = new AuthService(new UserStore(db), audit, stationSettings, PasswordPolicy.standard(), clock);
        this.alerts = new AlertService(new AlertStore(db), audit, stationSettings, clock);
        DatasetStore datasetStore = new DatasetStore(db);
        this.imports = new ImportService(datasetStore, audit, clock);
        this.datasets = new DatasetService(datasetStore, audit);
        this.areas = new AreaService(new AreaStore(db), audit, clock);
        this.hotspots = new HotspotService(datasets, new HotspotSetStore(db), audit, clock, new HotspotFinder());
        // a shared database holds the models itself; this station keeps a private cache of them
        ModelStore modelStore = db.engine() == Engine.H2 ? new ModelStore(home.models())
                : new ModelStore(home.createSharedModelCache(), new ModelBundleStore(db), clock);
        modelStore.removeAbandonedSaves(clock.instant());
        this.models = new ModelService(datasets, modelStore, audit, settings, clock);
        this.exports = new ExportService(datasets, hotspots, models, alerts, areas, audit, clock);
        this.profiles = new PlaceProfileService(datasets, hotspots);
        this.explanations = new ExplanationService(models, datasets);
        this.userPreferences = new UserPreferencesService(new UserPreferencesStore(db));
        this.tokens = new TokenService(new ApiTokenStore(db), new UserStore(db), audit, clock);
        auth.whenAccountsChange(tokens::forgetVerified);
    }

    /** Services on the database the environment and the data home name (see {@link StationDatabase}). */
    public static Services open(DataHome home) {
        return open(home, null);
    }

    /** The same, with a {@code --db} URL given (null: none) taking precedence. */
    public static Services open(DataHome home, String dbOption) {
        Map<String, String> env = System.getenv();
        return new Services(home, StationDatabase.resolve(dbOption, env, home), env, Clock.systemUTC());
    }

    public DataHome home() {
        return home;
    }

    public Clock clock() {
        return clock;
    }

    public AuthService auth() {
        return auth;
    }

    public AlertService alerts() {
        return alerts;
    }

    /** The station's sign-in, alert and map settings; changes are audited. */
    public StationSettingsService stationSettings() {
        return stationSettings;
    }

    /** Files into datasets, saved column mappings, generated and demo data. */
    public ImportService imports() {
        return imports;
    }

    /** The stored datasets; also the incident source of the model and hotspot work. */
    public DatasetService datasets() {
        return datasets;
    }

    /** Boundary area layers. */
    public AreaService areas() {
        return areas;
    }

    public HotspotService hotspots() {
        return hotspots;
    }

    /** The synthetic demo dataset with a model and hotspot set, for first runs and workshops. */
    public DemoSetup demo() {
        return new DemoSetup(imports, models, hotspots);
    }

    /** The crime-type model: train, evaluate, load, delete, export and import models in {@code <home>/models}. */
    public ModelService models() {
        return models;
    }

    /** Briefings, pictures, GeoJSON and CSV: stored results leaving the station as files, audited. */
    public ExportService exports() {
        return exports;
    }

    /** Place profiles: what happened around a point, from a spatial index kept per dataset. */
    public PlaceProfileService profiles() {
        return profiles;
    }

    /** Why a model says what it says: permutation importance, per-group figures, sensitivity sweeps. */
    public ExplanationService explanations() {
        return explanations;
    }

    /** Each user's own look of the desktop app: theme, presentation mode, window, last pane. */
    public UserPreferencesService userPreferences() {
        return userPreferences;
    }

    /** Bearer tokens of the local HTTP API. */
    public TokenService tokens() {
        return tokens;
    }

    public AuditStore audit() {
        return audit;
    }

    /** The engine the station's database runs on (H2, or a shared PostgreSQL). */
    public Engine engine() {
        return db.engine();
    }

    @Override
    public void close() {
        db.close();
    }
}
