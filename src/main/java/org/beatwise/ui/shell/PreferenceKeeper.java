package org.beatwise.ui.shell;

import java.util.Objects;
import org.beatwise.domain.Actor;
import org.beatwise.settings.UserPreferences;
import org.beatwise.settings.UserPreferencesService;

/** Where the main window keeps the signed-in user's preferences: the service in the app, memory in tests. */
public interface PreferenceKeeper {

    UserPreferences load();

    void save(UserPreferences preferences);

    /** The user's own preferences through the service, remembered between sessions. */
    static PreferenceKeeper of(UserPreferencesService service, Actor actor) {
        Objects.requireNonNull(service);
        Objects.requireNonNull(actor);
        return new PreferenceKeeper() {
            @Override
            public UserPreferences load() {
                return service.of(actor);
            }

            @Override
            public void save(UserPreferences preferences) {
                service.save(actor, preferences);
            }
        };
    }

    /** Preferences that last only as long as the window (view tests that do not look at them). */
    static PreferenceKeeper inMemory() {
        return new PreferenceKeeper() {
            private UserPreferences kept = UserPreferences.defaults();

            @Override
            public UserPreferences load() {
                return kept;
            }

            @Override
            public void save(UserPreferences preferences) {
                kept = preferences;
            }
        };
    }
}
