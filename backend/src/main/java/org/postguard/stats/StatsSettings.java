package org.postguard.stats;

import java.nio.file.Path;

/**
 * Where the statistics collector keeps its aggregates: an SQLite file (default
 * {@code $XDG_DATA_HOME/postguard/stats.db}, else {@code ~/.local/share/postguard/stats.db}) or,
 * when a JDBC URL is set, a PostgreSQL database. {@code enabled = false} switches the collector
 * routes off (they answer 404).
 *
 * <pre>{@code
 * StatsSettings.defaults();                                           // SQLite in the user's data folder
 * StatsSettings.defaults().withSqliteFile(Path.of("stats.db"));       // another file
 * StatsSettings.defaults().withJdbc("jdbc:postgresql://db/postguard", "postguard", System.getenv("PGPASSWORD"));
 * }</pre>
 *
 * @param configured true when the file or URL was chosen explicitly (then the server opens the database at start, in
 *                   parallel, so a mistake shows at once; the default file is only created when first needed)
 */
public record StatsSettings(boolean enabled, Path sqliteFile, String jdbcUrl, String jdbcUser, String jdbcPassword,
                            boolean configured) {

    public static StatsSettings defaults() {
        return new StatsSettings(true, defaultFile(), null, null, null, false);
    }

    public static StatsSettings disabled() {
        return new StatsSettings(false, null, null, null, null, false);
    }

    /** {@code $XDG_DATA_HOME/postguard/stats.db}, else {@code ~/.local/share/postguard/stats.db}. */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("postguard").resolve("stats.db");
    }

    public StatsSettings withSqliteFile(Path file) {
        return new StatsSettings(true, file, null, null, null, true);
    }

    public StatsSettings withJdbc(String url, String user, String password) {
        Dialect.of(url); // refuses anything but SQLite and PostgreSQL URLs at once
        return new StatsSettings(true, sqliteFile, url, user, password, true);
    }

    /** Where the data goes, for the start-up line: never the password. */
    public String describe() {
        if (!enabled) {
            return "statistics collector off";
        }
        if (jdbcUrl != null) {
            return "statistics in " + Dialect.of(jdbcUrl).name().toLowerCase() + " " + jdbcUrl.replaceAll("password=[^&;]*", "password=***");
        }
        return "statistics in " + sqliteFile;
    }

    /** Opens the store these settings describe (creates or migrates the schema). */
    public StatsStore open() {
        if (!enabled) {
            throw new IllegalStateException("The statistics collector is off.");
        }
        return jdbcUrl != null ? JdbcStatsStore.open(jdbcUrl, jdbcUser, jdbcPassword) : JdbcStatsStore.openSqlite(sqliteFile);
    }

    @Override
    public String toString() {
        return describe(); // keeps the password out of any log line
    }
}
