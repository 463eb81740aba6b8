package org.beatwise.ui.shell;

import java.util.HashMap;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventTarget;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.beatwise.ui.common.OpenPaneEvent;

/**
 * The main window: a top bar with the user and logout, the navigation, the current pane, and the
 * idle-lock overlay that hides (but keeps) the work underneath. While locked the overlay covers the
 * whole window and nothing but the unlock form takes the mouse or the keyboard: the work underneath
 * is disabled, and a filter on the scene drops every other event before accelerators see it.
 */
public final class MainView extends StackPane {

    private final Map<String, Node> built = new HashMap<>();
    private final PauseTransition idle;
    private final MainViewModel vm;
    private final BorderPane work = new BorderPane();
    private final Node overlay;
    private final PasswordField password = new PasswordField();
    private final EventHandler<Event> activity = e -> restartIdleTimer();
    private final EventHandler<Event> lockGuard = this::dropUnlessForTheUnlockForm;
    private final ApiIndicator api;

    public MainView(MainViewModel vm, PaneContext context, Runnable onLogout) {
        this(vm, context, onLogout, null);
    }

    /** With the top bar's HTTP API light when {@code api} is given. */
    public MainView(MainViewModel vm, PaneContext context, Runnable onLogout, ApiIndicator api) {
        this.vm = vm;
        this.api = api;
        setId("main");

        Label brand = new Label("Beatwise");
        brand.getStyleClass().add("brand");
        Label user = new Label(vm.userLine());
        user.setId("current-user");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button logout = new Button("Log out");
        logout.setId("logout");
        logout.setOnAction(e -> {
            vm.signOut();
            onLogout.run();
        });
        ToggleButton night = new ToggleButton("Night");
        night.setId("night-mode");
        night.selectedProperty().bindBidirectional(vm.nightProperty());
        night.setTooltip(new Tooltip("Dark screen and dark map for night shifts; remembered for you."));
        ToggleButton presentation = new ToggleButton("Presentation");
        presentation.setId("presentation-mode");
        presentation.selectedProperty().bindBidirectional(vm.presentationProperty());
        presentation.setTooltip(new Tooltip("Larger text and chart labels, readable from the back of a room on a projector."));
        HBox top = new HBox(12, brand, spacer, night, presentation, user, logout);
        if (api != null) {
            top.getChildren().add(2, apiLight(api));
        }
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 12, 8, 12));
        top.getStyleClass().add("top-bar");
        work.setTop(top);

        ListView<PaneSpec> nav = new ListView<>();
        nav.setId("nav");
        nav.getItems().setAll(vm.panes());
        nav.getStyleClass().add("nav");
        nav.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(PaneSpec item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
                setId(empty || item == null ? null : "nav-" + item.id());
            }
        });
        nav.getSelectionModel().select(vm.selectedProperty().get());
        nav.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        nav.setTooltip(new Tooltip("Ctrl+1 to Ctrl+" + vm.panes().size() + " open the panes from the keyboard."));
        work.setLeft(nav);

        StackPane content = new StackPane();
        content.setId("content");
        content.addEventHandler(OpenPaneEvent.OPEN_PANE, e -> vm.select(e.paneId()));
        work.setCenter(content);
        overlay = lockOverlay();
        getChildren().addAll(work, overlay);
        work.disableProperty().bind(vm.lockedProperty());
        vm.lockedProperty().addListener((o, was, locked) -> {
            if (locked) {
                password.requestFocus();
            }
        });
        showPane(content, vm.selectedProperty().get(), context);
        vm.selectedProperty().addListener((o, a, b) -> {
            showPane(content, b, context);
            nav.getSelectionModel().select(b);
        });

        idle = new PauseTransition(Duration.millis(vm.idleLimit().toMillis()));
        idle.setOnFinished(e -> vm.lock());
        sceneProperty().addListener((o, oldScene, scene) -> {
            if (oldScene != null) {
                removeFilters(oldScene);
            }
            if (scene != null) {
                scene.addEventFilter(MouseEvent.ANY, activity);
                scene.addEventFilter(KeyEvent.ANY, activity);
                scene.addEventFilter(InputEvent.ANY, lockGuard);
                for (int i = 1; i <= vm.panes().size(); i++) {
                    int number = i;
                    scene.getAccelerators().put(paneKey(number), () -> vm.selectNumber(number));
                }
                idle.playFromStart();
            }
        });
    }

    private void restartIdleTimer() {
        idle.playFromStart();
    }

    /**
     * While locked, an input event reaches only the unlock form. Filtered on the scene, so a key
     * never gets as far as the scene's accelerators (default buttons included).
     */
    private void dropUnlessForTheUnlockForm(Event e) {
        if (vm.lockedProperty().get() && !insideOverlay(e.getTarget())) {
            e.consume();
        }
    }

    private boolean insideOverlay(EventTarget target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n == overlay) {
                return true;
            }
        }
        return false;
    }

    private void removeFilters(Scene scene) {
        scene.removeEventFilter(MouseEvent.ANY, activity);
        scene.removeEventFilter(KeyEvent.ANY, activity);
        scene.removeEventFilter(InputEvent.ANY, lockGuard);
        for (int i = 1; i <= vm.panes().size(); i++) {
            scene.getAccelerators().remove(paneKey(i));
        }
    }

    /** Ctrl+1 … Ctrl+9 (Cmd on a Mac) for the panes in navigation order. */
    private static KeyCombination paneKey(int number) {
        return new KeyCodeCombination(KeyCode.valueOf("DIGIT" + number), KeyCombination.SHORTCUT_DOWN);
    }

    private static Label apiLight(ApiIndicator api) {
        Label light = new Label();
        light.setId("api-light");
        light.getStyleClass().add("api-light");
        Region dot = new Region();
        dot.getStyleClass().add("api-dot");
        light.setGraphic(dot);
        light.textProperty().bind(api.textProperty());
        light.visibleProperty().bind(api.runningProperty());
        light.managedProperty().bind(api.runningProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(api.detailProperty());
        light.setTooltip(tip);
        Runnable mark = () -> light.pseudoClassStateChanged(REACHABLE, api.reachableProperty().get());
        api.reachableProperty().addListener((o, a, b) -> mark.run());
        mark.run();
        return light;
    }

    private static final javafx.css.PseudoClass REACHABLE = javafx.css.PseudoClass.getPseudoClass("reachable");

    /** Stops the idle timer and lets go of the scene; called when the window is left (logout). */
    public void dispose() {
        if (api != null) {
            api.dispose();
        }
        idle.stop();
        if (getScene() != null) {
            removeFilters(getScene());
        }
    }

    private void showPane(StackPane content, PaneSpec spec, PaneContext context) {
        Node node = built.computeIfAbsent(spec.id(), id -> spec.factory().apply(context));
        node.setId("pane-" + spec.id());
        content.getChildren().setAll(node);
    }

    private Node lockOverlay() {
        Label title = new Label("Locked after inactivity. Enter the password of " + vm.session().username() + " to go on.");
        title.setWrapText(true);
        password.setId("unlock-password");
        password.getStyleClass().add("unlock-password");
        password.setMaxWidth(320);
        password.textProperty().bindBidirectional(vm.unlockPasswordProperty());
        // Enter here unlocks. Not a default button: that is a scene accelerator, and the panes' own
        // default buttons share the same Enter key.
        password.setOnAction(e -> {
            e.consume();
            vm.unlock();
        });
        Button unlock = new Button("Unlock");
        unlock.setId("unlock-button");
        unlock.setOnAction(e -> vm.unlock());
        Label message = new Label();
        message.getStyleClass().add("error");
        message.textProperty().bind(vm.unlockMessageProperty());
        VBox box = new VBox(10, title, password, unlock, message);
        box.setAlignment(Pos.CENTER);
        box.setId("lock-overlay");
        box.getStyleClass().add("lock-overlay");
        box.setPickOnBounds(true);
        box.visibleProperty().bind(vm.lockedProperty());
        // Keys the form did not use stop here, short of the scene's accelerators; Tab still moves
        // between the password and the button (everything else is disabled).
        box.addEventHandler(KeyEvent.ANY, e -> {
            if (e.getCode() != KeyCode.TAB) {
                e.consume();
            }
        });
        box.addEventHandler(MouseEvent.ANY, MouseEvent::consume);
        return box;
    }
}
