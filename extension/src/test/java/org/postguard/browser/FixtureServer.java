package org.postguard.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * HTTPS server on 127.0.0.1 serving the built fixture pages for every host name. Its certificate is
 * self-signed, made at start with the JDK's keytool, with the site host names as subject alternative
 * names (Chromium runs with --ignore-certificate-errors as well).
 */
final class FixtureServer implements AutoCloseable {
    private static final String PASSWORD = "postguard-fixtures";
    private static final Map<String, String> TYPES = Map.of(
        "html", "text/html; charset=utf-8",
        "js", "text/javascript; charset=utf-8",
        "css", "text/css; charset=utf-8",
        "json", "application/json",
        "png", "image/png",
        "svg", "image/svg+xml",
        "map", "application/json");

    private final HttpsServer server;
    private final ExecutorService executor;
    private final Path root;

    private FixtureServer(HttpsServer server, ExecutorService executor, Path root) {
        this.server = server;
        this.executor = executor;
        this.root = root;
    }

    static FixtureServer start(Path root, Path workDir) throws Exception {
        if (!Files.isRegularFile(root.resolve("x.html"))) {
            throw new IllegalStateException("Fixture pages are not built in " + root
                + ": run Maven (generate-test-resources runs npm ci and npm run build in src/test/fixtures)");
        }
        Path keystore = makeKeystore(workDir);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fixture-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        FixtureServer fixtures = new FixtureServer(server, executor, root.toRealPath());
        server.createContext("/", fixtures::handle);
        server.start();
        return fixtures;
    }

    private static Path makeKeystore(Path workDir) throws IOException, InterruptedException {
        Path keystore = workDir.resolve("fixtures.p12");
        List<String> san = new ArrayList<>();
        for (String domain : Fixture.MAPPED_DOMAINS) {
            san.add("dns:" + domain);
            san.add("dns:*." + domain);
        }
        san.add("ip:127.0.0.1");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", "fixtures",
            "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "7",
            "-dname", "CN=PostGuard browser-test fixtures", "-ext", "SAN=" + String.join(",", san),
            "-storetype", "PKCS12", "-keystore", keystore.toString(),
            "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return keystore;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(Fixture fixture) {
        return url(fixture.host, fixture.page);
    }

    /** A page that is not an editor fixture (e.g. "attack"), served at {@code host}. */
    String url(String host, String page) {
        return "https://" + host + ":" + port() + "/" + page + ".html";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/")) path = "/index.html";
            Path file = root.resolve(path.substring(1)).normalize();
            if (!exchange.getRequestMethod().equals("GET") || !file.startsWith(root) || !Files.isRegularFile(file)) {
                byte[] body = "not found".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.') + 1);
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
