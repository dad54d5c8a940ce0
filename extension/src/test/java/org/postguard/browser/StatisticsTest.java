package org.postguard.browser;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opt-in statistics end to end in the real browser: off, no request ever reaches the statistics
 * address while warnings are shown, edited away and dismissed; on, the same actions are counted
 * (without any text), the finished day becomes a noisy batch that the options page previews,
 * "Send now" sends exactly that batch, and the collector's dashboard numbers move.
 */
class StatisticsTest extends BrowserTest {
    /** A word that must never reach storage or the statistics address. */
    static final String CANARY = "zqxcanary";
    static final String DRUNK = Posts.DRUNK;
    static StatsCollector collector;

    @BeforeAll
    static void startCollector() throws Exception {
        collector = StatsCollector.start();
    }

    @AfterAll
    static void stopCollector() {
        try {
            StatsPages.reset(env);
        } finally {
            collector.close();
        }
    }

    /** Shows a professionalism warning and edits it away, then shows a confidentiality warning and dismisses it. */
    private void showEditAwayAndDismiss() {
        BrowserPage page = open(Fixture.X);
        page.type("Hello team. " + DRUNK);
        page.awaitState("warnings", STATE_TIMEOUT_MS);
        page.awaitState("settled", STATE_TIMEOUT_MS);
        for (int i = 0; i <= DRUNK.length(); i++) page.editor().sendKeys(Keys.BACK_SPACE);
        page.awaitState("clear", STATE_TIMEOUT_MS);
        assertEquals("Hello team.", page.editorText());
        page.type(" " + Posts.RISKY + " " + CANARY);
        page.awaitState("warnings", STATE_TIMEOUT_MS);
        page.awaitState("settled", STATE_TIMEOUT_MS);
        WarningCardTest.clickBadge(page);
        WarningCardTest.awaitCard(page);
        WarningCardTest.overlayElement(page, ".pg-card .pg-warning[data-category='confidentiality'] button.pg-ignore").click();
        page.waitUpTo(Duration.ofSeconds(5)).until(d -> !WarningCardTest.underlineRules(page).contains("confidentiality-combination"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> storedCounts() {
        return (Map<String, Object>) env.storedSettings().get("statsCounts");
    }

    @Test
    void offSendsNothingOnCountsWithoutTextAndSendsOneBatchThatMovesTheDashboard() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

        // --- off (the default): nothing counted, nothing sent -------------------------------------
        StatsPages.setCollector(env, collector.url());
        StatsPages.setEnabled(env, false);
        showEditAwayAndDismiss();
        BrowserPage.sleep(1500);
        StatsPages.openOptions(env);
        assertEquals("", env.browser.driver.findElement(By.id("stats-preview")).getText(), "no preview while off");
        assertFalse(env.browser.driver.findElement(By.id("stats-send")).isEnabled(), "nothing to send while off");
        assertEquals(null, storedCounts(), "nothing is counted while statistics are off");
        assertEquals(List.of(), collector.seen, "no request reaches the statistics address while statistics are off");

        // --- on: the same actions are counted, still nothing sent today ----------------------------
        StatsPages.setEnabled(env, true);
        showEditAwayAndDismiss();
        Map<String, Object> counts = StatsPages.waitUpTo(env, Duration.ofSeconds(5)).until(d -> {
            Map<String, Object> c = storedCounts();
            return c != null && c.get(today) instanceof Map<?, ?> m && m.size() >= 2 ? c : null;
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> day = (Map<String, Object>) counts.get(today);
        assertEquals(List.of(1L, 1L, 0L, 0L), day.get("x|professionalism|high"), "shown once, edited away: " + day);
        assertEquals(List.of(1L, 0L, 1L, 0L), day.get("x|confidentiality|high"), "shown once, dismissed: " + day);
        String stored = String.valueOf(env.storedSettings());
        for (String secret : List.of(CANARY, "34yo", "Jones", "drunk", "x.com")) {
            assertFalse(stored.toLowerCase().contains(secret.toLowerCase()), "storage holds no text (" + secret + "): " + stored);
        }
        StatsPages.openOptions(env);
        assertTrue(env.browser.driver.findElement(By.id("stats-today")).getText().contains("2 shown, 1 edited away, 1 dismissed"),
                env.browser.driver.findElement(By.id("stats-today")).getText());
        assertEquals("", env.browser.driver.findElement(By.id("stats-preview")).getText(), "today's counts wait for tomorrow");
        assertEquals(List.of(), collector.seen, "a day that is not over is not sent");

        // --- midnight: the counts' day becomes yesterday (the extension's own storage, not reachable by pages) ---
        Object moved = ((JavascriptExecutor) env.browser.driver).executeAsyncScript("""
                const [today, yesterday] = arguments; const done = arguments[arguments.length - 1];
                chrome.storage.local.get("statsCounts").then((got) => {
                  const c = got.statsCounts; c[yesterday] = c[today]; delete c[today];
                  return chrome.storage.local.set({statsCounts: c});
                }).then(() => done(null), (e) => done(String(e)));
                """, today, yesterday);
        assertEquals(null, moved);

        // Four other doctors already reported yesterday: with ours it has the 5 reports the dashboard needs.
        for (String batch : StatsPages.simulatedReports(env, List.of(4), 6, 7)) collector.seed(batch);
        StatsPages.openDashboard(env, collector);
        Map<String, Object> before = StatsPages.dashboardDay(env, yesterday);
        assertNotNull(before, "the dashboard has a bar for " + yesterday);
        assertEquals(4L, before.get("reports"));
        assertEquals("true", before.get("suppressed"), "4 reports: left out");
        assertEquals(1L, before.get("hatched"));
        assertEquals("4", before.get("totalReports"));
        assertEquals("–", before.get("totalShown"), "no number from fewer than 5 reports");

        // --- the options page previews the noisy batch; Send now sends exactly it -------------------
        StatsPages.openOptions(env);
        String preview = StatsPages.waitUpTo(env, Duration.ofSeconds(5))
                .until(d -> { String t = d.findElement(By.id("stats-preview")).getText(); return t.isBlank() ? null : t; });
        JsonObject previewJson = JsonParser.parseString(preview).getAsJsonObject();
        assertEquals(1, previewJson.get("schema").getAsInt());
        assertEquals(yesterday, previewJson.getAsJsonArray("days").get(0).getAsJsonObject().get("day").getAsString());
        assertEquals(List.of(), collector.seen, "previewing sends nothing");
        env.browser.driver.findElement(By.id("stats-send")).click();
        StatsPages.waitUpTo(env, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("stats-status")).getText().contains("Last report sent"));

        assertEquals(1, collector.seen.size(), "one request: " + collector.seen);
        StatsCollector.Seen request = collector.seen.get(0);
        assertEquals("POST", request.method());
        assertEquals("/api/v1/stats", request.path());
        assertEquals(200, request.status(), "the collector accepted the batch");
        assertTrue(request.origin().startsWith("chrome-extension://"), request.origin());
        JsonObject sent = JsonParser.parseString(request.body()).getAsJsonObject();
        assertEquals(previewJson, sent, "exactly the previewed JSON");
        for (String secret : List.of(CANARY, "34yo", "bay", "DKA", "Jones", "ward", "drunk", "x.com", "http", today)) {
            assertFalse(request.body().toLowerCase().contains(secret.toLowerCase()), "the batch holds no text (" + secret + "): " + request.body());
        }
        assertEquals(Set.of("schema", "days"), sent.keySet());
        for (JsonElement d : sent.getAsJsonArray("days")) {
            assertEquals(Set.of("day", "counts"), d.getAsJsonObject().keySet());
            for (JsonElement row : d.getAsJsonObject().getAsJsonArray("counts")) {
                assertEquals(Set.of("platform", "category", "severity", "shown", "editedAway", "dismissed", "ignored"),
                        row.getAsJsonObject().keySet());
            }
        }
        assertFalse(env.browser.driver.findElement(By.id("stats-send")).isEnabled(), "sent: nothing more to send today");

        StatsPages.openDashboard(env, collector);
        Map<String, Object> after = StatsPages.dashboardDay(env, yesterday);
        assertEquals(5L, after.get("reports"));
        assertEquals("false", after.get("suppressed"), "5 reports: shown");
        assertEquals("5", after.get("totalReports"));
        assertFalse("–".equals(after.get("totalShown")), "the dashboard now has numbers: " + after);

        // --- off again: everything waiting is deleted at once ---------------------------------------
        StatsPages.setEnabled(env, false);
        Map<String, Object> settings = env.storedSettings();
        for (String key : List.of("statsCounts", "statsPending", "statsLastSent", "statsStatus")) {
            assertFalse(settings.containsKey(key), key + " is deleted when statistics are switched off: " + settings);
        }
        assertEquals(1, collector.seen.size(), "no further request");
    }
}
