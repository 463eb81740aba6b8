package org.beatwise.settings;

import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;
import org.beatwise.store.SettingsStore;

/** Reads and changes the station's map settings; changes are audited. */
public final class MapSettingsService {

    private final SettingsStore settings;
    private final AuditStore audit;

    public MapSettingsService(SettingsStore settings, AuditStore audit) {
        this.settings = settings;
        this.audit = audit;
    }

    public MapSettings get() {
        return MapSettings.of(settings.withPrefix("map."));
    }

    public void update(String actor, MapSettings s) {
        settings.putAll(s.toProperties());
        audit.record(actor, AuditEvent.SETTINGS_CHANGED, s.toProperties().toString());
    }
}
