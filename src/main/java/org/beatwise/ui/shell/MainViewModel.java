package org.beatwise.ui.shell;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.beatwise.auth.AuthService;
import org.beatwise.auth.SignInResult;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.settings.StationSettingsService;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TaskTracker;

/** State of the main window: who is signed in, which panes they may see, the idle lock. */
public final class MainViewModel {

    private final AuthService auth;
    private final StationSettingsService stationSettings;
    // The runner itself only to cancel every pane's work at sign-out; the unlock goes through the tracker.
    private final TaskRunner tasks;
    private final TaskTracker work;
    private final Session session;
    private final List<PaneSpec> panes;
    private final ObjectProperty<PaneSpec> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper(false);
    private final StringProperty unlockPassword = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper unlockMessage = new ReadOnlyStringWrapper("");

    public MainViewModel(AuthService auth, StationSettingsService stationSettings, TaskRunner tasks, Session session,
                         List<PaneSpec> allPanes) {
        this.auth = Objects.requireNonNull(auth);
        this.stationSettings = Objects.requireNonNull(stationSettings);
        this.tasks = Objects.requireNonNull(tasks);
        this.work = new TaskTracker(tasks);
        this.session = Objects.requireNonNull(session);
        this.panes = allPanes.stream().filter(p -> !p.adminOnly() || session.isAdmin()).toList();
        selected.set(panes.get(0));
    }

    public Session session() {
        return session;
    }

    /** "alice · analyst" for the top bar. */
    public String userLine() {
        return session.username() + " · " + session.role().name().toLowerCase();
    }

    public List<PaneSpec> panes() {
        return panes;
    }

    /** Opens the pane with this id, if the user may see it. */
    public void select(String id) {
        panes.stream().filter(p -> p.id().equals(id)).findFirst().ifPresent(selected::set);
    }

    public ObjectProperty<PaneSpec> selectedProperty() {
        return selected;
    }

    public java.time.Duration idleLimit() {
        return stationSettings.auth().idleLock();
    }

    /** The screen locks after idle time; the work underneath stays as it is. */
    public void lock() {
        if (!locked.get()) {
            locked.set(true);
            unlockMessage.set("");
            auth.recordSessionLocked(session);
        }
    }

    public void unlock() {
        String pw = unlockPassword.get();
        unlockPassword.set("");
        work.start(BackgroundTask.of("Unlocking", p -> auth.unlockSession(session, pw))
                .onSuccess(result -> {
                    if (result instanceof SignInResult.Success) {
                        locked.set(false);
                        unlockMessage.set("");
                    } else if (result instanceof SignInResult.Failed f) {
                        unlockMessage.set(f.message());
                    } else if (result instanceof SignInResult.Locked l) {
                        unlockMessage.set(l.message());
                    }
                })
                .onFailure(e -> unlockMessage.set(e.getMessage())));
    }

    public void signOut() {
        tasks.cancelAll();
        auth.signOut(session);
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public StringProperty unlockPasswordProperty() {
        return unlockPassword;
    }

    public ReadOnlyStringProperty unlockMessageProperty() {
        return unlockMessage.getReadOnlyProperty();
    }
}
