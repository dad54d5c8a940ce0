package org.postguard.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postguard.check.CheckRequest;
import org.postguard.check.CheckResult;
import org.postguard.check.Checker;
import org.postguard.lexicon.DataFiles;
import org.postguard.server.PostGuardServer;
import org.postguard.server.ServerSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/**
 * Check latency for a tweet-sized (280 characters) and a long (5,000 characters) post, in-process
 * and over HTTP on loopback. Run with {@code scripts/bench}; SampleTime mode reports p50/p99.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@State(Scope.Benchmark)
public class CheckBenchmark {
    /** A realistic mix: a breach, teaching, hashtags, emoji, a misspelling. */
    private static final String PARAGRAPH = "Long night on call 😴 Saw a 34yo in bay 4 today with DKA, ketones sky high, "
            + "pnuemonia on the CXR too. Reminder to everyone: sepsis kills, check lactate early and escalate. "
            + "Huge thanks to the nurses on ward 7 #NHS #MedTwitter ";

    @Param({"280", "5000"})
    public int length;

    private Checker checker;
    private CheckRequest request;
    private PostGuardServer server;
    private HttpClient http;
    private HttpRequest httpRequest;

    @Setup(Level.Trial)
    public void setUp() {
        checker = Checker.load(DataFiles.bundled());
        String text = PARAGRAPH.repeat(length / PARAGRAPH.length() + 1).substring(0, length);
        request = CheckRequest.of(text);
        server = PostGuardServer.start(ServerSettings.defaults().withPort(0));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        com.google.gson.JsonObject json = new com.google.gson.JsonObject();
        json.addProperty("text", text);
        httpRequest = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/check"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
    }

    @Benchmark
    public CheckResult inProcess() {
        return checker.check(request);
    }

    @Benchmark
    public String overHttp() throws Exception {
        HttpResponse<String> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode());
        }
        return response.body();
    }
}
