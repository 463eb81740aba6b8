package org.beatwise.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.beatwise.alert.AlertRule;
import org.beatwise.store.AlertRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists stored alerts. */
@Command(name = "alerts", description = "List alerts, newest first.")
final class AlertsCommand implements Runnable {

    private final CliContext ctx;
    @Mixin CommonOptions options;
    @Option(names = "--rule", paramLabel = "RULE", description = "Only this rule: ${COMPLETION-CANDIDATES}.")
    AlertRule rule;
    @Option(names = "--user", paramLabel = "NAME", description = "Only alerts raised for this user.")
    String user;
    @Option(names = "--since", paramLabel = "DATE", description = "Only alerts on or after this date (yyyy-MM-dd).")
    LocalDate since;
    @Option(names = "--limit", defaultValue = "100", paramLabel = "N", description = "How many (default 100).")
    int limit;

    AlertsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, was " + limit);
        }
        Instant from = since == null ? null : since.atStartOfDay(ZoneId.systemDefault()).toInstant();
        List<AlertRecord> alerts = ctx.services().alerts().list(rule, user, from, limit);
        StringBuilder text = new StringBuilder();
        for (AlertRecord a : alerts) {
            text.append(String.format("%s  %-10s %-16s %.5f,%.5f  %s%n", a.at().toString().substring(0, 19).replace('T', ' '),
                    a.username(), a.rule(), a.lat(), a.lon(), a.detail()));
        }
        ctx.print(options.json, alerts, alerts.isEmpty() ? "No alerts." : text.toString().stripTrailing());
    }
}
