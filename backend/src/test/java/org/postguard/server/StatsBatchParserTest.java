package org.postguard.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postguard.stats.StatsBatch;
import org.postguard.stats.StatsGrid;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/v1/stats bodies: what is accepted, and every way a batch is refused. */
class StatsBatchParserTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final String ROW = "{\"platform\": \"x\", \"category\": \"confidentiality\", \"severity\": \"high\", "
            + "\"shown\": 3, \"editedAway\": 1, \"dismissed\": 1, \"ignored\": 0}";

    static String batch(String day, String rows) {
        return "{\"schema\": 1, \"days\": [{\"day\": \"" + day + "\", \"counts\": [" + rows + "]}]}";
    }

    @Test
    void aValidBatchIsRead() {
        StatsBatch batch = StatsBatchParser.parse("{\"schema\": 1, \"days\": [{\"day\": \"2026-11-30\", \"counts\": [" + ROW + ","
                + ROW.replace("\"x\"", "\"doctors.net.uk\"") + "]}, {\"day\": \"2026-11-29\", \"counts\": []}]}", TODAY);
        assertEquals(2, batch.days().size());
        StatsBatch.DayReport first = batch.days().get(0);
        assertEquals(LocalDate.of(2026, 11, 30), first.day());
        assertEquals(new StatsBatch.Row("x", "confidentiality", "high", 3, 1, 1, 0), first.rows().get(0));
        assertEquals("doctors.net.uk", first.rows().get(1).platform());
        assertTrue(batch.days().get(1).rows().isEmpty(), "a day whose noisy counts were all 0 has no rows and still counts");
    }

    @Test
    void todayAndTheOldestAllowedDayAreAccepted() {
        StatsBatchParser.parse(batch(TODAY.toString(), ROW), TODAY);
        StatsBatchParser.parse(batch(TODAY.minusDays(StatsGrid.MAX_AGE_DAYS).toString(), ROW), TODAY);
        StatsBatchParser.parse(batch("2026-11-30", ROW.replace("\"shown\": 3", "\"shown\": " + StatsGrid.MAX_COUNT)), TODAY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown top-level field  | {\"schema\": 1, \"days\": [], \"install\": \"abc\"}                         | unknown-field",
            "missing days             | {\"schema\": 1}                                                          | missing-field",
            "schema 2                 | {\"schema\": 2, \"days\": []}                                            | bad-schema",
            "schema as string         | {\"schema\": \"1\", \"days\": []}                                        | bad-schema",
            "no days                  | {\"schema\": 1, \"days\": []}                                            | bad-days",
            "days not an array        | {\"schema\": 1, \"days\": {}}                                            | not-an-array",
            "day not an object        | {\"schema\": 1, \"days\": [3]}                                           | not-an-object",
            "unknown day field        | {\"schema\": 1, \"days\": [{\"day\": \"2026-11-30\", \"counts\": [], \"url\": \"x\"}]} | unknown-field",
            "bad date                 | {\"schema\": 1, \"days\": [{\"day\": \"2026-13-01\", \"counts\": []}]}   | bad-day",
            "date with time           | {\"schema\": 1, \"days\": [{\"day\": \"2026-11-30T10:00\", \"counts\": []}]} | bad-day",
            "future day               | {\"schema\": 1, \"days\": [{\"day\": \"2026-12-02\", \"counts\": []}]}   | future-day",
            "too old                  | {\"schema\": 1, \"days\": [{\"day\": \"2026-10-30\", \"counts\": []}]}   | old-day",
            "same day twice           | {\"schema\": 1, \"days\": [{\"day\": \"2026-11-30\", \"counts\": []}, {\"day\": \"2026-11-30\", \"counts\": []}]} | duplicate-day",
            "malformed                | {\"schema\": 1,                                                          | malformed-json",
    })
    void badBatchesAreRefused(String name, String body, String code) {
        ApiError e = assertThrows(ApiError.class, () -> StatsBatchParser.parse(body, TODAY));
        assertEquals(400, e.status());
        assertEquals(code, e.code(), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown platform         | \"x\"                | \"myspace\"           | unknown-platform",
            "unknown category         | \"confidentiality\"  | \"gossip\"            | unknown-category",
            "unknown severity         | \"high\"             | \"critical\"          | unknown-severity",
            "negative count           | \"shown\": 3         | \"shown\": -1         | negative-count",
            "fraction                 | \"shown\": 3         | \"shown\": 1.5        | bad-count",
            "exponent                 | \"shown\": 3         | \"shown\": 3e0        | bad-count",
            "string count             | \"shown\": 3         | \"shown\": \"3\"      | bad-count",
            "boolean count            | \"shown\": 3         | \"shown\": true       | bad-count",
            "null count               | \"shown\": 3         | \"shown\": null       | bad-count",
            "absurd count             | \"shown\": 3         | \"shown\": 1001       | absurd-count",
            "huge count               | \"shown\": 3         | \"shown\": 99999999999999999999 | bad-count",
            "missing count            | \"shown\": 3,        | ''                    | missing-field",
            "text smuggled in a row   | \"ignored\": 0       | \"ignored\": 0, \"text\": \"Mrs Jones\" | unknown-field",
    })
    void badRowsAreRefused(String name, String find, String replace, String code) {
        String body = batch("2026-11-30", ROW.replace(find, replace));
        ApiError e = assertThrows(ApiError.class, () -> StatsBatchParser.parse(body, TODAY), body);
        assertEquals(code, e.code(), e.getMessage());
        assertFalse(e.getMessage().contains("Mrs Jones") || e.getMessage().contains("myspace"), "the detail does not echo values");
    }

    @Test
    void theSameCellTwiceInADayIsRefused() {
        ApiError e = assertThrows(ApiError.class, () -> StatsBatchParser.parse(batch("2026-11-30", ROW + "," + ROW), TODAY));
        assertEquals("duplicate-row", e.code());
    }

    @Test
    void moreDaysOrRowsThanTheExtensionSendsAreRefused() {
        StringBuilder days = new StringBuilder();
        for (int i = 1; i <= StatsGrid.MAX_DAYS_PER_BATCH + 1; i++) {
            if (i > 1) days.append(',');
            days.append("{\"day\": \"").append(TODAY.minusDays(i)).append("\", \"counts\": []}");
        }
        ApiError tooManyDays = assertThrows(ApiError.class, () -> StatsBatchParser.parse("{\"schema\": 1, \"days\": [" + days + "]}", TODAY));
        assertEquals("bad-days", tooManyDays.code());

        StringBuilder rows = new StringBuilder();
        for (int i = 0; i <= StatsGrid.cells(); i++) {
            if (i > 0) rows.append(',');
            rows.append(ROW);
        }
        ApiError tooManyRows = assertThrows(ApiError.class, () -> StatsBatchParser.parse(batch("2026-11-30", rows.toString()), TODAY));
        assertEquals("too-many-rows", tooManyRows.code());
    }

    @Test
    void aFullGridIsAccepted() {
        StringBuilder rows = new StringBuilder();
        for (String p : StatsGrid.PLATFORMS) {
            for (String c : StatsGrid.CATEGORIES) {
                for (String s : StatsGrid.SEVERITIES) {
                    if (!rows.isEmpty()) rows.append(',');
                    rows.append("{\"platform\":\"").append(p).append("\",\"category\":\"").append(c).append("\",\"severity\":\"")
                            .append(s).append("\",\"shown\":1,\"editedAway\":0,\"dismissed\":0,\"ignored\":2}");
                }
            }
        }
        assertEquals(273, StatsBatchParser.parse(batch("2026-11-30", rows.toString()), TODAY).days().get(0).rows().size());
    }
}
