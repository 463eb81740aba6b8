package org.beatwise.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.beatwise.store.AuditEntry;
import org.beatwise.store.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shows the newest entries of the audit log, or checks its hash chain ({@code audit verify}). */
@Command(name = "audit", description = "Show the audit log, newest first; 'audit verify' checks it was not altered.",
        subcommands = AuditCommand.Verify.class)
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

    @Command(name = "verify", description = {"Recompute the audit log's hash chain and name the first entry changed or "
            + "deleted since it was written.", "Exit status 1 when the chain is broken."})
    static final class Verify implements Callable<Integer> {
        private final CliContext ctx;
        @Mixin CommonOptions options;

        Verify(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            AuditVerification v = ctx.services().audit().verify();
            ctx.print(options.json, v, text(v));
            return v.intact() ? 0 : 1;
        }

        private static String text(AuditVerification v) {
            if (!v.intact()) {
                String when = v.brokenAt() == null ? "" : " (" + v.brokenAt() + ")";
                return "BROKEN at entry " + v.brokenId() + when + ": " + v.problem();
            }
            String legacy = v.beforeChain() == 0 ? ""
                    : "; " + v.beforeChain() + " of them, written before the chain began, carry no hash and are not covered";
            String tail = v.lastId() == null ? "" : System.lineSeparator() + "The chain ends at entry " + v.lastId()
                    + ", hash " + v.lastHash() + ".";
            return "All " + v.entries() + " audit entries are intact" + legacy + "." + tail;
        }
    }
}
