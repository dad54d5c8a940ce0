package org.postguard.server;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postguard.stats.StatsSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The statistics collector over HTTP: upload, summary, CSV, dashboard, and who may reach them. */
class StatsApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EXTENSION = "chrome-extension://abcdefghijklmnopabcdefghijklmnop";
    @TempDir
    static Path dir;
    private static PostGuardServer server;

    @BeforeAll
    static void start() {
        server = PostGuardServer.start(ServerSettings.defaults().withPort(0), StatsSettings.defaults().withSqliteFile(dir.resolve("stats.db")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String yesterday() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    }

    static String batch(String day, int shown) {
        return "{\"schema\":1,\"days\":[{\"day\":\"" + day + "\",\"counts\":[{\"platform\":\"x\",\"category\":\"confidentiality\","
                + "\"severity\":\"high\",\"shown\":" + shown + ",\"editedAway\":1,\"dismissed\":0,\"ignored\":0}]}]}";
    }

    static HttpRequest.Builder request(PostGuardServer s, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> upload(PostGuardServer s, String origin, String body) throws Exception {
        HttpRequest.Builder r = request(s, "/api/v1/stats").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) r.header("Origin", origin);
        return send(r);
    }

    static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    static void assertError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, json(response).get("error").getAsString(), response.body());
    }

    @Test
    void anExtensionUploadIsAddedToTheSummary() throws Exception {
        int before = json(send(request(server, "/api/v1/stats/summary"))).get("reports").getAsInt();
        HttpResponse<String> response = upload(server, EXTENSION, batch(yesterday(), 3));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(EXTENSION, response.headers().firstValue("Access-Control-Allow-Origin").orElse(""), "CORS for the extension");
        assertEquals("{\"status\":\"added\",\"days\":1}", response.body());
        JsonObject summary = json(send(request(server, "/api/v1/stats/summary")));
        assertEquals(before + 1, summary.get("reports").getAsInt());
        assertEquals(5, summary.get("minReports").getAsInt());
        assertTrue(summary.has("byDayCategory") && summary.has("byPlatform") && summary.has("byCategory") && summary.has("totals"));
    }

    @Test
    void webPagesCannotUploadAndBadBatchesAreRefused() throws Exception {
        assertError(upload(server, "https://evil.example", batch(yesterday(), 3)), 403, "forbidden-origin");
        assertError(upload(server, EXTENSION, batch(yesterday(), -2)), 400, "negative-count");
        assertError(upload(server, EXTENSION, batch(LocalDate.now(ZoneOffset.UTC).plusDays(1).toString(), 1)), 400, "future-day");
        assertError(send(request(server, "/api/v1/stats").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(batch(yesterday(), 1)))), 415, "unsupported-media-type");
        assertError(send(request(server, "/api/v1/stats/summary?from=2026-02-30")), 400, "bad-range");
        assertError(send(request(server, "/api/v1/stats/summary?from=2025-01-01&to=2026-12-01")), 400, "bad-range");
    }

    @Test
    void otherSitesCannotEmbedOrFetchTheSummaryButCanLinkToTheDashboard() throws Exception {
        assertError(send(request(server, "/api/v1/stats/summary").header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "no-cors").header("Sec-Fetch-Dest", "script")), 403, "forbidden-origin");
        assertError(send(request(server, "/api/v1/stats/summary").header("Origin", "https://evil.example")), 403, "forbidden-origin");
        assertError(send(request(server, "/dashboard").header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "iframe")), 403, "forbidden-origin");
        HttpResponse<String> link = send(request(server, "/dashboard").header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document"));
        assertEquals(200, link.statusCode());
        HttpResponse<String> own = send(request(server, "/api/v1/stats/summary").header("Sec-Fetch-Site", "same-origin")
                .header("Sec-Fetch-Mode", "cors").header("Sec-Fetch-Dest", "empty"));
        assertEquals(200, own.statusCode());
        assertEquals("same-origin", own.headers().firstValue("Cross-Origin-Resource-Policy").orElse(""));
    }

    @Test
    void theDashboardIsServedWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = send(request(server, "/dashboard"));
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.startsWith("default-src 'none'") && csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(page.body().contains("/dashboard/dashboard.js") && !page.body().contains("<script>") && !page.body().contains("http"),
                "no inline script and no external resource");
        for (String asset : new String[]{"dashboard.js", "dashboard.css", "icon.svg"}) {
            HttpResponse<String> r = send(request(server, "/dashboard/" + asset));
            assertEquals(200, r.statusCode(), asset);
            assertEquals(csp, r.headers().firstValue("Content-Security-Policy").orElse(""));
        }
        assertError(send(request(server, "/dashboard/secrets.txt")), 404, "not-found");
    }

    @Test
    void theCsvExportHasEveryCellOfTheDaysShown() throws Exception {
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(3).toString();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, upload(server, EXTENSION, batch(day, 2)).statusCode());
        }
        HttpResponse<String> csv = send(request(server, "/api/v1/stats/summary.csv?from=" + day + "&to=" + day));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("postguard-stats-" + day + "-to-" + day + ".csv"));
        String[] lines = csv.body().split("\r\n");
        assertEquals(1 + 273, lines.length);
        String cell = java.util.Arrays.stream(lines).filter(l -> l.startsWith(day + ",x,confidentiality,high,")).findFirst().orElseThrow();
        assertTrue(cell.startsWith(day + ",x,confidentiality,high,5,10.00,5.00,"), cell);
    }

    @Test
    void theDatabaseIsOpenedOnlyWhenFirstNeeded() throws Exception {
        Path file = dir.resolve("lazy/stats.db");
        try (PostGuardServer lazy = PostGuardServer.start(ServerSettings.defaults().withPort(0),
                new StatsSettings(true, file, null, null, null, false))) {
            assertEquals(200, send(request(lazy, "/api/v1/health")).statusCode());
            assertFalse(Files.exists(file), "no database file before statistics are used");
            assertEquals(200, send(request(lazy, "/api/v1/stats/summary")).statusCode());
            assertTrue(Files.exists(file));
        }
    }

    @Test
    void withTheCollectorOffThereIsNoStatisticsRoute() throws Exception {
        try (PostGuardServer off = PostGuardServer.start(ServerSettings.defaults().withPort(0), StatsSettings.disabled())) {
            assertError(upload(off, EXTENSION, batch(yesterday(), 1)), 404, "not-found");
            assertError(send(request(off, "/dashboard")), 404, "not-found");
        }
    }

    @Test
    void withAnAccessTokenUploadsStayOpenAndTheDashboardAsksForTheToken() throws Exception {
        String token = "0123456789abcdef-token";
        try (PostGuardServer guarded = PostGuardServer.start(ServerSettings.defaults().withPort(0).withToken(token),
                StatsSettings.defaults().withSqliteFile(dir.resolve("guarded.db")))) {
            assertEquals(200, upload(guarded, EXTENSION, batch(yesterday(), 1)).statusCode(), "doctors' extensions have no token");
            HttpResponse<String> refused = send(request(guarded, "/dashboard"));
            assertError(refused, 401, "token-required");
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), "the browser asks for it");
            String basic = "Basic " + Base64.getEncoder().encodeToString(("organisation:" + token).getBytes(StandardCharsets.UTF_8));
            assertEquals(200, send(request(guarded, "/dashboard").header("Authorization", basic)).statusCode());
            assertEquals(200, send(request(guarded, "/api/v1/stats/summary").header("Authorization", "Bearer " + token)).statusCode());
            String wrong = "Basic " + Base64.getEncoder().encodeToString("organisation:guess".getBytes(StandardCharsets.UTF_8));
            assertError(send(request(guarded, "/api/v1/stats/summary").header("Authorization", wrong)), 401, "token-required");
            assertError(send(request(guarded, "/api/v1/check").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}"))), 401, "token-required");
        }
    }
}
