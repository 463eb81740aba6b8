package org.beatwise.testing;

import java.nio.file.Path;
import java.time.Clock;
import org.beatwise.settings.AuthSettings;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;

/** Services on a real H2 file in a temporary data home. */
public final class TestHomes {

    private TestHomes() { }

    /** Creates an empty station in {@code dir}, as a first import or {@code users add} would, and returns dir. */
    public static Path station(Path dir) {
        new Services(new DataHome(dir), Clock.systemUTC()).close();
        return dir;
    }

    /** Services whose bcrypt cost is at the lowest allowed (10) so tests that create many users stay quick. */
    public static Services fast(Path dir, Clock clock) {
        Services s = new Services(new DataHome(dir), clock);
        AuthSettings d = AuthSettings.defaults();
        s.stationSettings().updateAuth(Actors.admin("test"), new AuthSettings(d.maxFailedAttempts(), d.lockoutMinutes(),
                d.idleLockMinutes(), AuthSettings.MIN_BCRYPT_COST, d.selfRegistration()));
        return s;
    }
}
