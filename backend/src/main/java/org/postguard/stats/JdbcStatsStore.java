package org.postguard.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The statistics aggregates in SQLite or PostgreSQL through JDBC. One connection, used by one
 * thread at a time (reports arrive at most once a day per device), re-opened if it breaks.
 * The schema is created or upgraded when the store opens ({@link Migrations}).
 *
 * <pre>{@code
 * StatsStore sqlite = JdbcStatsStore.openSqlite(Path.of("/var/lib/postguard/stats.db"));
 * StatsStore postgres = JdbcStatsStore.open("jdbc:postgresql://db.example.org/postguard", "postguard", secret);
 * }</pre>
 */
public final class JdbcStatsStore implements StatsStore {
    private static final String UPSERT_DAY = """
            INSERT INTO stats_days (day, reports) VALUES (?, 1)
            ON CONFLICT (day) DO UPDATE SET reports = stats_days.reports + 1""";
    // The same ON CONFLICT upsert works in SQLite (3.24+) and PostgreSQL (9.5+).
    private static final String UPSERT_CELL = """
            INSERT INTO stats_cells (day, platform, category, severity, shown, shown_nonzero, edited_away,
                edited_away_nonzero, dismissed, dismissed_nonzero, ignored, ignored_nonzero)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (day, platform, category, severity) DO UPDATE SET
                shown = stats_cells.shown + excluded.shown,
                shown_nonzero = stats_cells.shown_nonzero + excluded.shown_nonzero,
                edited_away = stats_cells.edited_away + excluded.edited_away,
                edited_away_nonzero = stats_cells.edited_away_nonzero + excluded.edited_away_nonzero,
                dismissed = stats_cells.dismissed + excluded.dismissed,
                dismissed_nonzero = stats_cells.dismissed_nonzero + excluded.dismissed_nonzero,
                ignored = stats_cells.ignored + excluded.ignored,
                ignored_nonzero = stats_cells.ignored_nonzero + excluded.ignored_nonzero""";
    private static final String SELECT_DAYS = "SELECT day, reports FROM stats_days WHERE day >= ? AND day <= ? ORDER BY day";
    private static final String SELECT_CELLS = """
            SELECT day, platform, category, severity, shown, edited_away, dismissed, ignored,
                shown_nonzero, edited_away_nonzero, dismissed_nonzero, ignored_nonzero
            FROM stats_cells WHERE day >= ? AND day <= ? ORDER BY day, platform, category, severity""";

    private final String url;
    private final Properties credentials;
    private final Dialect dialect;
    private Connection connection;

    private JdbcStatsStore(String url, Properties credentials) throws SQLException {
        this.url = url;
        this.credentials = credentials;
        this.dialect = Dialect.of(url);
        this.connection = connect();
        Migrations.apply(connection, dialect, Migrations.STANDARD);
    }

    /** An SQLite file, created with its folders when missing. */
    public static JdbcStatsStore openSqlite(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of the statistics database " + file, e);
        }
        return open("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
    }

    /** Any supported JDBC URL; user and password may be null (SQLite needs none). */
    public static JdbcStatsStore open(String jdbcUrl, String user, String password) {
        Properties credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        try {
            return new JdbcStatsStore(jdbcUrl, credentials);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the statistics database (" + Dialect.of(jdbcUrl).name().toLowerCase()
                    + "): " + e.getMessage(), e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, credentials);
        if (dialect == Dialect.SQLITE) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
            }
        }
        return c;
    }

    private Connection connection() throws SQLException {
        if (connection == null || !connection.isValid(2)) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // broken already
                }
            }
            connection = connect();
        }
        return connection;
    }

    @Override
    public synchronized void add(StatsBatch batch) {
        try {
            Connection c = connection();
            c.setAutoCommit(false);
            try (PreparedStatement day = c.prepareStatement(UPSERT_DAY); PreparedStatement cell = c.prepareStatement(UPSERT_CELL)) {
                for (StatsBatch.DayReport report : batch.days()) {
                    String date = report.day().toString();
                    day.setString(1, date);
                    day.executeUpdate();
                    for (StatsBatch.Row row : report.rows()) {
                        cell.setString(1, date);
                        cell.setString(2, row.platform());
                        cell.setString(3, row.category());
                        cell.setString(4, row.severity());
                        int[] counts = row.counts();
                        for (int k = 0; k < counts.length; k++) {
                            cell.setLong(5 + 2 * k, counts[k]);
                            cell.setLong(6 + 2 * k, counts[k] > 0 ? 1 : 0);
                        }
                        cell.addBatch();
                    }
                }
                cell.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the statistics: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized StatsTable read(LocalDate from, LocalDate to) {
        try {
            Connection c = connection();
            Map<LocalDate, Long> reports = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement(SELECT_DAYS)) {
                s.setString(1, from.toString());
                s.setString(2, to.toString());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        reports.put(LocalDate.parse(r.getString(1)), r.getLong(2));
                    }
                }
            }
            List<StatsTable.Cell> cells = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(SELECT_CELLS)) {
                s.setString(1, from.toString());
                s.setString(2, to.toString());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long[] sums = {r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8)};
                        long[] nonzero = {r.getLong(9), r.getLong(10), r.getLong(11), r.getLong(12)};
                        cells.add(new StatsTable.Cell(LocalDate.parse(r.getString(1)), r.getString(2), r.getString(3),
                                r.getString(4), sums, nonzero));
                    }
                }
            }
            return StatsTable.of(reports, cells);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the statistics: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
            connection = null;
        }
    }
}
