package org.postguard.server;

import org.postguard.check.CheckRequest;
import org.postguard.check.Checker;
import org.postguard.lexicon.DataFiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The longer fuzz run ({@code scripts/fuzz [SECONDS] [SEED]}): the generators and rules of
 * {@link CheckFuzzTest}, for a fixed time, on two threads, against a server on a free loopback
 * port and the checker in process. Prints what it ran and every failure with its seed; exits 1 on
 * any failure. Replay one with {@code mvn -pl backend test -Dtest=CheckFuzzTest
 * -Dpostguard.fuzz.seed=SEED -Dpostguard.fuzz.tries=1}.
 */
public final class Fuzz {
    private Fuzz() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        long base = args.length > 1 ? Long.parseLong(args[1]) : new SecureRandom().nextLong();
        Checker checker = Checker.load(DataFiles.bundled());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        AtomicLong next = new AtomicLong();
        Map<String, AtomicLong> counts = new TreeMap<>();
        for (String key : List.of("checker", "http 200", "http 400", "http 413", "http 415", "http 429", "http other")) {
            counts.put(key, new AtomicLong());
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong slowestMicros = new AtomicLong();
        System.out.printf(Locale.ROOT, "fuzz: %d s, 2 threads, seeds from %d%n", seconds, base);
        try (PostGuardServer server = PostGuardServer.start(ServerSettings.defaults().withPort(0))) {
            URI check = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/check");
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            Runnable worker = () -> {
                while (System.nanoTime() < deadline && failures.size() < 50) {
                    long i = next.getAndIncrement();
                    long seed = base + i;
                    FuzzInputs inputs = new FuzzInputs(seed);
                    long started = System.nanoTime();
                    List<String> problems;
                    String input;
                    if (i % 3 == 0) {
                        input = inputs.text();
                        try {
                            problems = FuzzInputs.problems(input, checker.check(CheckRequest.of(input)));
                        } catch (RuntimeException | StackOverflowError e) {
                            problems = List.of("checker threw " + e);
                        }
                        counts.get("checker").incrementAndGet();
                    } else {
                        input = i % 3 == 1 ? inputs.body() : FuzzInputs.asciiEscapedBody(inputs.text());
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(check)
                                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(input)).build(), HttpResponse.BodyHandlers.ofString());
                            String key = "http " + response.statusCode();
                            counts.getOrDefault(key, counts.get("http other")).incrementAndGet();
                            problems = FuzzInputs.problems(input, response.statusCode(),
                                    response.headers().firstValue("Content-Type").orElse(null), response.body());
                        } catch (Exception e) {
                            counts.get("http other").incrementAndGet();
                            problems = List.of("no answer: " + e);
                        }
                    }
                    slowestMicros.accumulateAndGet((System.nanoTime() - started) / 1000, Math::max);
                    if (!problems.isEmpty()) {
                        String failure = "seed " + seed + (i % 3 == 0 ? " (checker)" : i % 3 == 1 ? " (body)" : " (escaped text)")
                                + ": " + problems + "\n    input " + FuzzInputs.shorten(input);
                        failures.add(failure);
                        System.out.println("FAIL " + failure);
                    }
                }
            };
            Thread a = Thread.ofPlatform().name("fuzz-1").start(worker);
            Thread b = Thread.ofPlatform().name("fuzz-2").start(worker);
            a.join();
            b.join();
        }
        long total = counts.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf(Locale.ROOT, "fuzz: %d inputs (%s), slowest %.1f ms, %d failures%n", total,
                counts.entrySet().stream().filter(e -> e.getValue().get() > 0).map(e -> e.getKey() + " " + e.getValue())
                        .reduce((x, y) -> x + ", " + y).orElse("none"),
                slowestMicros.get() / 1000.0, failures.size());
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
