package org.beatwise.ui.users;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.beatwise.domain.Role;
import org.beatwise.store.UserAccount;
import org.beatwise.ui.common.Forms;
import org.beatwise.ui.common.Tables;

/** The Users pane (administrators only). */
public final class UsersView extends VBox {

    // Held here because a bidirectional binding keeps its ends only weakly: without this field the switch's
    // view-model could be collected and a click would change nothing.
    private final ApiSwitchViewModel apiSwitchModel;

    public UsersView(UsersViewModel vm) {
        this(vm, null);
    }

    /** With the station's HTTP API switch when {@code api} is given. */
    public UsersView(UsersViewModel vm, ApiSwitchViewModel api) {
        this.apiSwitchModel = api;
        setSpacing(10);
        setPadding(new Insets(16));

        TableView<UserAccount> table = new TableView<>(vm.users());
        table.setId("users-table");
        table.setPlaceholder(Tables.placeholder("No accounts yet."));
        table.getColumns().add(Tables.text("User", u -> u.username()));
        table.getColumns().add(Tables.text("Role", u -> u.role().name().toLowerCase()));
        table.getColumns().add(Tables.text("Last sign-in", u -> u.lastSignIn() == null ? "never" : u.lastSignIn().toString()));
        table.getColumns().add(Tables.text("Failed attempts", u -> Integer.toString(u.failedAttempts())));
        table.getColumns().add(Tables.text("Locked until", u -> u.lockedUntil() == null ? "" : u.lockedUntil().toString()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Button unlock = new Button("Unlock");
        unlock.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.runningProperty()));
        unlock.setOnAction(e -> vm.unlock(table.getSelectionModel().getSelectedItem()));
        Button remove = new Button("Remove…");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.runningProperty()));
        remove.setOnAction(e -> {
            UserAccount user = table.getSelectionModel().getSelectedItem();
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Remove the account " + user.username() + "?",
                    ButtonType.OK, ButtonType.CANCEL);
            confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.remove(user));
        });
        CheckBox selfRegistration = new CheckBox("Allow self-registration of analyst accounts");
        selfRegistration.setId("self-registration");
        selfRegistration.selectedProperty().bindBidirectional(vm.selfRegistrationProperty());
        Forms.tip(selfRegistration, "Lets anyone at this computer create their own analyst account from the sign-in "
                + "screen. Leave it off to add every account yourself.");
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());

        TextField name = new TextField();
        name.setId("new-username");
        name.setPromptText("Username");
        name.textProperty().bindBidirectional(vm.newUsernameProperty());
        PasswordField password = new PasswordField();
        password.setId("new-password");
        password.setPromptText("Password (at least 12 characters)");
        password.getStyleClass().add("new-password");
        password.textProperty().bindBidirectional(vm.newPasswordProperty());
        ComboBox<Role> role = new ComboBox<>();
        role.getItems().setAll(Role.values());
        role.valueProperty().bindBidirectional(vm.newRoleProperty());
        Forms.tip(role, "Analysts import, train, find hotspots and predict; administrators also manage accounts and "
                + "station settings.");
        Button add = new Button("Add user");
        add.setId("add-user");
        add.disableProperty().bind(vm.runningProperty());
        add.setOnAction(e -> vm.addUser());
        HBox addRow = new HBox(8, name, password, role, add);

        getChildren().addAll(new Label("Users of this station"), table, new HBox(8, unlock, remove), addRow,
                selfRegistration, message);
        if (api != null) {
            CheckBox apiSwitch = new CheckBox("Run the local HTTP API (tokens: 'beatwise token create')");
            apiSwitch.setId("api-switch");
            apiSwitch.selectedProperty().bindBidirectional(api.enabledProperty());
            apiSwitch.disableProperty().bind(api.runningProperty());
            Label apiStatus = new Label();
            apiStatus.setId("api-status");
            apiStatus.textProperty().bind(api.statusProperty());
            getChildren().addAll(apiSwitch, apiStatus);
        }
    }
}
