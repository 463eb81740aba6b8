package org.beatwise.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.beatwise.domain.Actor;
import org.beatwise.domain.Role;
import org.beatwise.settings.UserPreferences.Theme;
import org.beatwise.settings.UserPreferences.WindowPlace;
import org.beatwise.store.Database;
import org.beatwise.store.UserPreferencesStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserPreferencesServiceTest {

    @TempDir
    Path home;

    private static final Actor ALICE = new Actor("alice", Role.ANALYST);
    private static final Actor BOB = new Actor("bob", Role.ADMIN);

    @Test
    void eachUserGetsBackTheirOwnPreferencesAfterReopeningTheDatabase() {
        UserPreferences alices = UserPreferences.defaults().withTheme(Theme.DARK).withPresentation(true)
                .withWindow(new WindowPlace(12.5, 40, 1280, 800, true)).withLastPane("hotspots");
        try (Database db = Database.open(home)) {
            UserPreferencesService service = new UserPreferencesService(new UserPreferencesStore(db));
            assertEquals(UserPreferences.defaults(), service.of(ALICE), "nothing stored yet reads as the defaults");
            service.save(ALICE, alices);
            service.save(BOB, UserPreferences.defaults().withLastPane("users"));
        }
        try (Database db = Database.open(home)) {
            UserPreferencesService service = new UserPreferencesService(new UserPreferencesStore(db));
            assertEquals(alices, service.of(new Actor(" Alice ", Role.ANALYST)), "names match ignoring case, as at sign-in");
            assertEquals("users", service.of(BOB).lastPane());
            assertEquals(Theme.LIGHT, service.of(BOB).theme(), "Alice's dark theme is hers alone");
            service.save(ALICE, alices.withWindow(null));
            assertNull(service.of(ALICE).window(), "saving replaces, it does not keep old keys");
        }
    }

    @Test
    void aStoredValueTodaysRulesRefuseReadsAsTheDefaults() {
        try (Database db = Database.open(home)) {
            UserPreferencesStore store = new UserPreferencesStore(db);
            store.replace("alice", Map.of("ui.theme", "purple", "ui.presentation", "true"));
            assertEquals(UserPreferences.defaults(), new UserPreferencesService(store).of(ALICE));
        }
    }

    @Test
    void recordsNameTheFieldAndTheValueTheyRefuse() {
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class, () -> new WindowPlace(0, 0, 120, 800, false));
        assertTrue(small.getMessage().contains("width") && small.getMessage().contains("120"), small.getMessage());
        IllegalArgumentException pane = assertThrows(IllegalArgumentException.class,
                () -> UserPreferences.defaults().withLastPane("../x"));
        assertTrue(pane.getMessage().contains("lastPane") && pane.getMessage().contains("../x"), pane.getMessage());
        SettingsException theme = assertThrows(SettingsException.class, () -> UserPreferences.of(Map.of("ui.theme", "sepia")));
        assertTrue(theme.getMessage().contains("ui.theme") && theme.getMessage().contains("sepia"), theme.getMessage());
    }

    @Test
    void aHalfStoredWindowIsIgnoredRatherThanGuessed() {
        UserPreferences p = UserPreferences.of(Map.of("ui.window.width", "1300", "ui.theme", "dark"));
        assertNull(p.window());
        assertEquals(Theme.DARK, p.theme());
        assertEquals(p, UserPreferences.of(p.toProperties()), "round trip");
    }
}
