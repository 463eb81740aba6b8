package org.beatwise.ui.users;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.beatwise.auth.AuthService;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.domain.Role;
import org.beatwise.settings.StationSettingsService;
import org.beatwise.store.UserAccount;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TaskTracker;

/** The administrator's user list: unlock, remove, and whether self-registration is allowed. */
public final class UsersViewModel {

    private final AuthService auth;
    private final StationSettingsService stationSettings;
    private final Session session;
    private final ObservableList<UserAccount> users = FXCollections.observableArrayList();
    private final BooleanProperty selfRegistration = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final StringProperty newUsername = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(Role.ANALYST);
    private final TaskTracker work;

    public UsersViewModel(AuthService auth, StationSettingsService stationSettings, Session session, TaskRunner tasks) {
        this.auth = Objects.requireNonNull(auth);
        this.stationSettings = Objects.requireNonNull(stationSettings);
        this.session = Objects.requireNonNull(session);
        this.work = new TaskTracker(tasks);
        refresh();
        selfRegistration.addListener((o, a, b) -> {
            if (b != stationSettings.auth().selfRegistration()) {
                stationSettings.setSelfRegistration(session.actor(), b);
                message.set(b ? "Self-registration switched on." : "Self-registration switched off.");
            }
        });
    }

    public void refresh() {
        users.setAll(auth.users());
        selfRegistration.set(stationSettings.auth().selfRegistration());
    }

    /**
     * An administrator adds an account; the password rules apply as at registration. bcrypt at cost 12
     * takes a quarter second, so the account is made in the background.
     */
    public void addUser() {
        if (work.isRunning()) {
            return;
        }
        String name = newUsername.get();
        String password = newPassword.get();
        Role role = newRole.get();
        newPassword.set("");
        act("Adding " + name.strip(), () -> auth.addUser(session.actor(), name, password, role),
                "Added " + name.strip() + " as " + role.name().toLowerCase() + ".", () -> newUsername.set(""));
    }

    public StringProperty newUsernameProperty() {
        return newUsername;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public ObjectProperty<Role> newRoleProperty() {
        return newRole;
    }

    public void unlock(UserAccount user) {
        act("Unlocking " + user.username(), () -> auth.unlock(session.actor(), user.username()),
                "Unlocked " + user.username() + ".", () -> { });
    }

    public void remove(UserAccount user) {
        act("Removing " + user.username(), () -> auth.remove(session.actor(), user.username()),
                "Removed " + user.username() + ".", () -> { });
    }

    /** Runs the change through the tracker; the message says what happened and the list is read again either way. */
    private void act(String title, Runnable action, String done, Runnable onDone) {
        work.start(BackgroundTask.of(title, p -> {
            action.run();
            return done;
        }).onSuccess(text -> {
            message.set(text);
            onDone.run();
        }).onFailure(e -> message.set(e.getMessage()))
                .onFinished(this::refresh));
    }

    public ObservableList<UserAccount> users() {
        return users;
    }

    public BooleanProperty selfRegistrationProperty() {
        return selfRegistration;
    }

    /** True while an account is being added, unlocked or removed. */
    public ReadOnlyBooleanProperty runningProperty() {
        return work.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
