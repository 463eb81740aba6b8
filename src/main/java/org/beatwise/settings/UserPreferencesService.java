package org.beatwise.settings;

import java.util.logging.Logger;
import org.beatwise.domain.Actor;
import org.beatwise.store.UserPreferencesStore;

/**
 * Each user's own UI preferences. Anyone signed in reads and changes their own, and only their own:
 * the actor is the owner. Not audited: a theme says nothing about the station's data. Stored
 * preferences that today's rules refuse read as the defaults, so a bad row never keeps anyone out.
 */
public final class UserPreferencesService {

    private static final Logger LOG = Logger.getLogger(UserPreferencesService.class.getName());

    private final UserPreferencesStore store;

    public UserPreferencesService(UserPreferencesStore store) {
        this.store = store;
    }

    public UserPreferences of(Actor actor) {
        try {
            return UserPreferences.of(store.read(actor.name()));
        } catch (IllegalArgumentException e) {
            LOG.warning("stored UI preferences of " + actor.name() + " refused, using the defaults: " + e.getMessage());
            return UserPreferences.defaults();
        }
    }

    public void save(Actor actor, UserPreferences preferences) {
        store.replace(actor.name(), preferences.toProperties());
    }
}
