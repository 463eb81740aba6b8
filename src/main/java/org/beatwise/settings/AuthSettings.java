package org.beatwise.settings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Station rules for sign-in. Validated on construction; the message names the field and the value.
 *
 * @param maxFailedAttempts failed sign-ins in a row that lock an account
 * @param lockoutMinutes how long a locked account stays locked
 * @param idleLockMinutes idle time after which the screen asks for the password again
 * @param bcryptCost jBCrypt log rounds for new hashes, 10 to 16: below 10 a stolen hash is cheap to guess,
 *                   above 16 every sign-in takes seconds. Hashes made at a lower cost are redone at sign-in.
 * @param selfRegistration whether anyone may register an analyst account from the sign-in screen once an
 *                         administrator exists (the very first account can always be registered); off unless
 *                         an administrator switches it on
 */
public record AuthSettings(int maxFailedAttempts, int lockoutMinutes, int idleLockMinutes, int bcryptCost,
                           boolean selfRegistration) {

    public static final String PREFIX = "auth.";
    public static final int MIN_BCRYPT_COST = 10;
    public static final int MAX_BCRYPT_COST = 16;

    public AuthSettings {
        require(maxFailedAttempts >= 1 && maxFailedAttempts <= 100, "maxFailedAttempts", "between 1 and 100", maxFailedAttempts);
        require(lockoutMinutes >= 1 && lockoutMinutes <= 24 * 60, "lockoutMinutes", "between 1 and 1440", lockoutMinutes);
        require(idleLockMinutes >= 1 && idleLockMinutes <= 24 * 60, "idleLockMinutes", "between 1 and 1440", idleLockMinutes);
        require(bcryptCost >= MIN_BCRYPT_COST && bcryptCost <= MAX_BCRYPT_COST, "bcryptCost (" + PREFIX + "bcrypt_cost)",
                "between " + MIN_BCRYPT_COST + " and " + MAX_BCRYPT_COST, bcryptCost);
    }

    public static AuthSettings defaults() {
        return new AuthSettings(5, 15, 15, 12, false);
    }

    public Duration lockout() {
        return Duration.ofMinutes(lockoutMinutes);
    }

    public Duration idleLock() {
        return Duration.ofMinutes(idleLockMinutes);
    }

    public AuthSettings withSelfRegistration(boolean enabled) {
        return new AuthSettings(maxFailedAttempts, lockoutMinutes, idleLockMinutes, bcryptCost, enabled);
    }

    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PREFIX + "max_failed_attempts", Integer.toString(maxFailedAttempts));
        p.put(PREFIX + "lockout_minutes", Integer.toString(lockoutMinutes));
        p.put(PREFIX + "idle_lock_minutes", Integer.toString(idleLockMinutes));
        p.put(PREFIX + "bcrypt_cost", Integer.toString(bcryptCost));
        p.put(PREFIX + "self_registration", Boolean.toString(selfRegistration));
        return p;
    }

    /** Reads the settings, taking the default for every missing key. */
    public static AuthSettings of(Map<String, String> p) {
        AuthSettings d = defaults();
        FlatKeys keys = new FlatKeys(p, PREFIX);
        return new AuthSettings(
                keys.getInt("max_failed_attempts", d.maxFailedAttempts),
                keys.getInt("lockout_minutes", d.lockoutMinutes),
                keys.getInt("idle_lock_minutes", d.idleLockMinutes),
                keys.getInt("bcrypt_cost", d.bcryptCost),
                keys.getBoolean("self_registration", d.selfRegistration));
    }

    private static void require(boolean ok, String field, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(field + " must be " + rule + ", was " + value);
        }
    }
}
