package org.beatwise.ui.signin;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.beatwise.auth.SignInResult.Session;

/** The registration screen: the broken rules show inline, as the user types. */
public final class RegisterView extends VBox {

    public RegisterView(RegisterViewModel vm, Consumer<Session> onRegistered, Runnable onBack) {
        setId("register");
        setAlignment(Pos.CENTER);
        setSpacing(10);
        setPadding(new Insets(40));
        getStyleClass().add("register-form");

        Label title = new Label(vm.title());
        title.getStyleClass().add("title");
        TextField username = new TextField();
        username.setId("reg-username");
        username.setPromptText("Username");
        username.textProperty().bindBidirectional(vm.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("reg-password");
        password.setPromptText("Password (at least 12 characters)");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        PasswordField confirm = new PasswordField();
        confirm.setId("reg-confirm");
        confirm.setPromptText("Repeat the password");
        confirm.textProperty().bindBidirectional(vm.confirmProperty());

        ListView<String> problems = new ListView<>(vm.problems());
        problems.setId("reg-problems");
        problems.getStyleClass().add("problems");
        problems.setPrefHeight(80);
        problems.setFocusTraversable(false);
        problems.visibleProperty().bind(Bindings.isNotEmpty(vm.problems()));
        problems.managedProperty().bind(problems.visibleProperty());

        Button register = new Button("Create account");
        register.setId("register-button");
        register.setDefaultButton(true);
        register.setMaxWidth(Double.MAX_VALUE);
        register.disableProperty().bind(vm.canRegisterProperty().not());
        register.setOnAction(e -> vm.register(onRegistered));

        Label message = new Label();
        message.setId("register-message");
        message.getStyleClass().add("error");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        Hyperlink back = new Hyperlink("Back to sign-in");
        back.setId("back-link");
        back.setOnAction(e -> onBack.run());

        getChildren().addAll(title, username, password, confirm, problems, register, message, back);
    }
}
