package org.postguard.browser;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.postguard.server.PostGuardServer;
import org.postguard.server.ServerSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A web page (attack.html, on a fixture site) cannot use the PostGuard server: in real Chromium it
 * tries a JSON fetch, text/plain and no-cors fetches, a text/plain form post into a frame,
 * sendBeacon, an image and a script tag. Every request reaches the server and is refused (its
 * refused count rises by exactly that many), none runs a check, and the page reads nothing back.
 * The server here is one of the test's own, so nothing else adds to its counts.
 */
class WebPageRefusalTest extends BrowserTest {
    /** Requests the page's attempts put on the wire (the preflighted fetch sends only its OPTIONS). */
    private static final int REQUESTS = 11;
    private static PostGuardServer target;

    @BeforeAll
    static void startTarget() {
        target = PostGuardServer.start(ServerSettings.defaults().withPort(0));
    }

    @AfterAll
    static void stopTarget() {
        if (target != null) target.close();
    }

    @Test
    void aWebPageGetsNoResultAndCausesNoCheck() throws Exception {
        String server = "http://127.0.0.1:" + target.port();
        var driver = env.browser.driver;
        driver.get(env.fixtures.url("x.com", "attack"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "attack".equals(
            driver.executeScript("return document.documentElement.getAttribute('data-fixture-ready')")));
        assertEquals(0, health().get("refused").getAsLong());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) driver.executeAsyncScript(
            "window.__pgAttack(arguments[0]).then(arguments[arguments.length - 1], (e) => arguments[arguments.length - 1]([{error: String(e)}]));",
            server);
        assertEquals(11, results.size(), "every attempt reported: " + results);

        // Beacons go out after the page moves on: wait for the server to have seen every request.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (health().get("refused").getAsLong() < REQUESTS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        JsonObject health = health();
        assertEquals(REQUESTS, health.get("refused").getAsLong(), "each attempt reached the server and was refused: "
            + health + "; page saw " + results);
        assertEquals(0, health.get("checks").getAsLong(), "no attempt ran a check");
        assertEquals(0, target.checksRun());

        for (Map<String, Object> r : results) {
            String name = (String) r.get("name");
            Object body = r.get("body");
            assertTrue(body == null || "".equals(body), name + ": the page read nothing back: " + r);
            if ("resolved".equals(r.get("outcome")) && r.containsKey("type")) {
                assertEquals("opaque", r.get("type"), name + ": only an opaque answer: " + r);
                assertEquals(0L, ((Number) r.get("status")).longValue(), name + ": no status visible: " + r);
            }
            if (name.startsWith("img") || name.startsWith("script")) {
                assertEquals("error", r.get("event"), name + ": the tag failed to load: " + r);
            }
        }
        for (String rejected : List.of("fetch json (preflighted)", "fetch text/plain", "fetch health")) {
            Map<String, Object> r = results.stream().filter(x -> rejected.equals(x.get("name"))).findFirst().orElseThrow();
            assertEquals("rejected", r.get("outcome"), rejected + " fails as a network error: " + r);
        }
        Object frame = driver.executeScript("try { return document.getElementById('sink').contentDocument === null ? 'cross-origin' : 'readable'; }"
            + " catch (e) { return 'cross-origin'; }");
        assertEquals("cross-origin", frame, "the form's answer stays in a frame the page cannot read");
        assertNull(driver.executeScript("return window.__pgLeak || null"));
        assertFalse(String.valueOf(health).contains("34yo"));
    }

    private static JsonObject health() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + "/api/v1/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }
}
