package org.beatwise.app;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.logging.Logger;
import javafx.application.Application;
import org.beatwise.store.DataHomeInUseException;
import org.beatwise.ui.BeatwiseApp;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;

/** Starts the desktop app for a data home. Kept apart from {@link Main} so the CLI never loads JavaFX. */
final class DesktopLauncher {

    private DesktopLauncher() { }

    // JavaFX warns on every start that it was loaded from the class path, not as modules: we ship it that
    // way on purpose (one jar and its lib/ folder), and the line only alarms whoever reads the terminal.
    // Kept in a field: java.util.logging holds its loggers weakly, and the filter must outlive this method.
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    static void launch(String homeOption, String dbOption) {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        DataHome home;
        try {
            home = DataHome.resolve(homeOption, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("beatwise: " + e.getMessage());
            System.exit(1);
            return;
        }
        // Open the database while the JavaFX toolkit starts: the two overlap instead of adding up. When
        // opening fails the line goes to stderr and into a dialog (started from an icon, no one reads
        // stderr), and the program ends with status 1 once the dialog is closed.
        AtomicBoolean failed = new AtomicBoolean();
        CompletableFuture<Services> services = open(home, dbOption, System.err, BeatwiseApp::openingFailed,
                code -> failed.set(true));
        BeatwiseApp.configure(home, services);
        try {
            Application.launch(BeatwiseApp.class);
            if (failed.get()) {
                System.exit(1);
            }
        } catch (RuntimeException e) {
            // Typically no display: say so in one line and point at what works without one.
            System.err.println("beatwise: cannot open the desktop app (" + e.getMessage() + "). "
                    + "The commands work without a display: beatwise --help");
            services.thenAccept(s -> {
                if (s != null) {
                    s.close();
                }
            }).join();
            System.exit(1);
        }
    }

    /**
     * Opens the services in the background. When that fails (another program holds the data home, the
     * folder cannot be created) the person sees one line (on {@code err}, and through {@code show} in the
     * app's dialog) and the program ends through {@code exit}
     * before the window could show a stack trace; the future then never fails, it holds null.
     */
    static CompletableFuture<Services> open(DataHome home, PrintStream err, IntConsumer exit) {
        return open(home, null, err, line -> { }, exit);
    }

    static CompletableFuture<Services> open(DataHome home, String dbOption, PrintStream err, Consumer<String> show,
                                            IntConsumer exit) {
        return CompletableFuture.supplyAsync(() -> Services.open(home, dbOption)).handle((s, failure) -> {
            if (failure == null) {
                return s;
            }
            show.accept(oneLine(failure));
            err.println("beatwise: " + oneLine(failure));
            err.flush();
            exit.accept(1);
            return null;
        });
    }

    private static String oneLine(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof DataHomeInUseException) {
            return t.getMessage();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return "cannot open the data home: " + message.lines().findFirst().orElse(message);
    }
}
