package org.beatwise.ui.shell;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.beatwise.api.ApiService;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TaskTracker;

/**
 * The top bar's light for the local HTTP API: shown while it runs, whoever started it (the station
 * switch, an administrator on the Users pane, the app's start), and marked when other machines can reach
 * it. The API tells us from whichever thread started or stopped it; the news reaches the properties on the
 * UI thread through the one background-task path.
 */
public final class ApiIndicator {

    private final ApiService api;
    private final TaskTracker news;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper reachable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final Runnable stopWatching;

    public ApiIndicator(ApiService api, TaskRunner tasks) {
        this.api = Objects.requireNonNull(api);
        this.news = new TaskTracker(tasks);
        show(api.address());
        stopWatching = api.watch(at -> news.start(BackgroundTask.of("Showing the HTTP API's state", p -> at)
                .onSuccess(this::show)));
    }

    private void show(Optional<InetSocketAddress> at) {
        running.set(at.isPresent());
        boolean others = at.map(a -> a.getAddress() == null || !a.getAddress().isLoopbackAddress()).orElse(false);
        reachable.set(others);
        text.set(at.map(a -> others ? "API open to the network" : "API on").orElse(""));
        detail.set(at.map(a -> "The local HTTP API answers on http://" + ApiService.describe(a) + "/api/v1"
                        + (others ? ": other machines can reach it." : ", for this machine only.")
                        + " An administrator switches it off on the Users pane.")
                .orElse(""));
    }

    /** Stops following the API (the window is left). */
    public void dispose() {
        stopWatching.run();
    }

    /** Shown while the API runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The API listens on an address other machines can reach. */
    public ReadOnlyBooleanProperty reachableProperty() {
        return reachable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Where it listens, in a sentence, for the tooltip. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }
}
