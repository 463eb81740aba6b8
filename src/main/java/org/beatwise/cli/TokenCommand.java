package org.beatwise.cli;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beatwise.auth.ApiToken;
import org.beatwise.auth.IssuedToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Bearer tokens for the local HTTP API. */
@Command(name = "token", description = "Make, list and revoke bearer tokens for the local HTTP API.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,5})([dhm])");

    /** {@code 30d}, {@code 12h}, {@code 90m}, or {@code never} (null). */
    static Duration duration(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("never")) {
            return null;
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("--expires must be a number of days, hours or minutes such as 30d, 12h or"
                    + " 90m, or 'never'; was '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
    }

    @Command(name = "create", description = "Make a token for a user; it is printed once and stored only as a hash.")
    static final class Create implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Option(names = "--user", required = true, paramLabel = "NAME", description = "The user the token acts for.")
        String user;
        @Option(names = "--expires", defaultValue = "30d", paramLabel = "30d",
                description = "Lifetime: days, hours or minutes (30d, 12h, 90m) or 'never' (default 30d).")
        String expires;
        @Option(names = "--label", paramLabel = "TEXT", description = "What the token is for, e.g. 'dispatch dashboard'.")
        String label;

        Create(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            IssuedToken t = ctx.services().tokens().create(ctx.admin(), user, duration(expires), label);
            ctx.print(options.json, t, "Token " + t.token().id() + " for " + t.token().username() + " ("
                    + (t.token().expiresAt() == null ? "no expiry" : "expires " + t.token().expiresAt()) + "):\n"
                    + t.secret() + "\nIt is shown only now; Beatwise keeps only its hash. Send it as 'Authorization: Bearer <token>'.");
        }
    }

    @Command(name = "list", description = "List tokens (never the tokens themselves).")
    static final class ListTokens implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;

        ListTokens(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            List<ApiToken> tokens = ctx.services().tokens().list(ctx.admin());
            StringBuilder text = new StringBuilder(String.format("%5s %-24s %-8s %-17s %-17s %s%n", "ID", "USER", "STATUS",
                    "CREATED", "EXPIRES", "LABEL"));
            for (ApiToken t : tokens) {
                text.append(String.format("%5d %-24s %-8s %-17s %-17s %s%n", t.id(), t.username(), t.status(),
                        minutes(t.createdAt()), t.expiresAt() == null ? "never" : minutes(t.expiresAt()),
                        t.label() == null ? "" : t.label()));
            }
            ctx.print(options.json, tokens, tokens.isEmpty() ? "No API tokens." : text.toString().stripTrailing());
        }

        private static String minutes(java.time.Instant t) {
            return t.toString().substring(0, 16).replace('T', ' ');
        }
    }

    @Command(name = "revoke", description = "Revoke a token at once.")
    static final class Revoke implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Parameters(index = "0", paramLabel = "ID") long id;

        Revoke(CliContext ctx) {
            this.ctx = ctx;
        }

        /** The JSON document of this command. */
        record Output(long id, boolean revoked) { }

        @Override
        public void run() {
            boolean revoked = ctx.services().tokens().revoke(ctx.admin(), id);
            ctx.print(options.json, new Output(id, revoked), revoked ? "Revoked token " + id + "." : "Token " + id
                    + " was already revoked.");
        }
    }
}
