package org.beatwise.cli;

import picocli.CommandLine.Option;

/** Options every command accepts; mixed into each command with {@code @Mixin}. */
public final class CommonOptions {

    private final CliContext ctx;

    @Option(names = "--json", description = "Print exactly one JSON document on stdout.")
    public boolean json;

    public CommonOptions(CliContext ctx) {
        this.ctx = ctx;
    }

    @Option(names = "--home", paramLabel = "DIR", description = "Data home (default: $BEATWISE_HOME, else ~/.beatwise).")
    void home(String dir) {
        ctx.homeOption(dir);
    }

    @Option(names = "--db", paramLabel = "URL", description = {
            "Shared PostgreSQL database, jdbc:postgresql://host:5432/beatwise (default: $BEATWISE_DB, else <home>/db-url,",
            "else the data home's own file). The password comes from $BEATWISE_DB_PASSWORD or <home>/db-password, never the URL."})
    void db(String url) {
        ctx.dbOption(url);
    }

    @Option(names = "--debug", description = "Print stack traces of failures.")
    void debug(boolean on) {
        ctx.debug(on);
    }
}
