package org.postguard.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.postguard.server.PostGuardServer;
import org.postguard.server.ServerSettings;
import org.postguard.stats.StatsSettings;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A statistics address for the tests: a second real PostGuard server collecting into a fresh
 * SQLite file, behind a recording pass-through on another loopback port. The extension is pointed
 * at the pass-through ({@link #url()}), so the test sees every request that reaches the statistics
 * address, whatever its path; the dashboard and seeding use the collector directly ({@link #collectorUrl()}).
 */
final class StatsCollector implements AutoCloseable {
    /** One request that reached the statistics address. */
    record Seen(String method, String path, String contentType, String origin, String body, int status) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final PostGuardServer collector;
    private final HttpServer recorder;
    private final ExecutorService executor;
    private final Path dir;
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    private StatsCollector(PostGuardServer collector, HttpServer recorder, ExecutorService executor, Path dir) {
        this.collector = collector;
        this.recorder = recorder;
        this.executor = executor;
        this.dir = dir;
    }

    static StatsCollector start() throws IOException {
        Path dir = Files.createTempDirectory("postguard-collector-");
        PostGuardServer collector = PostGuardServer.start(ServerSettings.defaults().withPort(0),
                StatsSettings.defaults().withSqliteFile(dir.resolve("stats.db")));
        HttpServer recorder = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "stats-recorder");
            t.setDaemon(true);
            return t;
        });
        recorder.setExecutor(executor);
        StatsCollector c = new StatsCollector(collector, recorder, executor, dir);
        recorder.createContext("/", c::forward);
        recorder.start();
        return c;
    }

    /** The statistics address the extension is given. */
    String url() {
        return "http://127.0.0.1:" + recorder.getAddress().getPort();
    }

    /** The collector itself (dashboard, seeding): requests here are not recorded. */
    String collectorUrl() {
        return "http://127.0.0.1:" + collector.port();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(collectorUrl() + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            if (type != null) request.header("Content-Type", type);
            if (origin != null) request.header("Origin", origin);
            HttpResponse<byte[]> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), type, origin,
                    new String(body, StandardCharsets.UTF_8), response.statusCode()));
            response.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().set("Content-Type", v));
            response.headers().firstValue("Access-Control-Allow-Origin").ifPresent(v -> exchange.getResponseHeaders().set("Access-Control-Allow-Origin", v));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    /** Posts a batch straight to the collector, as another doctor's extension would. */
    void seed(String batchJson) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(collectorUrl() + "/api/v1/stats"))
                .header("Content-Type", "application/json").header("Origin", "chrome-extension://abcdefghijklmnopabcdefghijklmnop")
                .POST(HttpRequest.BodyPublishers.ofString(batchJson)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("The collector refused a seeded batch: " + r.body());
        }
    }

    @Override
    public void close() {
        recorder.stop(0);
        executor.shutdownNow();
        collector.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
