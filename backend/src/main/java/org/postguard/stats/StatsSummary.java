package org.postguard.stats;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the dashboard shows: estimated counts per day and category, per platform, per category and
 * severity, and the share of warnings edited away, from days with at least
 * {@value StatsGrid#MIN_REPORTS} reports only. A day with fewer reports is listed with its report
 * count but contributes to no number.
 *
 * <p>Every number is an unbiased estimate of the true total: the sum of the observed counts, with
 * each observed 0 (and each left-out all-zero row) standing for {@link StatsGrid#zeroEstimate()}.
 * Every report covers every cell of the grid, so a cell's contributing reports are its day's reports.
 *
 * <pre>{@code
 * StatsSummary summary = StatsSummary.of(store.read(from, to), from, to);
 * String json = summary.toJson().toString();
 * String csv = summary.toCsv();
 * }</pre>
 */
public final class StatsSummary {
    private final StatsTable table;
    private final LocalDate from;
    private final LocalDate to;
    private final Set<LocalDate> shownDays = new TreeSet<>();

    private StatsSummary(StatsTable table, LocalDate from, LocalDate to) {
        this.table = table;
        this.from = from;
        this.to = to;
        table.reports().forEach((day, reports) -> {
            if (reports >= StatsGrid.MIN_REPORTS) {
                shownDays.add(day);
            }
        });
    }

    public static StatsSummary of(StatsTable table, LocalDate from, LocalDate to) {
        return new StatsSummary(table, from, to);
    }

    /** Sums for one aggregate: observed sums and non-zero counts, and how many observations (report &times; cell). */
    private static final class Acc {
        final long[] sums = new long[4];
        final long[] nonzero = new long[4];
        long observations;

        void add(StatsTable.Cell cell) {
            for (int k = 0; k < 4; k++) {
                sums[k] += cell.sums()[k];
                nonzero[k] += cell.nonzero()[k];
            }
        }

        double estimate(int k) {
            return sums[k] + (observations - nonzero[k]) * StatsGrid.zeroEstimate();
        }
    }

    private long reports(LocalDate day) {
        return table.reports().getOrDefault(day, 0L);
    }

    private Map<String, Acc> group(java.util.function.Function<StatsTable.Cell, String> key, List<String> keys, int cellsPerKey) {
        Map<String, Acc> groups = new LinkedHashMap<>();
        for (String k : keys) {
            Acc acc = new Acc();
            for (LocalDate day : shownDays) {
                acc.observations += reports(day) * cellsPerKey;
            }
            groups.put(k, acc);
        }
        for (StatsTable.Cell cell : table.cells()) {
            if (shownDays.contains(cell.day())) {
                Acc acc = groups.get(key.apply(cell));
                if (acc != null) {
                    acc.add(cell);
                }
            }
        }
        return groups;
    }

    /** The summary as {@code GET /api/v1/stats/summary} answers it (shape in extension/README.md). */
    public JsonObject toJson() {
        int p = StatsGrid.PLATFORMS.size();
        int c = StatsGrid.CATEGORIES.size();
        int s = StatsGrid.SEVERITIES.size();
        JsonObject json = new JsonObject();
        json.addProperty("schema", StatsGrid.SCHEMA);
        json.addProperty("from", from.toString());
        json.addProperty("to", to.toString());
        json.addProperty("minReports", StatsGrid.MIN_REPORTS);
        JsonObject noise = new JsonObject();
        noise.addProperty("mechanism", "two-sided geometric, clamped at 0, on the device");
        noise.addProperty("epsilonPerCount", StatsGrid.EPSILON_PER_COUNT);
        noise.addProperty("zeroEstimate", round(StatsGrid.zeroEstimate(), 4));
        json.add("noise", noise);
        json.add("platforms", strings(StatsGrid.PLATFORMS));
        json.add("categories", strings(StatsGrid.CATEGORIES));
        json.add("severities", strings(StatsGrid.SEVERITIES));

        long reportsTotal = 0;
        long reportsShown = 0;
        JsonArray days = new JsonArray();
        for (Map.Entry<LocalDate, Long> e : table.reports().entrySet()) {
            reportsTotal += e.getValue();
            boolean shown = shownDays.contains(e.getKey());
            JsonObject day = new JsonObject();
            day.addProperty("day", e.getKey().toString());
            day.addProperty("reports", e.getValue());
            day.addProperty("suppressed", !shown);
            if (shown) {
                reportsShown += e.getValue();
                Acc acc = new Acc();
                acc.observations = e.getValue() * StatsGrid.cells();
                table.cells().stream().filter(cell -> cell.day().equals(e.getKey())).forEach(acc::add);
                counts(day, acc);
            }
            days.add(day);
        }
        json.addProperty("reports", reportsTotal);
        json.addProperty("reportsShown", reportsShown);
        json.addProperty("daysSuppressed", table.reports().size() - shownDays.size());
        json.add("days", days);

        JsonArray byDayCategory = new JsonArray();
        for (LocalDate day : shownDays) {
            Map<String, Acc> groups = new LinkedHashMap<>();
            for (String category : StatsGrid.CATEGORIES) {
                Acc acc = new Acc();
                acc.observations = reports(day) * p * s;
                groups.put(category, acc);
            }
            table.cells().stream().filter(cell -> cell.day().equals(day)).forEach(cell -> groups.get(cell.category()).add(cell));
            groups.forEach((category, acc) -> {
                JsonObject row = new JsonObject();
                row.addProperty("day", day.toString());
                row.addProperty("category", category);
                counts(row, acc);
                byDayCategory.add(row);
            });
        }
        json.add("byDayCategory", byDayCategory);
        json.add("byPlatform", rows("platform", group(StatsTable.Cell::platform, StatsGrid.PLATFORMS, c * s)));
        json.add("byCategory", rows("category", group(StatsTable.Cell::category, StatsGrid.CATEGORIES, p * s)));
        json.add("bySeverity", rows("severity", group(StatsTable.Cell::severity, StatsGrid.SEVERITIES, p * c)));
        Map<String, Acc> all = group(cell -> "all", List.of("all"), StatsGrid.cells());
        JsonObject totals = new JsonObject();
        counts(totals, all.get("all"));
        json.add("totals", totals);
        return json;
    }

    /**
     * Every grid cell of every day with enough reports: the day's reports, the unbiased estimates
     * (two decimals, not clamped, so columns add up), and the stored sums and non-zero counts.
     */
    public String toCsv() {
        StringBuilder csv = new StringBuilder("day,platform,category,severity,reports,"
                + "shown_estimate,edited_away_estimate,dismissed_estimate,ignored_estimate,"
                + "shown_sum,shown_nonzero,edited_away_sum,edited_away_nonzero,dismissed_sum,dismissed_nonzero,ignored_sum,ignored_nonzero\r\n");
        Map<String, StatsTable.Cell> stored = new LinkedHashMap<>();
        for (StatsTable.Cell cell : table.cells()) {
            stored.put(cell.day() + "|" + cell.platform() + "|" + cell.category() + "|" + cell.severity(), cell);
        }
        for (LocalDate day : shownDays) {
            for (String platform : StatsGrid.PLATFORMS) {
                for (String category : StatsGrid.CATEGORIES) {
                    for (String severity : StatsGrid.SEVERITIES) {
                        Acc acc = new Acc();
                        acc.observations = reports(day);
                        StatsTable.Cell cell = stored.get(day + "|" + platform + "|" + category + "|" + severity);
                        if (cell != null) {
                            acc.add(cell);
                        }
                        csv.append(day).append(',').append(platform).append(',').append(category).append(',')
                                .append(severity).append(',').append(reports(day));
                        for (int k = 0; k < 4; k++) {
                            csv.append(',').append(String.format(Locale.ROOT, "%.2f", acc.estimate(k)));
                        }
                        for (int k = 0; k < 4; k++) {
                            csv.append(',').append(acc.sums[k]).append(',').append(acc.nonzero[k]);
                        }
                        csv.append("\r\n");
                    }
                }
            }
        }
        return csv.toString();
    }

    private static JsonArray rows(String name, Map<String, Acc> groups) {
        JsonArray rows = new JsonArray();
        groups.forEach((key, acc) -> {
            JsonObject row = new JsonObject();
            row.addProperty(name, key);
            counts(row, acc);
            rows.add(row);
        });
        return rows;
    }

    /** Adds the four estimates (rounded, at least 0) and the share of shown warnings edited away. */
    private static void counts(JsonObject row, Acc acc) {
        long[] shown = new long[4];
        for (int k = 0; k < 4; k++) {
            shown[k] = Math.max(0, Math.round(acc.estimate(k)));
            row.addProperty(StatsGrid.COUNTS.get(k), shown[k]);
        }
        if (shown[0] > 0) {
            row.addProperty("editedAwayShare", round(Math.min(1.0, (double) shown[1] / shown[0]), 3));
        } else {
            row.add("editedAwayShare", com.google.gson.JsonNull.INSTANCE);
        }
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
