package org.beatwise.ui.shell;

import java.util.function.Consumer;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.ui.common.TaskRunner;
import org.beatwise.wiring.Services;

/**
 * What a pane is built with: the services, who is signed in, the background-task runner, and a way
 * to open another pane by its id (the first-run guide uses it).
 */
public record PaneContext(Services services, Session session, TaskRunner tasks, Consumer<String> navigate) { }
