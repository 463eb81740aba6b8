package org.beatwise.cli;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import org.beatwise.api.ApiService;
import org.beatwise.settings.ApiSettings;
import org.beatwise.wiring.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the local HTTP API until the process is stopped. */
@Command(name = "serve", description = "Run the local HTTP API until stopped (Ctrl+C or a signal); see docs/admin-guide.md.")
final class ServeCommand implements Runnable {

    private final CliContext ctx;
    @Mixin CommonOptions options;

    @Option(names = "--port", paramLabel = "N", description = "TCP port (default: the api.port setting, 8600).")
    Integer port;
    @Option(names = "--bind", paramLabel = "ADDRESS", description = "IP address to listen on (default 127.0.0.1: this"
            + " machine only). Anything else reaches other machines and is written to the audit log.")
    String bind;

    ServeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        Services services = ctx.services();
        ApiSettings stored = services.stationSettings().api();
        ApiSettings settings = stored.withAddress(bind == null ? ApiSettings.LOOPBACK : bind,
                port == null ? stored.port() : port);
        ApiService api = new ApiService(services, services.clock());
        InetSocketAddress at = api.start(ctx.admin(), settings, bind != null);
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl+C and SIGTERM run shutdown hooks: requests in flight finish, the stop is audited and the
        // database is closed before the JVM goes.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            services.close();
            stopped.countDown();
        }, "beatwise-api-shutdown"));
        if (!settings.loopbackOnly()) {
            ctx.err().println("WARNING: listening on " + settings.bind() + ": other machines can reach this API. "
                    + "This is recorded in the audit log.");
        }
        ctx.out().println("Beatwise API listening on http://" + ApiService.describe(at) + "/api/v1 (Ctrl+C stops it).");
        ctx.out().flush();
        ctx.err().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
