package org.postguard.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.postguard.stats.StatsBatch;
import org.postguard.stats.StatsGrid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and strictly validates the body of {@code POST /api/v1/stats}; anything wrong is an
 * {@link ApiError} 400 naming where (e.g. {@code days[0].counts[3].shown}), never echoing values.
 *
 * <pre>{@code
 * {"schema": 1, "days": [{"day": "2026-11-30", "counts": [{"platform": "x", "category": "confidentiality",
 *   "severity": "high", "shown": 3, "editedAway": 1, "dismissed": 1, "ignored": 0}]}]}
 * }</pre>
 *
 * Refused: unknown or missing fields at any level, another schema, unknown platforms, categories
 * or severities, counts that are not whole numbers in 0..{@value StatsGrid#MAX_COUNT}, days in the
 * future (after the server's UTC today) or more than {@value StatsGrid#MAX_AGE_DAYS} days old, the
 * same day twice, the same cell twice in a day, more than {@value StatsGrid#MAX_DAYS_PER_BATCH}
 * days, and so more than 7 &times; 273 rows.
 */
final class StatsBatchParser {
    private static final Set<String> BATCH_FIELDS = Set.of("schema", "days");
    private static final Set<String> DAY_FIELDS = Set.of("day", "counts");
    private static final Set<String> ROW_FIELDS;
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final String EXAMPLE = "{\"schema\": 1, \"days\": [{\"day\": \"2026-11-30\", \"counts\": [...]}]}";

    static {
        Set<String> fields = new HashSet<>(List.of("platform", "category", "severity"));
        fields.addAll(StatsGrid.COUNTS);
        ROW_FIELDS = Set.copyOf(fields);
    }

    private StatsBatchParser() {
    }

    static StatsBatch parse(String body, LocalDate today) {
        JsonObject json = StrictJson.object(body, EXAMPLE);
        onlyFields(json, BATCH_FIELDS, "the batch");
        JsonElement schema = json.get("schema");
        if (!isInteger(schema) || schema.getAsBigDecimal().intValueExact() != StatsGrid.SCHEMA) {
            throw bad("bad-schema", "\"schema\" must be " + StatsGrid.SCHEMA + ", the only batch format this server knows.");
        }
        JsonArray days = array(json.get("days"), "days");
        if (days.isEmpty() || days.size() > StatsGrid.MAX_DAYS_PER_BATCH) {
            throw bad("bad-days", "\"days\" must hold 1 to " + StatsGrid.MAX_DAYS_PER_BATCH + " day reports.");
        }
        List<StatsBatch.DayReport> reports = new ArrayList<>(days.size());
        Set<LocalDate> seenDays = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            String where = "days[" + i + "]";
            JsonObject day = object(days.get(i), where);
            onlyFields(day, DAY_FIELDS, where);
            LocalDate date = day(day.get("day"), where + ".day", today);
            if (!seenDays.add(date)) {
                throw bad("duplicate-day", where + ".day repeats a day already in this batch.");
            }
            JsonArray counts = array(day.get("counts"), where + ".counts");
            if (counts.size() > StatsGrid.cells()) {
                throw bad("too-many-rows", where + ".counts holds more rows than the " + StatsGrid.cells() + " cells of the grid.");
            }
            List<StatsBatch.Row> rows = new ArrayList<>(counts.size());
            Set<String> cells = new HashSet<>();
            for (int j = 0; j < counts.size(); j++) {
                StatsBatch.Row row = row(counts.get(j), where + ".counts[" + j + "]");
                if (!cells.add(row.platform() + "|" + row.category() + "|" + row.severity())) {
                    throw bad("duplicate-row", where + ".counts[" + j + "] repeats a platform, category and severity already in that day.");
                }
                rows.add(row);
            }
            reports.add(new StatsBatch.DayReport(date, rows));
        }
        return new StatsBatch(reports);
    }

    private static StatsBatch.Row row(JsonElement element, String where) {
        JsonObject row = object(element, where);
        onlyFields(row, ROW_FIELDS, where);
        String platform = known(row.get("platform"), StatsGrid.PLATFORMS, where + ".platform", "platform");
        String category = known(row.get("category"), StatsGrid.CATEGORIES, where + ".category", "category");
        String severity = known(row.get("severity"), StatsGrid.SEVERITIES, where + ".severity", "severity");
        int[] counts = new int[StatsGrid.COUNTS.size()];
        for (int k = 0; k < counts.length; k++) {
            String name = StatsGrid.COUNTS.get(k);
            counts[k] = count(row.get(name), where + "." + name);
        }
        return new StatsBatch.Row(platform, category, severity, counts[0], counts[1], counts[2], counts[3]);
    }

    private static int count(JsonElement value, String where) {
        if (!isInteger(value)) {
            throw bad("bad-count", where + " must be a whole number from 0 to " + StatsGrid.MAX_COUNT + ".");
        }
        BigDecimal number = value.getAsBigDecimal();
        if (number.signum() < 0) {
            throw bad("negative-count", where + " is negative; counts are never below 0.");
        }
        if (number.compareTo(BigDecimal.valueOf(StatsGrid.MAX_COUNT)) > 0) {
            throw bad("absurd-count", where + " is over " + StatsGrid.MAX_COUNT + ", more warnings than anyone sees in a day.");
        }
        return number.intValueExact();
    }

    /** A JSON number with no fraction and no exponent trickery: 3, not 3.5, "3", true or 3e0. */
    private static boolean isInteger(JsonElement value) {
        if (value == null || !value.isJsonPrimitive()) {
            return false;
        }
        JsonPrimitive p = value.getAsJsonPrimitive();
        return p.isNumber() && p.getAsString().matches("-?(0|[1-9][0-9]{0,9})");
    }

    private static LocalDate day(JsonElement value, String where, LocalDate today) {
        String text = value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : "";
        LocalDate date;
        try {
            if (!DAY.matcher(text).matches()) {
                throw new DateTimeParseException("not yyyy-mm-dd", text, 0);
            }
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw bad("bad-day", where + " must be a date written yyyy-mm-dd, such as \"2026-11-30\".");
        }
        if (date.isAfter(today)) {
            throw bad("future-day", where + " is after today (UTC) on this server; only completed days are reported.");
        }
        if (date.isBefore(today.minusDays(StatsGrid.MAX_AGE_DAYS))) {
            throw bad("old-day", where + " is more than " + StatsGrid.MAX_AGE_DAYS + " days old.");
        }
        return date;
    }

    private static String known(JsonElement value, List<String> allowed, String where, String what) {
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()
                || !allowed.contains(value.getAsString())) {
            throw bad("unknown-" + what, where + " must be one of the known " + what + " ids: " + String.join(", ", allowed) + ".");
        }
        return value.getAsString();
    }

    private static void onlyFields(JsonObject json, Set<String> allowed, String where) {
        for (String key : json.keySet()) {
            if (!allowed.contains(key)) {
                throw bad("unknown-field", where + " has a field that is not part of schema " + StatsGrid.SCHEMA
                        + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ").");
            }
        }
        for (String key : allowed) {
            if (!json.has(key)) {
                throw bad("missing-field", where + " needs the field \"" + key + "\".");
            }
        }
    }

    private static JsonObject object(JsonElement element, String where) {
        if (element == null || !element.isJsonObject()) {
            throw bad("not-an-object", where + " must be a JSON object.");
        }
        return element.getAsJsonObject();
    }

    private static JsonArray array(JsonElement element, String where) {
        if (element == null || !element.isJsonArray()) {
            throw bad("not-an-array", where + " must be a JSON array.");
        }
        return element.getAsJsonArray();
    }

    private static ApiError bad(String code, String detail) {
        return new ApiError(400, code, detail);
    }
}
