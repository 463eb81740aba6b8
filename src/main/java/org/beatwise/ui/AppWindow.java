package org.beatwise.ui;

import java.util.Objects;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.beatwise.api.ApiService;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.ui.common.Theme;
import org.beatwise.ui.shell.ApiIndicator;
import org.beatwise.ui.shell.MainView;
import org.beatwise.ui.shell.MainViewModel;
import org.beatwise.ui.shell.PaneContext;
import org.beatwise.ui.shell.Panes;
import org.beatwise.ui.shell.PreferenceKeeper;
import org.beatwise.ui.shell.WindowMemory;
import org.beatwise.ui.signin.RegisterView;
import org.beatwise.ui.signin.RegisterViewModel;
import org.beatwise.ui.signin.SignInView;
import org.beatwise.ui.signin.SignInViewModel;
import org.beatwise.wiring.Services;

/**
 * Moves one stage between sign-in, registration and the main window. Every screen is built anew, so
 * after logout nothing of the previous user's work is left on screen.
 */
public final class AppWindow {

    private final Stage stage;
    private final Services services;
    private final TaskRunner tasks;
    private final Scene scene;
    private final WindowMemory window;
    private MainView main;
    private MainViewModel mainModel;

    public AppWindow(Stage stage, Services services, TaskRunner tasks) {
        this(stage, openingScene(), services, tasks);
    }

    /** On a scene made by {@link #openingScene()} and shown already: its parsed styles are kept. */
    public AppWindow(Stage stage, Scene scene, Services services, TaskRunner tasks) {
        this.stage = Objects.requireNonNull(stage);
        this.services = Objects.requireNonNull(services);
        this.tasks = Objects.requireNonNull(tasks);
        this.scene = Objects.requireNonNull(scene);
        stage.setScene(scene);
        stage.setTitle("Beatwise");
        this.window = new WindowMemory(stage);
        // Closing the window while signed in keeps its place for next time, as logging out does.
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> rememberWindow());
    }

    /**
     * The window's scene before the data home is open: the default look and one line saying what the
     * window waits for. The stylesheets are parsed here, while the database opens on another thread.
     */
    public static Scene openingScene() {
        Label waiting = new Label("Opening the data home…");
        waiting.getStyleClass().add("note");
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(waiting);
        holder.getStyleClass().add("root-holder");
        Scene scene = new Scene(holder, 1280, 800);
        Theme.applyDefault(scene);
        return scene;
    }

    public void showSignIn() {
        leaveMain();
        SignInViewModel vm = new SignInViewModel(services.auth(), tasks);
        show(new SignInView(vm, this::showMain, this::showRegister));
    }

    public void showRegister() {
        RegisterViewModel vm = new RegisterViewModel(services.auth(), tasks);
        show(new RegisterView(vm, this::showMain, this::showSignIn));
    }

    public void showMain(Session session) {
        MainViewModel vm = new MainViewModel(services.auth(), services.stationSettings(), tasks, session, Panes.all(),
                PreferenceKeeper.of(services.userPreferences(), session.actor()));
        mainModel = vm;
        Runnable look = () -> Theme.apply(scene, vm.theme(), vm.presentationProperty().get());
        look.run();
        vm.nightProperty().addListener((o, a, b) -> look.run());
        vm.presentationProperty().addListener((o, a, b) -> look.run());
        window.restore(vm.windowPlace());
        main = new MainView(vm, new PaneContext(services, session, tasks, id -> vm.select(id)), this::showSignIn,
                new ApiIndicator(ApiService.shared(services), tasks));
        show(main);
    }

    private void rememberWindow() {
        if (mainModel == null) {
            return;
        }
        try {
            window.current().ifPresent(mainModel::rememberWindow);
        } catch (RuntimeException e) {
            // the window is closing: a place that cannot be stored (the database already closed) must not stop it
            System.getLogger(AppWindow.class.getName()).log(System.Logger.Level.WARNING,
                    "could not remember the window's place: " + e.getMessage());
        }
    }

    private void leaveMain() {
        rememberWindow();
        mainModel = null;
        if (main != null) {
            main.dispose();
            main = null;
        }
    }

    private void show(Parent root) {
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(root);
        holder.getStyleClass().add("root-holder");
        scene.setRoot(holder);
    }
}
