package org.postguard.bench;

import com.google.gson.JsonObject;
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
import org.postguard.server.PostGuardServer;
import org.postguard.server.ServerSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/** The same posts as {@link CheckBenchmark}, sent to a real server over HTTP on loopback. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@State(Scope.Benchmark)
public class HttpCheckBenchmark {
    @Param({"280", "5000"})
    public int length;

    private PostGuardServer server;
    private HttpClient client;
    private HttpRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        server = PostGuardServer.start(ServerSettings.defaults().withPort(0));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        JsonObject json = new JsonObject();
        json.addProperty("text", CheckBenchmark.post(length));
        request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/check"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
    }

    @Benchmark
    public String overHttp() throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode());
        }
        return response.body();
    }
}
