package org.beatwise.ui.users;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.beatwise.api.ApiService;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TaskTracker;

/**
 * The station settings' HTTP API switch: turning it on starts the API in the app, off stops it (requests
 * in flight finish, which may take seconds, hence in the background). The service refuses anyone but an
 * administrator; the status line says where the API listens while it runs.
 */
public final class ApiSwitchViewModel {

    private final ApiService api;
    private final Session session;
    private final TaskTracker work;
    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private boolean syncing;

    public ApiSwitchViewModel(ApiService api, Session session, TaskRunner tasks) {
        this.api = Objects.requireNonNull(api);
        this.session = Objects.requireNonNull(session);
        this.work = new TaskTracker(tasks);
        refresh();
        enabled.addListener((o, was, on) -> {
            if (!syncing) {
                change(on);
            }
        });
    }

    private void change(boolean on) {
        work.start(BackgroundTask.of(on ? "Starting the HTTP API" : "Stopping the HTTP API",
                        p -> api.setEnabled(session.actor(), on))
                .onSuccess(at -> show(at, null))
                .onFailure(e -> show(api.address(), e.getMessage())));
    }

    /** Reads the switch and the running state again (the pane is shown again). */
    public void refresh() {
        show(api.address(), null);
    }

    private void show(Optional<InetSocketAddress> at, String problem) {
        syncing = true;
        try {
            enabled.set(at.isPresent());
        } finally {
            syncing = false;
        }
        String state = at.map(a -> "HTTP API running on http://" + ApiService.describe(a) + "/api/v1"
                        + (a.getAddress() != null && a.getAddress().isLoopbackAddress() ? " (this machine only)."
                        : " — reachable from other machines."))
                .orElse("HTTP API off.");
        status.set(problem == null ? state : problem + " " + state);
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while the API starts or stops. */
    public ReadOnlyBooleanProperty runningProperty() {
        return work.runningProperty();
    }
}
