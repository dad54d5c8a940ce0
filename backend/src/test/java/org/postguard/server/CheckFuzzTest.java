package org.postguard.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postguard.check.CheckRequest;
import org.postguard.check.Checker;
import org.postguard.check.SharedChecker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-based fuzzing of the check endpoint: for many random inputs ({@link FuzzInputs}: random
 * Unicode with lone surrogates, bidi and zero-width characters, texts up to 20,000 code units,
 * malformed and deeply nested JSON, wrong types) the rules hold. Each build runs
 * {@code -Dpostguard.fuzz.tries} (default 150) inputs per property from a fresh random seed;
 * a failure names its seed, and {@code -Dpostguard.fuzz.seed=SEED -Dpostguard.fuzz.tries=1} replays it.
 * {@code scripts/fuzz SECONDS} runs the same generators for longer.
 */
class CheckFuzzTest {
    private static final int TRIES = Integer.getInteger("postguard.fuzz.tries", 150);
    private static final long SEED = Long.getLong("postguard.fuzz.seed", new SecureRandom().nextLong());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Checker CHECKER = SharedChecker.get();
    private static PostGuardServer server;

    @BeforeAll
    static void start() {
        server = PostGuardServer.start(ServerSettings.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Runs {@code property} for TRIES seeds and fails with every seed that broke it. */
    private static void forAll(String name, LongFunction<List<String>> property) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            long seed = SEED + i;
            List<String> problems = property.apply(seed);
            if (!problems.isEmpty()) {
                failures.add("seed " + seed + ": " + problems);
            }
        }
        assertTrue(failures.isEmpty(), () -> name + " failed for " + failures.size() + " of " + TRIES + " inputs:\n"
                + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }

    @Test
    void theCheckerKeepsEveryOffsetInsideTheText() {
        forAll("offsets", seed -> {
            String text = new FuzzInputs(seed).text();
            List<String> problems = new ArrayList<>(FuzzInputs.problems(text, CHECKER.check(CheckRequest.of(text))));
            if (!problems.isEmpty()) problems.add("text " + FuzzInputs.shorten(text));
            return problems;
        });
    }

    @Test
    void everyBodyGetsAJsonAnswerThatIsNeverA500() {
        forAll("answers", seed -> {
            String body = new FuzzInputs(seed).body();
            List<String> problems = new ArrayList<>(send(body));
            if (!problems.isEmpty()) problems.add("body " + FuzzInputs.shorten(body));
            return problems;
        });
    }

    @Test
    void loneSurrogatesSurviveTheTripAsTheSameCodeUnits() {
        forAll("escaped", seed -> {
            String text = new FuzzInputs(seed).text();
            String body = FuzzInputs.asciiEscapedBody(text); // sent as \\uXXXX escapes, checked as the same units
            assertEquals(text, FuzzInputs.submittedText(body));
            List<String> problems = new ArrayList<>(send(body));
            if (!problems.isEmpty()) problems.add("text " + FuzzInputs.shorten(text));
            return problems;
        });
    }

    @Test
    void theRulesCatchBrokenAnswers() {
        // The checks above can fail: a 500, a non-JSON answer, an echo and bad offsets are all caught.
        String body = "{\"text\": \"Saw a 34yo in bay 4 today with DKA\"}";
        assertTrue(FuzzInputs.problems(body, 500, "application/json", "{\"error\":\"internal\",\"detail\":\"x\"}").contains("status 500"));
        assertTrue(!FuzzInputs.problems(body, 200, "text/html", "<html>").isEmpty());
        assertTrue(!FuzzInputs.problems(body, 400, "application/json",
                "{\"error\":\"x\",\"detail\":\"Saw a 34yo in bay 4 today with DKA\"}").isEmpty());
        assertTrue(!FuzzInputs.problems(body, 200, "application/json",
                "{\"warnings\":[{\"start\":3,\"end\":99,\"signals\":[]}]}").isEmpty());
        String pair = "a😷b";
        assertTrue(!FuzzInputs.problems(FuzzInputs.asciiEscapedBody(pair), 200, "application/json",
                "{\"warnings\":[{\"start\":0,\"end\":2,\"signals\":[]}]}").isEmpty(), "splitting 😷 is caught");
    }

    private static List<String> send(String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/check"))
                    .timeout(Duration.ofSeconds(60)) // a hang fails the property instead of hanging the build
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return FuzzInputs.problems(body, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (Exception e) {
            return List.of("no answer: " + e);
        }
    }
}
