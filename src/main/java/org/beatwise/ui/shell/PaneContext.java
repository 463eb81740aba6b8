package org.beatwise.ui.shell;

import org.beatwise.app.Services;
import org.beatwise.auth.SignInResult.Session;
import org.beatwise.ui.common.TaskRunner;

/** What a pane is built with: the services, who is signed in, and the background-task runner. */
public record PaneContext(Services services, Session session, TaskRunner tasks) { }
