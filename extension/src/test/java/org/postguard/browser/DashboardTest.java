package org.postguard.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The collector's dashboard in headless Chromium, with 29 days of reports (the default 30-day view: yesterday and 28 days before) made by the extension's
 * own noise function: it renders without console errors (CSP violations included), its numbers
 * come from the summary, suppressed days are marked, the CSV link works; saves
 * docs/screenshot-dashboard.png for the README.
 */
class DashboardTest extends BrowserTest {
    static StatsCollector collector;
    /** Reports per day, from yesterday back: two quiet days with fewer than 5 reports. */
    static final List<Integer> PER_DAY = new ArrayList<>();

    @BeforeAll
    static void seed() throws Exception {
        collector = StatsCollector.start();
        for (int back = 0; back < 29; back++) PER_DAY.add(back == 4 || back == 17 ? 3 : 24 + (back * 7) % 13);
        for (String batch : StatsPages.simulatedReports(env, PER_DAY, 14, 2026)) collector.seed(batch);
    }

    @AfterAll
    static void stop() {
        collector.close();
    }

    @Test
    void theDashboardRendersTheSummaryWithoutConsoleErrors() throws Exception {
        var driver = env.browser.driver;
        driver.manage().logs().get("browser"); // forget earlier pages' messages
        Dimension size = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(1280, 1480));
            StatsPages.openDashboard(env, collector);
            BrowserPage.sleep(300);
            List<String> problems = new ArrayList<>();
            for (LogEntry entry : driver.manage().logs().get("browser")) {
                if (entry.getLevel().intValue() >= Level.WARNING.intValue()) problems.add(entry.getLevel() + " " + entry.getMessage());
            }
            assertEquals(List.of(), problems, "console errors and warnings on the dashboard");

            JavascriptExecutor js = (JavascriptExecutor) driver;
            long reports = PER_DAY.stream().mapToLong(Integer::longValue).sum();
            assertEquals(String.format("%,d", reports), js.executeScript("return document.getElementById('t-reports').textContent"));
            assertEquals("2", js.executeScript("return document.getElementById('t-suppressed').textContent"));
            assertEquals(2L, js.executeScript("return document.querySelectorAll('#chart-time rect.suppressed').length"));
            assertEquals(27L, js.executeScript("return document.querySelectorAll('#chart-time g[data-suppressed=\"false\"]').length"));
            assertEquals(7L, js.executeScript("return document.querySelectorAll('#table-category tbody tr').length"));
            assertTrue((Long) js.executeScript("return document.querySelectorAll('#chart-platform g[data-key]').length") >= 5);
            // The numbers are the summary's: the tile equals the API's estimate.
            @SuppressWarnings("unchecked")
            Map<String, Object> api = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const csv = document.getElementById('csv').getAttribute('href');
                    Promise.all([fetch('/api/v1/stats/summary' + csv.slice(csv.indexOf('?'))).then((r) => r.json()), fetch(csv).then((r) => r.text())])
                      .then(([s, c]) => done({shown: s.totals.shown, csvHeader: c.split('\\r\\n')[0], csvLines: c.split('\\r\\n').length}),
                            (e) => done({error: String(e)}));
                    """);
            assertEquals(String.format("%,d", (Long) api.get("shown")), js.executeScript("return document.getElementById('t-shown').textContent"));
            assertTrue(String.valueOf(api.get("csvHeader")).startsWith("day,platform,category,severity,reports,shown_estimate"), api.toString());
            assertEquals(27L * 273 + 2, api.get("csvLines"), "header, 273 cells for each of the 27 days shown, final line break");

            Path docs = Path.of(System.getProperty("postguard.docs", BrowserEnv.projectDir().resolve("../docs").toString()));
            Path file = docs.toAbsolutePath().normalize().resolve("screenshot-dashboard.png");
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            assertTrue(Files.size(file) > 20_000, "screenshot written to " + file);
        } finally {
            driver.manage().window().setSize(size);
        }
    }
}
