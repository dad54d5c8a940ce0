package org.postguard.stats;

import org.postguard.check.Category;
import org.postguard.check.Severity;

import java.util.Arrays;
import java.util.List;

/**
 * What a statistics report of schema 1 may hold, and how its noise was made. The extension keeps
 * the same lists in {@code extension/webext/common/stats.js} (a test compares them).
 *
 * <p>A report is one device's counts for one UTC day: for every cell of the grid
 * (platform &times; category &times; severity) four counts: warnings shown, edited away before
 * posting, dismissed ("Ignore") and ignored for good ("Don't warn about this phrase again"). Each
 * count is noised on the device with two-sided geometric noise of parameter
 * {@code alpha = exp(-EPSILON_PER_COUNT)} and clamped at 0; rows whose four noisy counts are all 0
 * are left out (they still count as zeros).
 *
 * <pre>{@code
 * StatsGrid.PLATFORMS.contains("x");           // true
 * StatsGrid.cells();                            // 13 platforms * 7 categories * 3 severities = 273
 * StatsGrid.zeroEstimate();                     // -0.582: what an observed 0 stands for, unbiased
 * }</pre>
 */
public final class StatsGrid {
    /** The batch format's version ({@code "schema": 1}). */
    public static final int SCHEMA = 1;
    /** The {@code platform} ids the extension's site adapters report. */
    public static final List<String> PLATFORMS = List.of("x", "facebook", "messenger", "linkedin", "instagram",
            "reddit", "youtube", "whatsapp", "threads", "bluesky", "mastodon", "doctors.net.uk", "generic");
    public static final List<String> CATEGORIES = Arrays.stream(Category.values()).map(Category::id).toList();
    public static final List<String> SEVERITIES = Arrays.stream(Severity.values()).map(Severity::id).toList();
    /** The four counts of a row, in batch (JSON) spelling. */
    public static final List<String> COUNTS = List.of("shown", "editedAway", "dismissed", "ignored");

    /** Privacy budget of one count of one report: changing a true count by 1 changes its report's odds by at most e^1. */
    public static final double EPSILON_PER_COUNT = 1.0;
    /** No true daily count reaches this; a larger (noisy) count is refused as absurd. */
    public static final int MAX_COUNT = 1000;
    /** A batch holds at most this many days (the extension keeps at most 7 unsent days). */
    public static final int MAX_DAYS_PER_BATCH = 7;
    /** Days older than this many days before the server's UTC today are refused. */
    public static final int MAX_AGE_DAYS = 31;
    /** A number is shown only when it comes from days with at least this many reports each. */
    public static final int MIN_REPORTS = 5;

    private StatsGrid() {
    }

    /** Cells per report: platforms &times; categories &times; severities. */
    public static int cells() {
        return PLATFORMS.size() * CATEGORIES.size() * SEVERITIES.size();
    }

    /** The noise parameter alpha = e^-epsilon: P(noise = k) is proportional to alpha^|k|. */
    public static double alpha() {
        return Math.exp(-EPSILON_PER_COUNT);
    }

    /**
     * The unbiased estimate an observed 0 stands for: {@code -alpha / (1 - alpha)}. An observed
     * y &ge; 1 stands for y. With noise clamped at 0 the expected sum of these estimates is exactly
     * the true count, whatever it is (see the README's Statistics section for the derivation).
     */
    public static double zeroEstimate() {
        double a = alpha();
        return -a / (1 - a);
    }
}
