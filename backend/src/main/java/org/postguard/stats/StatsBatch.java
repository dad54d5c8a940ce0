package org.postguard.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * One validated batch of statistics: reports for one or more completed days, each with the rows
 * whose noisy counts were not all zero. Holds nothing but days, grid coordinates and counts.
 */
public record StatsBatch(List<DayReport> days) {
    public StatsBatch {
        days = List.copyOf(days);
    }

    /** One device's noisy counts for one UTC day. */
    public record DayReport(LocalDate day, List<Row> rows) {
        public DayReport {
            rows = List.copyOf(rows);
        }
    }

    /** One grid cell's four noisy counts. */
    public record Row(String platform, String category, String severity,
                      int shown, int editedAway, int dismissed, int ignored) {
        /** The counts in {@link StatsGrid#COUNTS} order. */
        public int[] counts() {
            return new int[]{shown, editedAway, dismissed, ignored};
        }
    }
}
