package org.postguard.stats;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every statistics store does, run against SQLite and against a real PostgreSQL. */
abstract class StatsStoreContract {
    static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    /** A JDBC URL of an empty database (a fresh one for every call). */
    abstract String freshUrl() throws Exception;

    abstract String user();

    abstract String password();

    JdbcStatsStore open(String url) {
        return JdbcStatsStore.open(url, user(), password());
    }

    Connection connect(String url) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        if (user() != null) p.setProperty("user", user());
        if (password() != null) p.setProperty("password", password());
        return DriverManager.getConnection(url, p);
    }

    static StatsBatch batch(LocalDate day, StatsBatch.Row... rows) {
        return new StatsBatch(List.of(new StatsBatch.DayReport(day, List.of(rows))));
    }

    @Test
    void opensAtTheLatestSchemaAndOnlyAggregateTablesExist() throws Exception {
        String url = freshUrl();
        try (JdbcStatsStore store = open(url)) {
            store.add(batch(DAY, new StatsBatch.Row("x", "confidentiality", "high", 3, 1, 0, 0)));
        }
        try (Connection c = connect(url)) {
            assertEquals(Migrations.STANDARD.getLast().version(), Migrations.current(c));
            List<String> tables = new ArrayList<>();
            try (ResultSet r = c.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
                while (r.next()) {
                    String schema = r.getString("TABLE_SCHEM");
                    if (schema == null || schema.equals("public")) tables.add(r.getString("TABLE_NAME").toLowerCase());
                }
            }
            tables.sort(null);
            assertEquals(List.of("schema_version", "stats_cells", "stats_days"), tables, "no table keeps batches");
        }
    }

    @Test
    void batchesAddUpAndReopeningKeepsThem() throws Exception {
        String url = freshUrl();
        try (JdbcStatsStore store = open(url)) {
            store.add(batch(DAY, new StatsBatch.Row("x", "confidentiality", "high", 3, 1, 0, 0),
                    new StatsBatch.Row("reddit", "respect", "low", 0, 0, 2, 0)));
            store.add(new StatsBatch(List.of(
                    new StatsBatch.DayReport(DAY, List.of(new StatsBatch.Row("x", "confidentiality", "high", 2, 0, 0, 5))),
                    new StatsBatch.DayReport(DAY.minusDays(1), List.of()))));
        }
        try (JdbcStatsStore store = open(url)) { // migrations run again: nothing changes
            StatsTable t = store.read(DAY.minusDays(10), DAY);
            assertEquals(2L, t.reports().get(DAY));
            assertEquals(1L, t.reports().get(DAY.minusDays(1)), "a day without rows still counts as a report");
            StatsTable.Cell x = t.cells().stream().filter(c -> c.platform().equals("x")).findFirst().orElseThrow();
            assertArrayEquals(new long[]{5, 1, 0, 5}, x.sums());
            assertArrayEquals(new long[]{2, 1, 0, 1}, x.nonzero());
            StatsTable.Cell reddit = t.cells().stream().filter(c -> c.platform().equals("reddit")).findFirst().orElseThrow();
            assertArrayEquals(new long[]{0, 0, 2, 0}, reddit.sums());
            assertEquals(2, t.cells().size());
            assertTrue(store.read(DAY.plusDays(1), DAY.plusDays(5)).reports().isEmpty(), "the range is respected");
        }
    }

    @Test
    void aLaterMigrationIsAppliedOnceOnTopOfTheDataAndANewerSchemaIsRefused() throws Exception {
        String url = freshUrl();
        try (JdbcStatsStore store = open(url)) {
            store.add(batch(DAY, new StatsBatch.Row("x", "boundaries", "medium", 4, 0, 0, 0)));
        }
        List<Migrations.Migration> later = new ArrayList<>(Migrations.STANDARD);
        later.add(new Migrations.Migration(Migrations.STANDARD.getLast().version() + 1, "/postguard/stats/test-later-migration.sql"));
        try (Connection c = connect(url)) {
            assertEquals(1, Migrations.apply(c, Dialect.of(url), later));
            assertEquals(1 + 1, Migrations.current(c));
            assertEquals(1 + 1, Migrations.apply(c, Dialect.of(url), later), "applied once only");
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT shown, note FROM stats_cells")) {
                r.next();
                assertEquals(4, r.getLong(1), "data survives the migration");
                assertEquals("none", r.getString(2));
            }
        }
        IllegalStateException newer = assertThrows(IllegalStateException.class, () -> open(url));
        assertTrue(newer.getMessage().contains("newer"), newer.getMessage());
    }

    @Test
    void aFailedMigrationLeavesTheDatabaseAsItWas() throws Exception {
        String url = freshUrl();
        try (JdbcStatsStore store = open(url)) {
            store.add(batch(DAY, new StatsBatch.Row("x", "boundaries", "medium", 4, 0, 0, 0)));
        }
        List<Migrations.Migration> broken = new ArrayList<>(Migrations.STANDARD);
        broken.add(new Migrations.Migration(2, "/postguard/stats/test-broken-migration.sql"));
        try (Connection c = connect(url)) {
            assertThrows(SQLException.class, () -> Migrations.apply(c, Dialect.of(url), broken));
            assertEquals(1, Migrations.current(c));
        }
        try (JdbcStatsStore store = open(url)) {
            assertEquals(1L, store.read(DAY, DAY).reports().get(DAY));
        }
    }
}
