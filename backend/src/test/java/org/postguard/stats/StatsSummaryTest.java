package org.postguard.stats;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Suppression below 5 reports, and estimates that remove the devices' noise on average. */
class StatsSummaryTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    static final LocalDate QUIET_DAY = DAY.minusDays(1);
    static final int X_CONF_HIGH = NoisyReports.cell("x", "confidentiality", "high");
    static final int FB_RESPECT_LOW = NoisyReports.cell("facebook", "respect", "low");

    /** The variance of one count's estimate in one report is at most about 1.9 (1.17 when the true count is 0). */
    static final double V = 1.9;

    @TempDir
    Path dir;

    static JsonObject find(JsonObject summary, String list, String key, String value) {
        for (JsonElement e : summary.getAsJsonArray(list)) {
            if (e.getAsJsonObject().get(key).getAsString().equals(value)) return e.getAsJsonObject();
        }
        throw new AssertionError(list + " has no " + key + "=" + value);
    }

    @Test
    void aDayWithFewerThanFiveReportsContributesToNoNumber() {
        NoisyReports noisy = new NoisyReports(1);
        try (JdbcStatsStore store = JdbcStatsStore.openSqlite(dir.resolve("s.db"))) {
            List<StatsBatch.DayReport> reports = new ArrayList<>();
            for (int i = 0; i < StatsGrid.MIN_REPORTS - 1; i++) {
                reports.add(noisy.report(QUIET_DAY, cell -> cell == X_CONF_HIGH ? new int[]{50, 10, 0, 0} : null));
            }
            for (int i = 0; i < StatsGrid.MIN_REPORTS; i++) {
                reports.add(noisy.report(DAY, cell -> cell == FB_RESPECT_LOW ? new int[]{3, 0, 1, 0} : null));
            }
            store.add(new StatsBatch(reports));
            JsonObject summary = StatsSummary.of(store.read(DAY.minusDays(29), DAY), DAY.minusDays(29), DAY).toJson();

            JsonObject quiet = find(summary, "days", "day", QUIET_DAY.toString());
            assertTrue(quiet.get("suppressed").getAsBoolean());
            assertEquals(4, quiet.get("reports").getAsInt());
            assertFalse(quiet.has("shown"), "a suppressed day has no counts: " + quiet);
            JsonObject shown = find(summary, "days", "day", DAY.toString());
            assertFalse(shown.get("suppressed").getAsBoolean());
            assertTrue(shown.has("shown"));
            for (JsonElement row : summary.getAsJsonArray("byDayCategory")) {
                assertEquals(DAY.toString(), row.getAsJsonObject().get("day").getAsString(), "only days with 5+ reports");
            }
            assertEquals(9, summary.get("reports").getAsInt());
            assertEquals(5, summary.get("reportsShown").getAsInt());
            assertEquals(1, summary.get("daysSuppressed").getAsInt());
            // The quiet day's 200 confidentiality warnings on x appear nowhere (the estimate sees only the shown day).
            assertTrue(find(summary, "byPlatform", "platform", "x").get("shown").getAsInt() < 40,
                    summary.getAsJsonArray("byPlatform").toString());

            String csv = StatsSummary.of(store.read(DAY.minusDays(29), DAY), DAY.minusDays(29), DAY).toCsv();
            String[] lines = csv.split("\r\n");
            assertTrue(lines[0].startsWith("day,platform,category,severity,reports,shown_estimate"), lines[0]);
            assertEquals(1 + StatsGrid.cells(), lines.length, "every cell of the one shown day, nothing of the suppressed one");
            assertFalse(csv.contains(QUIET_DAY.toString()));
        }
    }

    @Test
    void estimatesAreUnbiasedDespiteTheClampingAtZero() {
        int reports = 3000;
        NoisyReports noisy = new NoisyReports(42);
        try (JdbcStatsStore store = JdbcStatsStore.openSqlite(dir.resolve("u.db"))) {
            List<StatsBatch.DayReport> list = new ArrayList<>();
            for (int i = 0; i < reports; i++) {
                // Every device: 2 high confidentiality warnings on X, 1 edited away; 1 in 3 devices: 1 respect warning on Facebook, dismissed.
                boolean respect = i % 3 == 0;
                list.add(noisy.report(DAY, cell -> cell == X_CONF_HIGH ? new int[]{2, 1, 0, 0}
                        : cell == FB_RESPECT_LOW && respect ? new int[]{1, 0, 1, 0} : null));
            }
            store.add(new StatsBatch(list));
            JsonObject s = StatsSummary.of(store.read(DAY, DAY), DAY, DAY).toJson();
            // Tolerances: 4 standard deviations of the estimate (variance V per count per report).
            assertNear(6000, find(s, "byCategory", "category", "confidentiality").get("shown").getAsDouble(), 4 * Math.sqrt(reports * 39 * V));
            assertNear(3000, find(s, "byCategory", "category", "confidentiality").get("editedAway").getAsDouble(), 4 * Math.sqrt(reports * 39 * V));
            assertNear(1000, find(s, "byCategory", "category", "respect").get("shown").getAsDouble(), 4 * Math.sqrt(reports * 39 * V));
            assertNear(1000, find(s, "byCategory", "category", "respect").get("dismissed").getAsDouble(), 4 * Math.sqrt(reports * 39 * V));
            assertNear(0, find(s, "byCategory", "category", "boundaries").get("shown").getAsDouble(), 4 * Math.sqrt(reports * 39 * V));
            assertNear(6000, find(s, "byPlatform", "platform", "x").get("shown").getAsDouble(), 4 * Math.sqrt(reports * 21 * V));
            assertNear(7000, s.getAsJsonObject("totals").get("shown").getAsDouble(), 4 * Math.sqrt(reports * 273 * V));
            // The finest level (the CSV): the one cell every device had warnings in.
            String cell = java.util.Arrays.stream(StatsSummary.of(store.read(DAY, DAY), DAY, DAY).toCsv().split("\r\n"))
                    .filter(l -> l.startsWith(DAY + ",x,confidentiality,high,")).findFirst().orElseThrow();
            String[] f = cell.split(",");
            assertEquals(String.valueOf(reports), f[4]);
            assertNear(6000, Double.parseDouble(f[5]), 4 * Math.sqrt(reports * V));
            assertNear(3000, Double.parseDouble(f[6]), 4 * Math.sqrt(reports * V));
            assertNear(0, Double.parseDouble(f[7]), 4 * Math.sqrt(reports * V));
            // Without the correction the clamped noise alone would add about 0.43 per cell and report.
            long raw = store.read(DAY, DAY).cells().stream().mapToLong(c -> c.sums()[0]).sum();
            assertTrue(raw > 7000 + reports * 273 * 0.35, "the raw sum is far off the truth (" + raw + "), the estimate is not");
        }
    }

    static void assertNear(double expected, double actual, double tolerance) {
        assertTrue(Math.abs(expected - actual) <= tolerance,
                "expected " + expected + " +- " + Math.round(tolerance) + ", got " + actual);
    }
}
