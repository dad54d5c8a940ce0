package org.postguard.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test reports made the way the extension makes them (common/stats.js): every grid cell's true
 * counts plus two-sided geometric noise of parameter e^-epsilon, clamped at 0, all-zero rows left out.
 */
final class NoisyReports {
    private final Random random;

    NoisyReports(long seed) {
        this.random = new Random(seed);
    }

    /** Noise with P(k) proportional to alpha^|k|: the difference of two geometric variables. */
    int noise() {
        return geometric() - geometric();
    }

    private int geometric() {
        double u = 1.0 - random.nextDouble(); // (0, 1]
        return (int) Math.floor(-Math.log(u) / StatsGrid.EPSILON_PER_COUNT);
    }

    int noisy(int count) {
        return Math.max(0, count + noise());
    }

    /** One device's report of one day whose true counts are {@code truth} (cell index -> 4 counts; missing = 0). */
    StatsBatch.DayReport report(LocalDate day, java.util.function.IntFunction<int[]> truth) {
        List<StatsBatch.Row> rows = new ArrayList<>();
        int cell = 0;
        for (String p : StatsGrid.PLATFORMS) {
            for (String c : StatsGrid.CATEGORIES) {
                for (String s : StatsGrid.SEVERITIES) {
                    int[] t = truth.apply(cell++);
                    int[] n = new int[4];
                    boolean any = false;
                    for (int k = 0; k < 4; k++) {
                        n[k] = noisy(t == null ? 0 : t[k]);
                        any |= n[k] > 0;
                    }
                    if (any) {
                        rows.add(new StatsBatch.Row(p, c, s, n[0], n[1], n[2], n[3]));
                    }
                }
            }
        }
        return new StatsBatch.DayReport(day, rows);
    }

    /** The grid index of a cell, in the order reports list them. */
    static int cell(String platform, String category, String severity) {
        return (StatsGrid.PLATFORMS.indexOf(platform) * StatsGrid.CATEGORIES.size() + StatsGrid.CATEGORIES.indexOf(category))
                * StatsGrid.SEVERITIES.size() + StatsGrid.SEVERITIES.indexOf(severity);
    }
}
