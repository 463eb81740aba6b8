package org.beatwise.ui.signin;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.beatwise.auth.SignInResult.Session;

/** The sign-in screen: lays out and binds, nothing else. */
public final class SignInView extends VBox {

    public SignInView(SignInViewModel vm, Consumer<Session> onSession, Runnable onRegister) {
        setId("sign-in");
        setAlignment(Pos.CENTER);
        setSpacing(10);
        setPadding(new Insets(40));
        getStyleClass().add("sign-in-form");

        Label title = new Label("Beatwise");
        title.getStyleClass().add("title");
        TextField username = new TextField();
        username.setId("username");
        username.setPromptText("Username");
        username.textProperty().bindBidirectional(vm.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText("Password");
        password.textProperty().bindBidirectional(vm.passwordProperty());

        Button signIn = new Button("Sign in");
        signIn.setId("sign-in-button");
        signIn.setDefaultButton(true);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(vm.canSignInProperty().not());
        signIn.setOnAction(e -> vm.signIn(onSession));

        Label message = new Label();
        message.setId("sign-in-message");
        message.getStyleClass().add("error");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        Hyperlink register = new Hyperlink(vm.isFirstRun() ? "Create the first administrator" : "Register");
        register.setId("register-link");
        register.visibleProperty().bind(vm.canRegisterProperty());
        register.setOnAction(e -> onRegister.run());

        getChildren().addAll(title, username, password, signIn, message, register);
        if (vm.isFirstRun()) {
            Label first = new Label("This station has no users yet. The first account you create administers it.");
            first.setWrapText(true);
            getChildren().add(1, first);
        }
    }
}
