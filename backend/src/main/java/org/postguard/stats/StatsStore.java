package org.postguard.stats;

import java.time.LocalDate;

/**
 * Where statistics aggregates live. {@link #add} folds a batch into the sums (the batch itself is
 * not kept); {@link #read} answers the sums for a range of days.
 *
 * <pre>{@code
 * try (StatsStore store = JdbcStatsStore.openSqlite(Path.of("stats.db"))) {
 *     store.add(batch);
 *     StatsTable table = store.read(LocalDate.now(ZoneOffset.UTC).minusDays(30), LocalDate.now(ZoneOffset.UTC));
 * }
 * }</pre>
 */
public interface StatsStore extends AutoCloseable {
    /** Adds every day report of the batch to the aggregates, all or nothing. */
    void add(StatsBatch batch);

    /** The aggregates of the days from {@code from} to {@code to}, both included. */
    StatsTable read(LocalDate from, LocalDate to);

    @Override
    void close();
}
