package org.beatwise.ui.shell;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.beatwise.auth.AuthService;
import org.beatwise.auth.SignInResult;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.settings.StationSettingsService;
import org.beatwise.settings.UserPreferences;
import org.beatwise.settings.UserPreferences.WindowPlace;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TaskTracker;

/**
 * State of the main window: who is signed in, which panes they may see, the idle lock, and the
 * user's own look (night, presentation), window and last pane, remembered through a {@link PreferenceKeeper}.
 */
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
    private final PreferenceKeeper keeper;
    // Changes of look and pane are written off the UI thread, one at a time, newest last: a click on
    // "Night" never waits for the database. Only the newest unwritten preferences are kept here.
    private final TaskTracker saving;
    private final Object saveLock = new Object();
    private final java.util.concurrent.atomic.AtomicReference<UserPreferences> unsaved = new java.util.concurrent.atomic.AtomicReference<>();
    private final BooleanProperty night = new SimpleBooleanProperty();
    private final BooleanProperty presentation = new SimpleBooleanProperty();
    private UserPreferences preferences;

    public MainViewModel(AuthService auth, StationSettingsService stationSettings, TaskRunner tasks, Session session,
                         List<PaneSpec> allPanes) {
        this(auth, stationSettings, tasks, session, allPanes, PreferenceKeeper.inMemory());
    }

    // Preferences are read once on the UI thread, as the sign-in ends; the window's place is written there
    // too, since it must be stored before the window closes. Other changes are written in the background.
    public MainViewModel(AuthService auth, StationSettingsService stationSettings, TaskRunner tasks, Session session,
                         List<PaneSpec> allPanes, PreferenceKeeper keeper) {
        this.auth = Objects.requireNonNull(auth);
        this.stationSettings = Objects.requireNonNull(stationSettings);
        this.tasks = Objects.requireNonNull(tasks);
        this.work = new TaskTracker(tasks);
        this.saving = new TaskTracker(tasks);
        this.session = Objects.requireNonNull(session);
        this.panes = allPanes.stream().filter(p -> !p.adminOnly() || session.isAdmin()).toList();
        this.keeper = Objects.requireNonNull(keeper);
        this.preferences = keeper.load();
        selected.set(panes.stream().filter(p -> p.id().equals(preferences.lastPane())).findFirst().orElse(panes.get(0)));
        night.set(preferences.theme() == UserPreferences.Theme.DARK);
        presentation.set(preferences.presentation());
        selected.addListener((o, a, pane) -> remember(preferences.withLastPane(pane.id())));
        night.addListener((o, a, on) -> remember(preferences.withTheme(on ? UserPreferences.Theme.DARK : UserPreferences.Theme.LIGHT)));
        presentation.addListener((o, a, on) -> remember(preferences.withPresentation(on)));
    }

    private void remember(UserPreferences changed) {
        preferences = changed;
        unsaved.set(changed);
        saving.start(BackgroundTask.of("Remembering your preferences", p -> {
            synchronized (saveLock) {
                // the newest preferences when this write's turn comes; null when a later write took them
                UserPreferences newest = unsaved.getAndSet(null);
                if (newest != null) {
                    keeper.save(newest);
                }
            }
            return null;
        }));
    }

    /** Writes now, on this thread: the window is closing, and its place must be stored before it does. */
    private void rememberNow(UserPreferences changed) {
        preferences = changed;
        synchronized (saveLock) {
            unsaved.set(null);
            keeper.save(changed);
        }
    }

    /** Night mode: the dark theme and the dark map, for night shifts. */
    public BooleanProperty nightProperty() {
        return night;
    }

    /** Presentation mode: larger fonts and chart labels, for a projector. */
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public UserPreferences.Theme theme() {
        return night.get() ? UserPreferences.Theme.DARK : UserPreferences.Theme.LIGHT;
    }

    /** Where the user's window was when they last left, if it was ever stored. */
    public java.util.Optional<WindowPlace> windowPlace() {
        return java.util.Optional.ofNullable(preferences.window());
    }

    public void rememberWindow(WindowPlace place) {
        if (!place.equals(preferences.window())) {
            rememberNow(preferences.withWindow(place));
        }
    }

    /** Opens the pane at this place in the navigation (Ctrl+1 is the first), if there is one. */
    public void selectNumber(int number) {
        if (number >= 1 && number <= panes.size()) {
            selected.set(panes.get(number - 1));
        }
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
