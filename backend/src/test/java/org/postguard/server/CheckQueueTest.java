package org.postguard.server;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Concurrency limits, made deterministic: the test takes the only place to run a check itself
 * ({@link PostGuardServer#gate()}), so whether a request waits or is refused never depends on timing.
 */
class CheckQueueTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BODY = "{\"text\": \"Saw a 34yo in bay 4 today with DKA\"}";

    private static HttpRequest check(PostGuardServer server) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/check"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
    }

    @Test
    void aCheckWithNoPlaceAndNoQueueGetsA429JsonError() throws Exception {
        ServerSettings settings = ServerSettings.defaults().withPort(0).withMaxConcurrentChecks(1)
                .withWaitingChecks(0, Duration.ofMinutes(1));
        try (PostGuardServer server = PostGuardServer.start(settings)) {
            assertTrue(server.gate().enter(), "the test holds the only place");
            HttpResponse<String> busy;
            try {
                busy = HTTP.send(check(server), HttpResponse.BodyHandlers.ofString());
            } finally {
                server.gate().leave();
            }
            assertEquals(429, busy.statusCode(), busy.body());
            assertTrue(busy.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertEquals("1", busy.headers().firstValue("Retry-After").orElse(""));
            JsonObject error = JsonParser.parseString(busy.body()).getAsJsonObject();
            assertEquals("too-many-requests", error.get("error").getAsString());
            assertFalse(error.get("detail").getAsString().contains("34yo"), "the detail does not echo the text");
            assertEquals(0, server.checksRun());

            HttpResponse<String> free = HTTP.send(check(server), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, free.statusCode(), "with the place given back the check runs: " + free.body());
            assertEquals(1, server.checksRun());
        }
    }

    @Test
    void aCheckWaitsItsTurnInTheQueueAndOnlyOneTooManyIsRefused() throws Exception {
        ServerSettings settings = ServerSettings.defaults().withPort(0).withMaxConcurrentChecks(1)
                .withWaitingChecks(1, Duration.ofMinutes(5));
        try (PostGuardServer server = PostGuardServer.start(settings)) {
            assertTrue(server.gate().enter());
            CompletableFuture<HttpResponse<String>> waiting;
            HttpResponse<String> overflow;
            try {
                waiting = HTTP.sendAsync(check(server), HttpResponse.BodyHandlers.ofString());
                while (server.gate().waiting() < 1) { // a condition, not a timing: it is in the queue
                    assertFalse(waiting.isDone(), () -> "the queued check was answered early: " + waiting.join().body());
                    Thread.onSpinWait();
                }
                overflow = HTTP.send(check(server), HttpResponse.BodyHandlers.ofString());
                assertFalse(waiting.isDone(), "the queued check waits while the place is held");
            } finally {
                server.gate().leave();
            }
            assertEquals(429, overflow.statusCode(), "the queue holds one: " + overflow.body());
            assertEquals(200, waiting.get().statusCode(), "the queued check ran once the place was free");
            assertEquals(1, server.checksRun());
        }
    }

    @Test
    void settingsRefuseImpossibleLimits() {
        assertThrows(IllegalArgumentException.class, () -> ServerSettings.defaults().withMaxConcurrentChecks(0));
        assertThrows(IllegalArgumentException.class, () -> ServerSettings.defaults().withWaitingChecks(-1, Duration.ZERO));
    }

    @Test
    void theGateQueuesInOrderAndCountsWaiters() throws Exception {
        CheckGate gate = new CheckGate(1, 0, Duration.ZERO);
        assertTrue(gate.enter());
        assertFalse(gate.enter(), "no queue: refused at once");
        gate.leave();
        assertTrue(gate.enter());
        gate.leave();
        assertEquals(0, gate.waiting());
    }
}
