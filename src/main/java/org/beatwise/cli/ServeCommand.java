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
        CountDownLatch stopRequested = new CountDownLatch(1);
        // Ctrl+C and SIGTERM are caught here instead of starting the JVM's shutdown: H2's own shutdown
        // hook (which AUTO_SERVER insists on) would race ours and could close the database before the
        // stop is audited. So the main thread stops in order: requests in flight finish, the stop is
        // audited, then the database closes.
        for (String name : new String[] {"INT", "TERM"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stopRequested.countDown());
        }
        if (!settings.loopbackOnly()) {
            ctx.err().println("WARNING: listening on " + settings.bind() + ": other machines can reach this API. "
                    + "This is recorded in the audit log.");
        }
        ctx.out().println("Beatwise API listening on http://" + ApiService.describe(at) + "/api/v1 (Ctrl+C stops it).");
        ctx.out().flush();
        ctx.err().flush();
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        api.close(); // the command's context closes the database after this returns
    }
}
