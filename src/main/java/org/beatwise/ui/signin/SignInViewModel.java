package org.beatwise.ui.signin;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.beatwise.auth.AuthService;
import org.beatwise.auth.SignInResult;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TaskTracker;

/** State of the sign-in screen. bcrypt takes a quarter second, so verification runs off the UI thread. */
public final class SignInViewModel {

    private final AuthService auth;
    private final TaskTracker work;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canRegister = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canSignIn;

    public SignInViewModel(AuthService auth, TaskRunner tasks) {
        this.auth = Objects.requireNonNull(auth);
        this.work = new TaskTracker(tasks);
        canSignIn = Bindings.createBooleanBinding(() -> !username.get().isBlank() && !password.get().isEmpty()
                && !work.isRunning(), username, password, work.runningProperty());
        canRegister.set(auth.canSelfRegister());
    }

    /** True when the station has no user yet: the screen offers to create the first administrator. */
    public boolean isFirstRun() {
        return !auth.hasUsers();
    }

    public void signIn(Consumer<Session> onSuccess) {
        if (!canSignIn.get()) {
            return;
        }
        String name = username.get();
        String pw = password.get();
        message.set("");
        work.start(BackgroundTask.of("Signing in", p -> auth.signIn(name, pw))
                .onSuccess(result -> {
                    password.set("");
                    if (result instanceof SignInResult.Success s) {
                        onSuccess.accept(s.session());
                    } else if (result instanceof SignInResult.Failed f) {
                        message.set(f.message());
                    } else if (result instanceof SignInResult.Locked l) {
                        message.set(l.message());
                    }
                })
                .onFailure(e -> message.set("Sign-in failed: " + e.getMessage())));
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.runningProperty();
    }

    public ReadOnlyBooleanProperty canRegisterProperty() {
        return canRegister.getReadOnlyProperty();
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }
}
