package org.beatwise.ui.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.beatwise.auth.AuthService;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.ui.common.BackgroundTask;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.TaskTracker;

/** State of the registration screen: the broken password rules are listed as the user types. */
public final class RegisterViewModel {

    private final AuthService auth;
    private final TaskTracker work;
    private final boolean firstAccount;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding canRegister;

    public RegisterViewModel(AuthService auth, TaskRunner tasks) {
        this.auth = Objects.requireNonNull(auth);
        this.work = new TaskTracker(tasks);
        this.firstAccount = !auth.hasUsers();
        username.addListener((o, a, b) -> revalidate());
        password.addListener((o, a, b) -> revalidate());
        confirm.addListener((o, a, b) -> revalidate());
        canRegister = Bindings.createBooleanBinding(
                () -> problems.isEmpty() && !username.get().isBlank() && !password.get().isEmpty() && !work.isRunning(),
                problems, username, password, work.runningProperty());
    }

    private void revalidate() {
        List<String> found = new ArrayList<>();
        if (!password.get().isEmpty()) {
            found.addAll(auth.policy().problems(username.get(), password.get()));
        }
        if (!confirm.get().isEmpty() && !confirm.get().equals(password.get())) {
            found.add("The two passwords differ.");
        }
        problems.setAll(found);
    }

    /** The title tells a new station that this account will administer it. */
    public String title() {
        return firstAccount ? "Create the first administrator" : "Register an analyst account";
    }

    public void register(Consumer<Session> onSuccess) {
        if (!confirm.get().equals(password.get())) {
            message.set("The two passwords differ.");
            return;
        }
        if (!canRegister.get()) {
            return;
        }
        String name = username.get();
        String pw = password.get();
        message.set("");
        work.start(BackgroundTask.of("Registering", p -> auth.register(name, pw))
                .onSuccess(session -> {
                    password.set("");
                    confirm.set("");
                    onSuccess.accept(session);
                })
                .onFailure(e -> message.set(e.getMessage())));
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmProperty() {
        return confirm;
    }

    public ObservableList<String> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding canRegisterProperty() {
        return canRegister;
    }
}
