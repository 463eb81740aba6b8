package org.beatwise.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs the {@link NetworkGuard} when the test JVM starts, before any test builds a WebView:
 * WebKit's HTTP client keeps the ProxySelector it first saw, so a guard installed later would be
 * bypassed. Registered in META-INF/services.
 */
public final class NetworkGuardSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NetworkGuard.install();
    }
}
