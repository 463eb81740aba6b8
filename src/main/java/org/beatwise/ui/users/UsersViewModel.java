package org.beatwise.ui.users;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.beatwise.auth.AuthService;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.settings.StationSettingsService;
import org.beatwise.store.Role;
import org.beatwise.store.UserAccount;
import org.beatwise.ui.common.TaskRunner;

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

    public UsersViewModel(AuthService auth, StationSettingsService stationSettings, Session session, TaskRunner tasks) {
        this.auth = Objects.requireNonNull(auth);
        this.stationSettings = Objects.requireNonNull(stationSettings);
        this.session = Objects.requireNonNull(session);
        Objects.requireNonNull(tasks);
        refresh();
        selfRegistration.addListener((o, a, b) -> {
            if (b != stationSettings.auth().selfRegistration()) {
                stationSettings.setSelfRegistration(session.username(), b);
                message.set(b ? "Self-registration switched on." : "Self-registration switched off.");
            }
        });
    }

    public void refresh() {
        users.setAll(auth.users());
        selfRegistration.set(stationSettings.auth().selfRegistration());
    }

    /** An administrator adds an account; the password rules apply as at registration. */
    public void addUser() {
        String name = newUsername.get();
        String password = newPassword.get();
        newPassword.set("");
        act(() -> auth.addUser(session.username(), name, password, newRole.get()),
                "Added " + name.strip() + " as " + newRole.get().name().toLowerCase() + ".");
        if (message.get().startsWith("Added")) {
            newUsername.set("");
        }
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
        act(() -> auth.unlock(session.username(), user.username()), "Unlocked " + user.username() + ".");
    }

    public void remove(UserAccount user) {
        act(() -> auth.remove(session.username(), user.username()), "Removed " + user.username() + ".");
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            message.set(done);
        } catch (RuntimeException e) {
            message.set(e.getMessage());
        }
        refresh();
    }

    public ObservableList<UserAccount> users() {
        return users;
    }

    public BooleanProperty selfRegistrationProperty() {
        return selfRegistration;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
