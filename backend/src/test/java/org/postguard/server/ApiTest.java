package org.postguard.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP API end to end, on a real server bound to loopback. */
class ApiTest {
    private static PostGuardServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = PostGuardServer.start(ServerSettings.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject checkOk(String text) throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty("text", text);
        body.addProperty("platform", "x");
        HttpResponse<String> response = post("/api/v1/check", "application/json", body.toString());
        assertEquals(200, response.statusCode(), response.body());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject json = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals(code, json.get("error").getAsString());
        assertFalse(json.get("detail").getAsString().isBlank());
    }

    @Test
    void riskyPostGetsExplainedWarnings() throws Exception {
        String text = "Saw a 34yo in bay 4 today with DKA";
        JsonObject json = checkOk(text);
        assertEquals("high", json.get("risk").getAsString());
        assertTrue(json.get("tookMicros").getAsLong() >= 0);
        JsonObject warning = json.getAsJsonArray("warnings").get(0).getAsJsonObject();
        for (String field : new String[]{"rule", "category", "severity", "start", "end", "message", "signals", "guidance"}) {
            assertTrue(warning.has(field), field);
        }
        assertEquals("confidentiality", warning.get("category").getAsString());
        Set<String> kinds = new HashSet<>();
        for (JsonElement s : warning.getAsJsonArray("signals")) {
            JsonObject signal = s.getAsJsonObject();
            kinds.add(signal.get("kind").getAsString());
            assertTrue(signal.get("start").getAsInt() < signal.get("end").getAsInt());
        }
        assertTrue(kinds.containsAll(Set.of("age", "bed", "time-anchor", "condition")), kinds::toString);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "confidentiality      | Saw a 34yo in bay 4 today with DKA, first presentation",
            "confidentiality      | Mrs Patel (DOB 12/03/1958) finally went home from ward 9 after her stroke",
            "confidentiality      | Guess who came into A&E last night with chest pain? Our local MP, in his 50s, in resus for hours",
            "patient-images       | Here's the x-ray of the lady I saw in clinic today, look at that fracture 📸",
            "boundaries           | Lovely patient I discharged last week just sent me a friend request, accepted obviously",
            "respect              | Another frequent flyer in majors tonight, third time this week, absolute waste of a bed",
            "conflict-of-interest | As a GP I recommend this supplement to all my patients, use my code DRJO20 for 20% off, link in bio",
            "complaint-response   | To the patient who left me a 1 star review: you were seen on time and your bloods were normal, so check your facts",
            "professionalism      | Still drunk from last night and about to start my shift on the ward, pray for my patients",
    })
    void riskyPostsAreFlaggedInTheirCategory(String category, String text) throws Exception {
        Set<String> categories = new HashSet<>();
        for (JsonElement w : checkOk(text).getAsJsonArray("warnings")) {
            categories.add(w.getAsJsonObject().get("category").getAsString());
        }
        assertTrue(categories.contains(category), categories::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sepsis kills. Know the signs: fever, fast breathing, mottled skin. Call 999 if worried. #WorldSepsisDay",
            "Reminder for FY1s: in DKA, check ketones hourly and follow your trust's guideline.",
            "My dad had a stroke last year and the stroke unit staff were incredible. Thank you all.",
            "Finally cashed in my frequent flyer miles for a week in Lisbon after finishing nights 🌞",
            "#ad Paid partnership with SunSafe: as a dermatologist I genuinely use their SPF50 every day.",
            "Huge thanks to Dr Amara Okafor for the brilliant teaching session on heart failure today.",
            "Shared with her written consent: Jean, 82, wanted everyone to know how well the hip team looked after her.",
            "Quick poll for GPs: how long are your routine appointment waits right now?",
    })
    void safePostsGetNoWarnings(String text) throws Exception {
        JsonObject json = checkOk(text);
        assertEquals(0, json.getAsJsonArray("warnings").size(), json.toString());
    }

    @Test
    void safePostGetsNoWarnings() throws Exception {
        JsonObject json = checkOk("Sepsis kills. Know the signs and call 999 if you are worried about someone.");
        assertEquals("none", json.get("risk").getAsString());
        assertEquals(0, json.getAsJsonArray("warnings").size());
    }

    @Test
    void guidanceCatalogueHasEveryCategoryWithLinksAndContacts() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/guidance")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonObject json = JsonParser.parseString(response.body()).getAsJsonObject();
        JsonArray categories = json.getAsJsonArray("categories");
        assertEquals(7, categories.size());
        for (JsonElement c : categories) {
            JsonArray links = c.getAsJsonObject().getAsJsonArray("links");
            assertTrue(links.toString().contains("using-social-media-as-a-medical-professional"), c.toString());
            assertFalse(links.toString().contains("{organisation"), "placeholders are filled in");
        }
        assertTrue(json.getAsJsonObject("organisation").getAsJsonArray("contacts").toString().contains("0800 716 646"));
    }

    @Test
    void healthReportsIndexSizes() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject json = JsonParser.parseString(response.body()).getAsJsonObject();
        assertEquals("ok", json.get("status").getAsString());
        assertEquals("model-with-votes", json.get("judge").getAsString(), "the default reads the post's meaning and weighs the votes where it can");
        assertTrue(json.get("phrases").getAsInt() >= 1500, response.body());
        assertTrue(json.get("vocabulary").getAsInt() >= 10000, response.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON             | application/json | {\"text\": \"abc\"          | 400 | malformed-json",
            "trailing garbage           | application/json | {\"text\": \"abc\"} x       | 400 | malformed-json",
            "lenient JSON               | application/json | {text: \"abc\"}            | 400 | malformed-json",
            "empty body                 | application/json | ''                         | 400 | empty-body",
            "array instead of object    | application/json | [1,2]                      | 400 | not-an-object",
            "missing text               | application/json | {\"platform\": \"x\"}      | 400 | missing-text",
            "null text                  | application/json | {\"text\": null}           | 400 | missing-text",
            "number text                | application/json | {\"text\": 42}             | 400 | text-not-string",
            "object text                | application/json | {\"text\": {\"a\": 1}}     | 400 | text-not-string",
            "bad platform               | application/json | {\"text\": \"a\", \"platform\": 7} | 400 | bad-platform",
            "bad personal terms         | application/json | {\"text\": \"a\", \"personalTerms\": \"x\"} | 400 | bad-personal-terms",
            "wrong content type         | text/plain       | {\"text\": \"abc\"}        | 415 | unsupported-media-type",
            "form content type          | application/x-www-form-urlencoded | text=abc  | 415 | unsupported-media-type",
    })
    void badRequestsGetClearJsonErrors(String name, String type, String body, int status, String code) throws Exception {
        assertError(post("/api/v1/check", type, body), status, code);
    }

    @Test
    void missingContentTypeIsRefused() throws Exception {
        assertError(post("/api/v1/check", null, "{\"text\": \"abc\"}"), 415, "unsupported-media-type");
    }

    @Test
    void deeplyNestedJsonIsRefusedNotCrashed() throws Exception {
        String body = "{\"text\": \"a\", \"x\": " + "[".repeat(150_000) + "]".repeat(150_000) + "}";
        // Expect: 100-continue lets the server refuse before the client sends 300 KB it will not read.
        HttpRequest tooLarge = HttpRequest.newBuilder(uri("/api/v1/check")).expectContinue(true)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        assertError(HTTP.send(tooLarge, HttpResponse.BodyHandlers.ofString()), 413, "body-too-large");
        String nested = "{\"text\": \"a\", \"x\": " + "[".repeat(1000) + "]".repeat(1000) + "}";
        assertError(post("/api/v1/check", "application/json", nested), 400, "malformed-json");
    }

    @Test
    void textOverTheLimitIsRefusedWithoutEchoingIt() throws Exception {
        String canary = "CANARY" + "x".repeat(20_001);
        HttpResponse<String> response = post("/api/v1/check", "application/json", "{\"text\": \"" + canary + "\"}");
        assertError(response, 413, "text-too-long");
        assertFalse(response.body().contains("CANARY"));
    }

    @Test
    void textAtTheLimitIsChecked() throws Exception {
        String text = "Saw a 34yo in bay 4 today with DKA. ".repeat(600).substring(0, 20_000);
        assertEquals(20_000, text.length());
        assertEquals("high", checkOk(text).get("risk").getAsString());
    }

    @Test
    void unknownPathsAndMethodsGetJsonErrors() throws Exception {
        assertError(HTTP.send(HttpRequest.newBuilder(uri("/api/v1/nothing")).build(), HttpResponse.BodyHandlers.ofString()),
                404, "not-found");
        assertError(HTTP.send(HttpRequest.newBuilder(uri("/api/v1/check")).build(), HttpResponse.BodyHandlers.ofString()),
                405, "method-not-allowed");
        assertError(HTTP.send(HttpRequest.newBuilder(uri("/api/v1/health")).DELETE().build(), HttpResponse.BodyHandlers.ofString()),
                405, "method-not-allowed");
    }

    @Test
    void webPageOriginsAreRefusedButTheExtensionIsServed() throws Exception {
        HttpRequest fromPage = HttpRequest.newBuilder(uri("/api/v1/check"))
                .header("Origin", "https://evil.example").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"abc\"}")).build();
        assertError(HTTP.send(fromPage, HttpResponse.BodyHandlers.ofString()), 403, "forbidden-origin");
        HttpRequest fromExtension = HttpRequest.newBuilder(uri("/api/v1/check"))
                .header("Origin", "chrome-extension://abcdefghijklmnopabcdefghijklmnop").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"abc\"}")).build();
        HttpResponse<String> response = HTTP.send(fromExtension, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("chrome-extension://abcdefghijklmnopabcdefghijklmnop",
                response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    }

    @Test
    void simpleRequestsFromWebPagesAreRefusedBeforeAnyCheck() throws Exception {
        long checks = health().get("checks").getAsLong();
        long refused = health().get("refused").getAsLong();
        // The "simple" requests a page can send without a preflight: text/plain fetch, form post, beacon.
        String[][] simple = {
                {"text/plain;charset=UTF-8", "{\"text\": \"Saw a 34yo in bay 4 today with DKA\"}"},
                {"application/x-www-form-urlencoded", "{\"text\": \"Saw a 34yo in bay 4 today with DKA\"}="},
                {"multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nSaw a 34yo\r\n--x--\r\n"},
                {"application/json", "{\"text\": \"Saw a 34yo in bay 4 today with DKA\"}"},
        };
        for (String origin : new String[]{"https://evil.example", "null", "http://127.0.0.1:8080", "https://x.com"}) {
            for (String[] request : simple) {
                HttpRequest fromPage = HttpRequest.newBuilder(uri("/api/v1/check"))
                        .header("Origin", origin).header("Content-Type", request[0])
                        .POST(HttpRequest.BodyPublishers.ofString(request[1])).build();
                HttpResponse<String> response = HTTP.send(fromPage, HttpResponse.BodyHandlers.ofString());
                assertError(response, 403, "forbidden-origin");
                assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), origin);
                assertFalse(response.body().contains("34yo"));
            }
        }
        assertEquals(checks, health().get("checks").getAsLong(), "no check ran");
        assertEquals(refused + 16, health().get("refused").getAsLong(), "every request was counted as refused");
    }

    @Test
    void requestsMarkedAsFromAnotherSiteAreRefusedEvenWithoutOrigin() throws Exception {
        // An <img> or <script> tag, or a no-cors GET, sends no Origin but Sec-Fetch-Site: cross-site.
        for (String site : new String[]{"cross-site", "same-site"}) {
            HttpRequest tag = HttpRequest.newBuilder(uri("/api/v1/guidance")).header("Sec-Fetch-Site", site).build();
            assertError(HTTP.send(tag, HttpResponse.BodyHandlers.ofString()), 403, "forbidden-origin");
        }
        // Typing the address into the browser's address bar is the user's own request.
        HttpRequest typed = HttpRequest.newBuilder(uri("/api/v1/health")).header("Sec-Fetch-Site", "none").build();
        assertEquals(200, HTTP.send(typed, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void preflightsAreRefusedForPagesAndAnsweredForTheExtension() throws Exception {
        HttpRequest fromPage = HttpRequest.newBuilder(uri("/api/v1/check"))
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .header("Access-Control-Request-Private-Network", "true")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> refused = HTTP.send(fromPage, HttpResponse.BodyHandlers.ofString());
        assertError(refused, 403, "forbidden-origin");
        assertTrue(refused.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        assertTrue(refused.headers().firstValue("Access-Control-Allow-Private-Network").isEmpty());
        assertTrue(refused.headers().firstValue("Access-Control-Allow-Methods").isEmpty());

        HttpRequest fromExtension = HttpRequest.newBuilder(uri("/api/v1/check"))
                .header("Origin", "moz-extension://0b4c2d5e-1f2a-4b3c-9d8e-7f6a5b4c3d2e").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> allowed = HTTP.send(fromExtension, HttpResponse.BodyHandlers.ofString());
        assertEquals(204, allowed.statusCode());
        assertEquals("moz-extension://0b4c2d5e-1f2a-4b3c-9d8e-7f6a5b4c3d2e", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(allowed.headers().firstValue("Access-Control-Allow-Private-Network").isEmpty());
    }

    @Test
    void healthCountsChecksButNeverHoldsText() throws Exception {
        long before = health().get("checks").getAsLong();
        checkOk("Saw a 34yo in bay 4 today with DKA");
        JsonObject after = health();
        assertEquals(before + 1, after.get("checks").getAsLong());
        for (String key : after.keySet()) {
            assertTrue(after.get(key).isJsonPrimitive(), key + " is a plain value");
        }
        assertFalse(after.toString().contains("34yo"));
    }

    @Test
    void aServerAskedNotToReadMeaningSaysSoAndStillJudges() throws Exception {
        try (PostGuardServer plain = PostGuardServer.start(ServerSettings.defaults().withPort(0)
                .withJudge(org.postguard.check.Checker.Judge.MODEL))) {
            String base = "http://127.0.0.1:" + plain.port();
            JsonObject health = JsonParser.parseString(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).getAsJsonObject();
            assertEquals("model", health.get("judge").getAsString());
            HttpResponse<String> checked = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/check"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Saw a 34yo in bay 4 today with DKA\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, checked.statusCode(), checked.body());
            assertTrue(checked.body().contains("\"confidentiality\""), checked.body());
        }
    }

    @Test
    void bindingBeyondLoopbackNeedsAToken() {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PostGuardServer.start(ServerSettings.defaults().withPort(0).withHost("0.0.0.0")));
        assertTrue(refused.getMessage().contains("token"), refused.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PostGuardServer.start(ServerSettings.defaults().withPort(0).withHost("0.0.0.0").withToken("short")));
    }

    @Test
    void aServerWithATokenAnswersOnlyRequestsCarryingIt() throws Exception {
        String token = "a-long-enough-access-token-1234";
        try (PostGuardServer guarded = PostGuardServer.start(ServerSettings.defaults().withPort(0).withToken(token))) {
            URI health = URI.create("http://127.0.0.1:" + guarded.port() + "/api/v1/health");
            assertError(HTTP.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()), 401, "token-required");
            assertError(HTTP.send(HttpRequest.newBuilder(health).header("Authorization", "Bearer wrong").build(),
                    HttpResponse.BodyHandlers.ofString()), 401, "token-required");
            HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(health).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode(), ok.body());
        }
    }

    private static JsonObject health() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    @Test
    void foreignHostHeadersAreRefused() throws IOException {
        String raw = rawRequest("GET /api/v1/health HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");
        assertTrue(raw.startsWith("HTTP/1.1 403"), raw);
        assertTrue(raw.contains("forbidden-host"), raw);
        String ok = rawRequest("GET /api/v1/health HTTP/1.1\r\nHost: localhost:" + server.port() + "\r\nConnection: close\r\n\r\n");
        assertTrue(ok.startsWith("HTTP/1.1 200"), ok);
    }

    private static String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
