-- PostGuard statistics, schema 1: aggregates only. A received batch is added to these sums and
-- then forgotten; nothing here can tell one report (or one doctor) from another.

-- How many reports (one device, one UTC day) were received for each day.
CREATE TABLE stats_days (
    day VARCHAR(10) NOT NULL PRIMARY KEY,
    reports BIGINT NOT NULL
);

-- Per day and grid cell, the sum of the noisy counts of every report and, for each count, how
-- many reports had it at 1 or more (what the unbiased estimate needs: see StatsGrid.zeroEstimate).
CREATE TABLE stats_cells (
    day VARCHAR(10) NOT NULL,
    platform VARCHAR(40) NOT NULL,
    category VARCHAR(40) NOT NULL,
    severity VARCHAR(10) NOT NULL,
    shown BIGINT NOT NULL,
    shown_nonzero BIGINT NOT NULL,
    edited_away BIGINT NOT NULL,
    edited_away_nonzero BIGINT NOT NULL,
    dismissed BIGINT NOT NULL,
    dismissed_nonzero BIGINT NOT NULL,
    ignored BIGINT NOT NULL,
    ignored_nonzero BIGINT NOT NULL,
    PRIMARY KEY (day, platform, category, severity)
);
