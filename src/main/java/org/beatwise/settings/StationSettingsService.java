package org.beatwise.settings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.beatwise.domain.Actor;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;
import org.beatwise.store.ReadCache;
import org.beatwise.store.SettingsStore;

/**
 * The station's own settings: sign-in rules ({@code auth.*}), alert rules ({@code alert.*}) and map
 * tiles ({@code map.tiles}). The desktop app, the command line and the services that obey these
 * rules all read them here; only an administrator may change them. Every change is checked by its
 * validated record before anything is stored, and audited; a refused change is audited as refused.
 */
public final class StationSettingsService {

    private static final Logger LOG = Logger.getLogger(StationSettingsService.class.getName());

    /**
     * How long the alert rules read from the database are used without reading them again (every prediction
     * evaluates them, the API's many times a second). A change made here applies at once; one made by
     * another program (the command line, a second station on a shared database) within this time.
     */
    public static final Duration ALERTS_TTL = Duration.ofSeconds(2);

    private final SettingsStore store;
    private final AuditStore audit;
    private final ReadCache<String, AlertSettings> alerts;

    public StationSettingsService(SettingsStore store, AuditStore audit) {
        this(store, audit, System::nanoTime);
    }

    /** @param nanos a monotonic time in nanoseconds for the cache's age (tests pass one they move) */
    StationSettingsService(SettingsStore store, AuditStore audit, LongSupplier nanos) {
        this.store = store;
        this.audit = audit;
        this.alerts = new ReadCache<>(ALERTS_TTL, 1, nanos);
    }

    public AuthSettings auth() {
        return AuthSettings.of(store.withPrefix(AuthSettings.PREFIX));
    }

    public void updateAuth(Actor actor, AuthSettings settings) {
        update(actor, settings.toProperties());
    }

    public void setSelfRegistration(Actor actor, boolean enabled) {
        updateAuth(actor, auth().withSelfRegistration(enabled));
    }

    public AlertSettings alerts() {
        return alerts.get(AlertSettings.PREFIX, prefix -> AlertSettings.of(store.withPrefix(prefix)), read -> true);
    }

    public void updateAlerts(Actor actor, AlertSettings settings) {
        update(actor, settings.toProperties());
    }

    /**
     * The map settings; a stored tile source that today's rules refuse (a station upgraded from before
     * {@code map.allowed_hosts}) reads as the offline outline-only map until an administrator fixes it.
     */
    public MapSettings map() {
        try {
            return MapSettings.of(store.withPrefix(MapSettings.PREFIX));
        } catch (IllegalArgumentException e) {
            LOG.warning("map settings refused, using the offline map: " + e.getMessage());
            return MapSettings.defaults();
        }
    }

    public void updateMap(Actor actor, MapSettings settings) {
        update(actor, settings.toProperties());
    }

    /** The local HTTP API: whether the app runs it, where it listens and its per-token rate limit. */
    /** The most rows one training reads; a larger dataset is sampled. */
    public TrainingSampleSettings trainingSample() {
        return TrainingSampleSettings.of(store.withPrefix(TrainingSampleSettings.PREFIX));
    }

    public ApiSettings api() {
        return ApiSettings.of(store.withPrefix(ApiSettings.PREFIX));
    }

    /** Administrators only (checked here, not only by the screens); audited like every change. */
    public void updateApi(Actor actor, ApiSettings settings) {
        update(actor, settings.toProperties());
    }

    /** Every station setting as flat keys, defaults filled in: auth, then alert, then map. */
    /** Every known key with its stored text, or its default when none is stored. */
    private Map<String, String> stored() {
        Map<String, String> known = new LinkedHashMap<>();
        known.putAll(AuthSettings.defaults().toProperties());
        known.putAll(AlertSettings.defaults().toProperties());
        known.putAll(MapSettings.defaults().toProperties());
        known.putAll(ApiSettings.defaults().toProperties());
        known.putAll(TrainingSampleSettings.defaults().toProperties());
        for (String prefix : new String[] {AuthSettings.PREFIX, AlertSettings.PREFIX, MapSettings.PREFIX, ApiSettings.PREFIX,
            TrainingSampleSettings.PREFIX}) {
            store.withPrefix(prefix).forEach((k, v) -> known.replace(k, v));
        }
        return known;
    }

    public Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        all.putAll(auth().toProperties());
        all.putAll(alerts().toProperties());
        all.putAll(map().toProperties());
        all.putAll(api().toProperties());
        all.putAll(trainingSample().toProperties());
        return all;
    }

    /**
     * Changes one setting by its flat key, as an administrator types it. The whole record it belongs
     * to is re-read and validated first, so a bad value stores nothing.
     */
    public void set(Actor actor, String key, String value) {
        requireAdmin(actor, key); // before validating, so an analyst learns nothing but that they may not
        // From the stored text, not the records: a stored value that today's rules refuse must not stop
        // an administrator from setting the key that makes it valid again (map.allowed_hosts).
        Map<String, String> current = stored();
        if (!current.containsKey(key)) {
            throw new IllegalArgumentException("unknown setting '" + key + "'; known: " + String.join(", ", current.keySet()));
        }
        current.put(key, value);
        if (key.startsWith(AuthSettings.PREFIX)) {
            updateAuth(actor, AuthSettings.of(current));
        } else if (key.startsWith(AlertSettings.PREFIX)) {
            updateAlerts(actor, AlertSettings.of(current));
        } else if (key.startsWith(ApiSettings.PREFIX)) {
            updateApi(actor, ApiSettings.of(current));
        } else if (key.startsWith(TrainingSampleSettings.PREFIX)) {
            update(actor, TrainingSampleSettings.of(current).toProperties());
        } else {
            updateMap(actor, MapSettings.of(current));
        }
    }

    private void update(Actor actor, Map<String, String> properties) {
        requireAdmin(actor, properties.keySet().toString());
        store.putAll(properties);
        alerts.forget();
        audit.record(actor.name(), AuditEvent.SETTINGS_CHANGED, properties.toString());
    }

    private void requireAdmin(Actor actor, String keys) {
        if (!actor.isAdmin()) {
            NotAllowedException refused = NotAllowedException.adminOnly("change station settings");
            audit.record(actor.name(), AuditEvent.REFUSED, refused.getMessage() + " (asked to set " + keys + ")");
            throw refused;
        }
    }
}
