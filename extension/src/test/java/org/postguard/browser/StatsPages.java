package org.postguard.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The statistics parts of the extension's options page and the collector's dashboard, as the tests use them. */
final class StatsPages {
    private StatsPages() {
    }

    static WebDriverWait waitUpTo(BrowserEnv env, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(env.browser.driver, timeout, Duration.ofMillis(50));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Opens the options page and waits until it shows the statistics state. */
    static void openOptions(BrowserEnv env) {
        var driver = env.browser.driver;
        driver.get(env.optionsPageUrl());
        waitUpTo(env, Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("stats-today")).getText().isBlank());
    }

    /** Types the statistics address into the options page and saves it (a loopback address needs no permission). */
    static void setCollector(BrowserEnv env, String url) {
        openOptions(env);
        var driver = env.browser.driver;
        WebElement field = driver.findElement(By.id("stats-url"));
        field.clear();
        field.sendKeys(url);
        driver.findElement(By.cssSelector("#stats-form button[type=submit]")).click();
        waitUpTo(env, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("stats-url-status")).getText().contains(url));
    }

    /** Ticks or unticks "Share anonymous counts" in the options page and waits for the page to show it. */
    static void setEnabled(BrowserEnv env, boolean on) {
        openOptions(env);
        var driver = env.browser.driver;
        WebElement box = driver.findElement(By.id("stats-enabled"));
        if (box.isSelected() != on) box.click();
        String want = on ? "so far" : "Statistics are off";
        waitUpTo(env, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("stats-today")).getText().contains(want));
    }

    /** Turns statistics off and forgets the address, through the background (used in finally blocks). */
    static void reset(BrowserEnv env) {
        var driver = env.browser.driver;
        driver.get(env.optionsPageUrl());
        ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                chrome.runtime.sendMessage({type: "statsSetEnabled", enabled: false})
                  .then(() => chrome.storage.local.set({statsCollector: ""})).then(() => done(null), (e) => done(String(e)));
                """);
    }

    /**
     * Reports made with the extension's own noise (PGStats.noiseDay, in the options page, here fed
     * by a seeded generator instead of the browser's cryptographic one, so that a run is
     * repeatable and quick): for each entry of {@code reportsPerDay} (days back from yesterday),
     * that many simulated doctors, each with about {@code warnings} warnings spread over platforms,
     * categories and severities. One script per day keeps each well inside the script timeout.
     */
    @SuppressWarnings("unchecked")
    static List<String> simulatedReports(BrowserEnv env, List<Integer> reportsPerDay, int warnings, int seed) {
        env.browser.driver.get(env.optionsPageUrl());
        List<String> out = new java.util.ArrayList<>();
        for (int back = 0; back < reportsPerDay.size(); back++) {
            out.addAll((List<String>) ((JavascriptExecutor) env.browser.driver).executeScript(SIMULATE,
                    back, reportsPerDay.get(back), warnings, seed + 7919 * back));
        }
        return out;
    }

    private static final String SIMULATE = """
                const [back, n, warnings, seed] = arguments;
                let a = seed >>> 0;
                const rnd = () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1);
                  t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
                const pick = (w) => { let r = rnd() * w.reduce((s, x) => s + x[1], 0); for (const x of w) { r -= x[1]; if (r < 0) return x[0]; } return w[0][0]; };
                const platforms = [["x", 6], ["facebook", 5], ["reddit", 3], ["linkedin", 2], ["instagram", 2], ["mastodon", 1], ["doctors.net.uk", 1], ["whatsapp", 1]];
                const categories = [["confidentiality", 7], ["professionalism", 3], ["respect", 3], ["complaint-response", 2], ["boundaries", 2],
                  ["patient-images", 1.5], ["conflict-of-interest", 1]];
                const editedOdds = {"confidentiality": 0.55, "patient-images": 0.6, "boundaries": 0.3, "respect": 0.35,
                  "conflict-of-interest": 0.45, "complaint-response": 0.5, "professionalism": 0.25};
                const out = [];
                const yesterday = new Date(Date.now() - 86400000);
                {
                  const day = new Date(yesterday.getTime() - back * 86400000).toISOString().slice(0, 10);
                  for (let d = 0; d < n; d++) {
                    const counts = {};
                    const k = Math.round(warnings * (0.5 + rnd()));
                    for (let i = 0; i < k; i++) {
                      const cat = pick(categories);
                      const key = PGStats.cellKey(pick(platforms), cat, pick([["low", 2], ["medium", 3], ["high", 2]]));
                      const v = counts[key] || (counts[key] = [0, 0, 0, 0]);
                      v[0]++;
                      const r = rnd();
                      if (r < editedOdds[cat]) v[1]++; else if (r < editedOdds[cat] + 0.2) v[2]++; else if (r < editedOdds[cat] + 0.25) v[3]++;
                    }
                    out.push(JSON.stringify({schema: 1, days: [PGStats.noiseDay(day, counts, rnd)]}));
                  }
                }
                return out;
                """;

    /** Opens the collector's dashboard and waits until it has drawn the summary. */
    static void openDashboard(BrowserEnv env, StatsCollector collector) {
        var driver = env.browser.driver;
        driver.get(collector.collectorUrl() + "/dashboard");
        waitUpTo(env, Duration.ofSeconds(10)).until(d -> "true".equals(
                ((JavascriptExecutor) d).executeScript("return document.documentElement.getAttribute('data-loaded')")));
    }

    /** What the dashboard shows for one day's bar: reports, suppressed, and the sum of its category bars. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> dashboardDay(BrowserEnv env, String day) {
        return (Map<String, Object>) ((JavascriptExecutor) env.browser.driver).executeScript("""
                const g = document.querySelector('#chart-time g[data-day="' + arguments[0] + '"]');
                if (!g) return null;
                let shown = 0;
                for (const r of g.querySelectorAll('rect[data-value]')) shown += Number(r.getAttribute('data-value'));
                return {reports: Number(g.getAttribute('data-reports')), suppressed: g.getAttribute('data-suppressed'),
                  shown, hatched: g.querySelectorAll('rect.suppressed').length,
                  totalReports: document.getElementById('t-reports').textContent, totalShown: document.getElementById('t-shown').textContent};
                """, day);
    }
}
