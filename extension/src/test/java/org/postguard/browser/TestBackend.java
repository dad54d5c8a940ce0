package org.postguard.browser;

import org.postguard.server.PostGuardServer;
import org.postguard.server.ServerSettings;

/**
 * The real PostGuard server (backend module) in the test JVM, on a free loopback port that stays
 * the same across {@link #stop()} and {@link #start()}, so the offline test can take it away and
 * bring it back where the extension expects it.
 */
final class TestBackend implements AutoCloseable {
    private PostGuardServer server;
    private int port;

    static TestBackend startOnFreePort() {
        TestBackend backend = new TestBackend();
        backend.server = PostGuardServer.start(ServerSettings.defaults().withPort(0));
        backend.port = backend.server.port();
        return backend;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    boolean running() {
        return server != null;
    }

    synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    synchronized void start() {
        if (server == null) {
            server = PostGuardServer.start(ServerSettings.defaults().withPort(port));
        }
    }

    @Override
    public void close() {
        stop();
    }
}
