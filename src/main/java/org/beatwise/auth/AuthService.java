package org.beatwise.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.settings.AuthSettings;
import org.beatwise.settings.StationSettingsService;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;
import org.beatwise.store.Role;
import org.beatwise.store.UserAccount;
import org.beatwise.store.UserStore;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Registration, sign-in, lockout and user management. The desktop app and the command line both go
 * through here. Passwords are only ever handed to jBCrypt: never logged, stored or returned.
 */
public final class AuthService {

    private static final DateTimeFormatter LOCK_TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final UserStore users;
    private final AuditStore audit;
    private final StationSettingsService stationSettings;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final PasswordCheck passwordCheck;
    // Verified against when the user does not exist, so an unknown name costs as much time as a known one.
    private volatile String decoyHash;

    /** Verifies a password against a bcrypt hash; a seam so tests can see which checks a sign-in runs. */
    @FunctionalInterface
    interface PasswordCheck {
        boolean matches(String password, String hash);
    }

    public AuthService(UserStore users, AuditStore audit, StationSettingsService stationSettings, PasswordPolicy policy,
                       Clock clock) {
        this(users, audit, stationSettings, policy, clock, BCrypt::checkpw);
    }

    AuthService(UserStore users, AuditStore audit, StationSettingsService stationSettings, PasswordPolicy policy,
                Clock clock, PasswordCheck passwordCheck) {
        this.users = users;
        this.audit = audit;
        this.stationSettings = stationSettings;
        this.policy = policy;
        this.clock = clock;
        this.passwordCheck = passwordCheck;
    }

    public PasswordPolicy policy() {
        return policy;
    }

    private AuthSettings settings() {
        return stationSettings.auth();
    }

    public boolean hasUsers() {
        return users.count() > 0;
    }

    public boolean canSelfRegister() {
        return !hasUsers() || settings().selfRegistration();
    }

    /** Self-registration: the very first account becomes ADMIN, later ones ANALYST. */
    public Session register(String username, String password) {
        if (!canSelfRegister()) {
            throw new AuthException("Registration is switched off on this station; ask an administrator for an account.");
        }
        UserAccount account = create(username, password, Role.ADMIN, Role.ANALYST);
        audit.record(account.username(), AuditEvent.REGISTERED, "role " + account.role());
        return new Session(account.username(), account.role(), clock.instant());
    }

    /** An administrator (or the station's command line) adds a user with a chosen role. */
    public UserAccount addUser(String actor, String username, String password, Role role) {
        UserAccount account = create(username, password, role, role);
        audit.record(actor, AuditEvent.USER_ADDED, account.username() + " as " + account.role());
        return account;
    }

    private UserAccount create(String username, String password, Role ifFirst, Role otherwise) {
        String nameProblem = Usernames.problem(username);
        if (nameProblem != null) {
            throw new AuthException(nameProblem);
        }
        List<String> problems = policy.problems(username, password);
        if (!problems.isEmpty()) {
            throw new AuthException(problems.get(0));
        }
        String hash = BCrypt.hashpw(password, BCrypt.gensalt(settings().bcryptCost()));
        return users.insert(username, hash, ifFirst, otherwise, clock.instant())
                .orElseThrow(() -> new AuthException("The username '" + username.strip() + "' is taken."));
    }

    public SignInResult signIn(String username, String password) {
        AuthSettings settings = settings();
        Instant now = clock.instant();
        Optional<UserAccount> found = username == null ? Optional.empty() : users.find(username);
        if (found.isEmpty()) {
            passwordCheck.matches(password == null ? "" : password, decoyHash(settings));
            audit.record(username, AuditEvent.SIGN_IN_FAILED, "unknown user");
            return new SignInResult.Failed(SignInResult.WRONG_CREDENTIALS);
        }
        UserAccount account = found.get();
        if (account.isLockedAt(now)) {
            audit.record(account.username(), AuditEvent.SIGN_IN_FAILED, "account locked");
            return locked(account.lockedUntil());
        }
        if (account.lockedUntil() != null) {
            users.unlock(account.username()); // the lock ran out: start counting afresh
        }
        if (password != null && passwordCheck.matches(password, account.passwordHash())) {
            users.recordSuccess(account.username(), now);
            audit.record(account.username(), AuditEvent.SIGN_IN_OK, null);
            return new SignInResult.Success(new Session(account.username(), account.role(), now));
        }
        int failures = users.recordFailure(account.username());
        audit.record(account.username(), AuditEvent.SIGN_IN_FAILED, "wrong password, attempt " + failures);
        if (failures >= settings.maxFailedAttempts()) {
            Instant until = now.plus(settings.lockout());
            users.lockUntil(account.username(), until);
            audit.record(account.username(), AuditEvent.LOCKED, failures + " failed attempts, until " + until);
            return locked(until);
        }
        return new SignInResult.Failed(SignInResult.WRONG_CREDENTIALS);
    }

    private static SignInResult.Locked locked(Instant until) {
        return new SignInResult.Locked(until, "Too many failed attempts: this account is locked until "
                + LOCK_TIME.format(until) + ". An administrator can unlock it sooner.");
    }

    /** The idle lock: the same user proves it is still them; failures count toward the lockout. */
    public SignInResult unlockSession(Session session, String password) {
        SignInResult result = signIn(session.username(), password);
        return result instanceof SignInResult.Success ? new SignInResult.Success(session) : result;
    }

    public void recordSessionLocked(Session session) {
        audit.record(session.username(), AuditEvent.SESSION_LOCKED, "idle");
    }

    public void signOut(Session session) {
        audit.record(session.username(), AuditEvent.LOGOUT, null);
    }

    public List<UserAccount> users() {
        return users.all();
    }

    public void unlock(String actor, String username) {
        if (!users.unlock(username)) {
            throw new AuthException("No user named '" + username + "'.");
        }
        audit.record(actor, AuditEvent.UNLOCKED, username);
    }

    public void remove(String actor, String username) {
        UserAccount account = users.find(username)
                .orElseThrow(() -> new AuthException("No user named '" + username + "'."));
        if (account.role() == Role.ADMIN && users.countByRole(Role.ADMIN) == 1) {
            throw new AuthException("'" + account.username() + "' is the last administrator and cannot be removed.");
        }
        users.delete(username);
        audit.record(actor, AuditEvent.USER_REMOVED, account.username());
    }

    private String decoyHash(AuthSettings settings) {
        String h = decoyHash;
        if (h == null || !h.startsWith(String.format("$2a$%02d$", settings.bcryptCost()))) {
            h = BCrypt.hashpw("decoy-" + System.nanoTime(), BCrypt.gensalt(settings.bcryptCost()));
            decoyHash = h;
        }
        return h;
    }
}
