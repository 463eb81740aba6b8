package org.beatwise.cli;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.beatwise.auth.AuthService;
import org.beatwise.domain.Role;
import org.beatwise.store.UserAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** User administration for a station without a screen. */
@Command(name = "users", description = "Add, list, unlock and remove users, and change their roles.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Unlock.class,
                UsersCommand.Remove.class, UsersCommand.ChangeRole.class})
final class UsersCommand {

    /** What {@code users list} shows of an account: never the hash. */
    record UserView(String username, Role role, Instant createdAt, Instant lastSignIn, int failedAttempts,
                    Instant lockedUntil) {
        static UserView of(UserAccount a) {
            return new UserView(a.username(), a.role(), a.createdAt(), a.lastSignIn(), a.failedAttempts(), a.lockedUntil());
        }
    }

    @Command(name = "add", description = "Add a user; the password is read from the first line of stdin.")
    static final class Add implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Option(names = "--role", required = true, paramLabel = "analyst|admin") String role;
        @Option(names = "--password-stdin", required = true, description = "Read the password from stdin.")
        boolean passwordStdin;

        Add(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            Role r = Role.parse(role);
            String password = readPassword();
            UserAccount a = ctx.services().auth().addUser(ctx.admin(), name, password, r);
            ctx.print(options.json, UserView.of(a), "Added " + a.username() + " as " + a.role().name().toLowerCase());
        }

        private String readPassword() {
            try {
                String line = ctx.in().readLine();
                if (line == null || line.isEmpty()) {
                    throw new IllegalArgumentException("no password on stdin");
                }
                return line;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the password from stdin: " + e.getMessage(), e);
            }
        }
    }

    @Command(name = "list", description = "List users (never their password hashes).")
    static final class ListUsers implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;

        ListUsers(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            List<UserView> users = ctx.services().auth().users().stream().map(UserView::of).toList();
            StringBuilder text = new StringBuilder(String.format("%-24s %-8s %-20s %s%n", "USER", "ROLE", "LAST SIGN-IN", "STATUS"));
            Instant now = ctx.services().clock().instant();
            for (UserView u : users) {
                String status = u.lockedUntil() != null && now.isBefore(u.lockedUntil()) ? "locked until " + u.lockedUntil()
                        : u.failedAttempts() > 0 ? u.failedAttempts() + " failed attempts" : "ok";
                text.append(String.format("%-24s %-8s %-20s %s%n", u.username(), u.role().name().toLowerCase(),
                        u.lastSignIn() == null ? "never" : u.lastSignIn().toString().substring(0, 16), status));
            }
            ctx.print(options.json, users, text.toString().stripTrailing());
        }
    }

    @Command(name = "unlock", description = "Clear a user's lockout and failed attempts.")
    static final class Unlock implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Parameters(index = "0", paramLabel = "NAME") String name;

        /** @param unlocked the user's name */
        record Output(String unlocked) { }

        Unlock(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            AuthService auth = ctx.services().auth();
            auth.unlock(ctx.admin(), name);
            ctx.print(options.json, new Output(name), "Unlocked " + name);
        }
    }

    @Command(name = "remove", description = "Remove a user (never the last administrator).")
    static final class Remove implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Parameters(index = "0", paramLabel = "NAME") String name;

        /** @param removed the user's name */
        record Output(String removed) { }

        Remove(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            ctx.services().auth().remove(ctx.admin(), name);
            ctx.print(options.json, new Output(name), "Removed " + name);
        }
    }

    @Command(name = "role", description = "Make a user an administrator or an analyst (never the last administrator an analyst).")
    static final class ChangeRole implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "analyst|admin") String role;

        ChangeRole(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            UserAccount a = ctx.services().auth().changeRole(ctx.admin(), name, Role.parse(role));
            ctx.print(options.json, UserView.of(a), a.username() + " is now " + a.role().name().toLowerCase());
        }
    }
}
