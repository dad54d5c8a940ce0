package org.postguard.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The stored aggregates of a range of days: reports received per day, and per day and cell the
 * sums of the noisy counts with how many reports had each count at 1 or more.
 */
public record StatsTable(SortedMap<LocalDate, Long> reports, List<Cell> cells) {
    public StatsTable {
        reports = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(reports));
        cells = List.copyOf(cells);
    }

    public static StatsTable of(Map<LocalDate, Long> reports, List<Cell> cells) {
        return new StatsTable(new TreeMap<>(reports), cells);
    }

    /**
     * One day's cell. {@code sums[k]} and {@code nonzero[k]} follow {@link StatsGrid#COUNTS}:
     * shown, editedAway, dismissed, ignored.
     */
    public record Cell(LocalDate day, String platform, String category, String severity, long[] sums, long[] nonzero) {
    }
}
