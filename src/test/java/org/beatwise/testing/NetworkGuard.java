package org.beatwise.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JVM-wide guard for tests: every URL connection and java.net.http request (WebView's loader uses
 * them) asks the default ProxySelector first. The guard records the URI and routes it to a closed
 * local port, so nothing leaves the machine and the test can fail on what was attempted.
 */
public final class NetworkGuard extends ProxySelector {

    private static final NetworkGuard INSTANCE = new NetworkGuard();
    private final List<URI> attempts = new CopyOnWriteArrayList<>();
    private ProxySelector previous;

    public static synchronized NetworkGuard install() {
        if (ProxySelector.getDefault() != INSTANCE) {
            INSTANCE.previous = ProxySelector.getDefault();
            ProxySelector.setDefault(INSTANCE);
        }
        INSTANCE.attempts.clear();
        return INSTANCE;
    }

    public List<URI> attempts() {
        return List.copyOf(attempts);
    }

    @Override
    public List<Proxy> select(URI uri) {
        // Weka's package manager asks, once while its classes initialise, which proxy it would use for its
        // repository, and connects nowhere (PackageManager.setProxyAuthentication): not an attempt, but it
        // gets the closed port too, in case it ever did connect.
        if (!isWekaProxyLookup()) {
            attempts.add(uri);
        }
        // port 9 (discard) on loopback: closed here, so the attempt fails fast and locally
        return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 9)));
    }

    private static boolean isWekaProxyLookup() {
        return StackWalker.getInstance().walk(frames -> frames.limit(4).anyMatch(f ->
                f.getClassName().equals("weka.core.packageManagement.PackageManager")
                        && f.getMethodName().equals("setProxyAuthentication")));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // expected: the guard sends everything to a closed port
    }
}
