package org.beatwise.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Actor;
import org.beatwise.domain.NotAllowedException;
import org.beatwise.domain.Role;
import org.beatwise.settings.AuthSettings;
import org.beatwise.settings.StationSettingsService;
import org.beatwise.store.AuditEvent;
import org.beatwise.store.AuditStore;
import org.beatwise.store.UserAccount;
import org.beatwise.store.UserStore;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Registration, sign-in, lockout and user management. The desktop app and the command line both go
 * through here. Passwords are only ever handed to jBCrypt: never logged, stored or returned. Managing
 * users takes an administrator {@link Actor}; anyone else is refused, and the refusal is audited.
 */
public final class AuthService {

    private static final DateTimeFormatter LOCK_TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final UserStore users;
    private final AuditStore audit;
    private final StationSettingsService stationSettings;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final PasswordCheck passwordCheck;
    // Verified against when the user does not exist or is locked, so those answers take as long as a wrong password.
    private volatile String decoyHash;
    // told when a user is removed or changes role (the API's token cache forgets what it knew of them)
    private final List<Runnable> accountChanges = new java.util.concurrent.CopyOnWriteArrayList<>();

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

    /**
     * Self-registration: the very first account becomes ADMIN, later ones ANALYST, and only while an
     * administrator has switched self-registration on.
     */
    public Session register(String username, String password) {
        if (!canSelfRegister()) {
            throw new AuthException("Registration is switched off on this station; ask an administrator for an account.");
        }
        UserAccount account = create(username, password, Role.ADMIN, Role.ANALYST);
        audit.record(account.username(), AuditEvent.REGISTERED, "role " + account.role());
        return new Session(account.username(), account.role(), clock.instant());
    }

    /** An administrator (or the station's command line) adds a user with a chosen role. */
    public UserAccount addUser(Actor actor, String username, String password, Role role) {
        requireAdmin(actor, "add users", username);
        UserAccount account = create(username, password, role, role);
        audit.record(actor.name(), AuditEvent.USER_ADDED, account.username() + " as " + account.role());
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
        if (Usernames.tooLong(username)) {
            audit.record(Usernames.redacted(username), AuditEvent.SIGN_IN_FAILED, "name too long");
            return new SignInResult.Failed(SignInResult.NAME_TOO_LONG);
        }
        AuthSettings settings = settings();
        Instant now = clock.instant();
        String typed = password == null ? "" : password;
        Optional<UserAccount> found = username == null ? Optional.empty() : users.find(username);
        if (found.isEmpty()) {
            passwordCheck.matches(typed, decoyHash(settings));
            audit.record(Usernames.redacted(username), AuditEvent.SIGN_IN_FAILED, "unknown user");
            return new SignInResult.Failed(SignInResult.WRONG_CREDENTIALS);
        }
        UserAccount account = found.get();
        if (account.isLockedAt(now)) {
            passwordCheck.matches(typed, decoyHash(settings)); // never the real hash: a locked account tells nothing
            audit.record(account.username(), AuditEvent.SIGN_IN_FAILED, "account locked");
            return locked(account.lockedUntil());
        }
        if (account.lockedUntil() != null) {
            users.unlock(account.username()); // the lock ran out: start counting afresh
        }
        if (passwordCheck.matches(typed, account.passwordHash())) {
            users.recordSuccess(account.username(), now);
            audit.record(account.username(), AuditEvent.SIGN_IN_OK, raiseCostIfLow(account, typed, settings));
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

    /**
     * The only moment the plain password is at hand: a hash made before the station raised its cost is
     * redone at the new cost. Returns the audit note, or null when nothing changed.
     */
    private String raiseCostIfLow(UserAccount account, String password, AuthSettings settings) {
        int stored = costOf(account.passwordHash());
        if (stored >= settings.bcryptCost()) {
            return null;
        }
        users.updatePasswordHash(account.username(), BCrypt.hashpw(password, BCrypt.gensalt(settings.bcryptCost())));
        return "password rehashed from cost " + stored + " to " + settings.bcryptCost();
    }

    /** The log rounds in a {@code $2a$NN$…} hash; 0 when unreadable, so it is redone. */
    static int costOf(String hash) {
        try {
            return Integer.parseInt(hash.substring(4, 6));
        } catch (RuntimeException e) {
            return 0;
        }
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

    public void unlock(Actor actor, String username) {
        requireAdmin(actor, "unlock users", username);
        UserAccount account = existing(username);
        users.unlock(account.username());
        audit.record(actor.name(), AuditEvent.UNLOCKED, account.username());
    }

    public void remove(Actor actor, String username) {
        requireAdmin(actor, "remove users", username);
        UserAccount account = existing(username);
        if (account.role() == Role.ADMIN && users.countByRole(Role.ADMIN) == 1) {
            throw new AuthException("'" + account.username() + "' is the last administrator and cannot be removed.");
        }
        users.delete(username);
        accountChanges.forEach(Runnable::run);
        audit.record(actor.name(), AuditEvent.USER_REMOVED, account.username());
    }

    /** Runs {@code listener} after every removal of a user and every change of a role made here. */
    public void whenAccountsChange(Runnable listener) {
        accountChanges.add(listener);
    }

    /** Makes a user an administrator or an analyst; the last administrator stays one. */
    public UserAccount changeRole(Actor actor, String username, Role role) {
        requireAdmin(actor, "change roles", username);
        UserAccount account = existing(username);
        if (account.role() == role) {
            return account;
        }
        if (account.role() == Role.ADMIN && users.countByRole(Role.ADMIN) == 1) {
            throw new AuthException("'" + account.username() + "' is the last administrator and must stay one.");
        }
        users.setRole(account.username(), role);
        accountChanges.forEach(Runnable::run);
        audit.record(actor.name(), AuditEvent.ROLE_CHANGED, account.username() + " from " + account.role() + " to " + role);
        return existing(username);
    }

    private UserAccount existing(String username) {
        Optional<UserAccount> found = username == null || Usernames.tooLong(username) ? Optional.empty() : users.find(username);
        return found.orElseThrow(() -> new AuthException("No user named '" + username + "'."));
    }

    private void requireAdmin(Actor actor, String action, String username) {
        if (!actor.isAdmin()) {
            NotAllowedException refused = NotAllowedException.adminOnly(action);
            audit.record(actor.name(), AuditEvent.REFUSED, refused.getMessage() + " (asked for '" + username + "')");
            throw refused;
        }
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
