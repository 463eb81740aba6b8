package org.beatwise.ui.shell;

import java.util.HashMap;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The main window: a top bar with the user and logout, the navigation, the current pane, and the
 * idle-lock overlay that hides (but keeps) the work underneath.
 */
public final class MainView extends BorderPane {

    private final Map<String, Node> built = new HashMap<>();
    private final PauseTransition idle;

    public MainView(MainViewModel vm, PaneContext context, Runnable onLogout) {
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
        HBox top = new HBox(12, brand, spacer, user, logout);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 12, 8, 12));
        top.getStyleClass().add("top-bar");
        setTop(top);

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
        setLeft(nav);

        StackPane content = new StackPane();
        content.setId("content");
        StackPane centre = new StackPane(content, lockOverlay(vm));
        setCenter(centre);
        showPane(content, vm.selectedProperty().get(), context);
        vm.selectedProperty().addListener((o, a, b) -> {
            showPane(content, b, context);
            nav.getSelectionModel().select(b);
        });

        idle = new PauseTransition(Duration.millis(vm.idleLimit().toMillis()));
        idle.setOnFinished(e -> vm.lock());
        sceneProperty().addListener((o, oldScene, scene) -> {
            if (scene != null) {
                scene.addEventFilter(MouseEvent.ANY, this::activity);
                scene.addEventFilter(KeyEvent.ANY, this::activity);
                idle.playFromStart();
            }
        });
    }

    private void activity(Event e) {
        idle.playFromStart();
    }

    /** Stops the idle timer; called when the window is left (logout). */
    public void dispose() {
        idle.stop();
    }

    private void showPane(StackPane content, PaneSpec spec, PaneContext context) {
        Node node = built.computeIfAbsent(spec.id(), id -> spec.factory().apply(context));
        node.setId("pane-" + spec.id());
        content.getChildren().setAll(node);
    }

    private static Node lockOverlay(MainViewModel vm) {
        Label title = new Label("Locked after inactivity. Enter the password of " + vm.session().username() + " to go on.");
        title.setWrapText(true);
        PasswordField password = new PasswordField();
        password.setId("unlock-password");
        password.getStyleClass().add("unlock-password");
        password.textProperty().bindBidirectional(vm.unlockPasswordProperty());
        Button unlock = new Button("Unlock");
        unlock.setId("unlock-button");
        unlock.setDefaultButton(true);
        unlock.setOnAction(e -> vm.unlock());
        Label message = new Label();
        message.getStyleClass().add("error");
        message.textProperty().bind(vm.unlockMessageProperty());
        VBox box = new VBox(10, title, password, unlock, message);
        box.setAlignment(Pos.CENTER);
        box.setId("lock-overlay");
        box.getStyleClass().add("lock-overlay");
        box.visibleProperty().bind(vm.lockedProperty());
        return box;
    }
}
