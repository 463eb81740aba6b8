package org.beatwise.cli;

import java.util.List;
import org.beatwise.store.AuditEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shows the newest entries of the audit log. */
@Command(name = "audit", description = "Show the audit log, newest first.")
final class AuditCommand implements Runnable {

    private final CliContext ctx;
    @Mixin CommonOptions options;
    @Option(names = "--limit", defaultValue = "50", paramLabel = "N", description = "How many entries (default 50).")
    int limit;

    AuditCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, was " + limit);
        }
        List<AuditEntry> entries = ctx.services().audit().latest(limit);
        StringBuilder text = new StringBuilder();
        for (AuditEntry e : entries) {
            text.append(String.format("%s  %-16s %-15s %s%n", e.at().toString().substring(0, 19).replace('T', ' '),
                    e.username() == null ? "-" : e.username(), e.event(), e.detail() == null ? "" : e.detail()));
        }
        ctx.print(options.json, entries, text.toString().stripTrailing());
    }
}
