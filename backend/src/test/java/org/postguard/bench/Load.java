package org.postguard.bench;

import com.google.gson.JsonObject;
import org.postguard.server.ServerProcess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load test ({@code scripts/load [SECONDS] [CLIENTS] [URL]}): CLIENTS concurrent clients, each
 * sending one check after another (posts of 280, 1,000 and 5,000 characters, mixed 70/20/10) for
 * SECONDS, after a 5-second warm-up at the same load. Without URL it starts its own server on a
 * free loopback port, in a JVM of its own started like {@code scripts/run}; a URL must be loopback.
 * Prints requests, errors (any answer but 200, or none), throughput, p50, p90, p99 and max.
 */
public final class Load {
    private static final int[] SIZES = {280, 1000, 5000};
    private static final int[] WEIGHTS = {70, 20, 10};
    private static final int WARMUP_SECONDS = 5;

    private Load() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String url = args.length > 2 ? args[2] : null;
        if (seconds < 1 || seconds > 3600 || clients < 1 || clients > 2000) {
            throw new IllegalArgumentException("SECONDS must be 1-3600 and CLIENTS 1-2000");
        }
        if (url != null && !URI.create(url).getHost().matches("127\\.0\\.0\\.1|localhost|\\[::1]")) {
            throw new IllegalArgumentException("the load test only runs against a loopback server, not " + url);
        }
        ServerProcess own = null;
        Path workDir = null;
        if (url == null) {
            workDir = Files.createTempDirectory("postguard-load-");
            own = ServerProcess.start(workDir);
            url = own.url();
        }
        try {
            run(URI.create(url + "/api/v1/check"), seconds, clients, own == null ? url : "its own server at " + url);
        } finally {
            if (own != null) {
                own.close();
                String log = own.output().strip();
                if (log.lines().count() > 1) System.out.println("server output:\n" + log);
            }
            if (workDir != null) deleteTree(workDir);
        }
    }

    private static void run(URI check, int seconds, int clients, String target) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        String[] bodies = new String[SIZES.length];
        for (int i = 0; i < SIZES.length; i++) {
            JsonObject json = new JsonObject();
            json.addProperty("text", CheckBenchmark.post(SIZES[i]));
            json.addProperty("platform", "x");
            bodies[i] = json.toString();
        }
        System.out.printf(Locale.ROOT, "load: %d clients for %d s (after %d s warm-up) against %s; posts of %s characters, mixed %s%n",
                clients, seconds, WARMUP_SECONDS, target, Arrays.toString(SIZES), Arrays.toString(WEIGHTS));
        long start = System.nanoTime();
        long measureFrom = start + WARMUP_SECONDS * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[][] mine = {new long[1024]};
            int[] count = {0};
            int client = c;
            Thread thread = Thread.ofVirtual().name("client-" + c).unstarted(() -> {
                SplittableRandom random = new SplittableRandom(client);
                while (true) {
                    long sent = System.nanoTime();
                    if (sent >= end) break;
                    String body = bodies[pick(random)];
                    String error = null;
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(check).timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) error = "HTTP " + response.statusCode();
                    } catch (Exception e) {
                        error = e.getClass().getSimpleName();
                    }
                    long took = System.nanoTime() - sent;
                    if (sent < measureFrom) continue;
                    if (error != null) {
                        errors.incrementAndGet();
                        errorKinds.computeIfAbsent(error, k -> new AtomicLong()).incrementAndGet();
                    }
                    if (count[0] == mine[0].length) mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                    mine[0][count[0]++] = took;
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], count[0]));
                }
            });
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) thread.join();
        long measuredNanos = Math.min(System.nanoTime(), end) - measureFrom;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            System.out.println("load: no request finished in the measured time");
            System.exit(1);
        }
        double throughput = all.length / (measuredNanos / 1e9);
        System.out.printf(Locale.ROOT, "load: %d requests in %.1f s, %d errors%s%n", all.length, measuredNanos / 1e9, errors.get(),
                errorKinds.isEmpty() ? "" : " " + new TreeMap<>(errorKinds));
        System.out.printf(Locale.ROOT, "load: throughput %.0f checks/s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                throughput, ms(all, 0.50), ms(all, 0.90), ms(all, 0.99), all[all.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "load: machine %d processors, Java %s, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
        if (errors.get() > 0) System.exit(1);
    }

    private static int pick(SplittableRandom random) {
        int r = random.nextInt(100);
        for (int i = 0; i < WEIGHTS.length; i++) {
            if ((r -= WEIGHTS[i]) < 0) return i;
        }
        return 0;
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // temp folder: best effort
        }
    }
}
