package org.postguard.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and upgrades the statistics schema on start: SQL resources applied in version order,
 * each in the same transaction as its row in {@code schema_version}, so a failed upgrade leaves
 * the database as it was.
 *
 * <pre>{@code
 * Migrations.apply(connection, Dialect.SQLITE, Migrations.STANDARD);   // now at Migrations.latest()
 * }</pre>
 */
public final class Migrations {
    /** One schema change: the version it brings the database to, and its SQL resource. */
    public record Migration(int version, String resource) {
    }

    /** The migrations of this PostGuard version, oldest first. */
    public static final List<Migration> STANDARD = List.of(
            new Migration(1, "/postguard/stats/V1__aggregates.sql"));

    private Migrations() {
    }

    /** Brings the database to the last of {@code migrations}; answers the version it was at before. */
    public static int apply(Connection connection, Dialect dialect, List<Migration> migrations) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            int before;
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_on VARCHAR(10) NOT NULL)");
                if (dialect == Dialect.POSTGRESQL) {
                    // Two collectors starting at once: the second waits, then sees the first's work.
                    s.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
                }
                before = current(s);
            }
            int latest = migrations.isEmpty() ? 0 : migrations.getLast().version();
            if (before > latest) {
                throw new SQLException("The statistics database is at schema version " + before
                        + ", newer than this PostGuard knows (" + latest + "); use a newer PostGuard.");
            }
            for (Migration m : migrations) {
                if (m.version() <= before) {
                    continue;
                }
                try (Statement s = connection.createStatement()) {
                    for (String sql : statements(m.resource())) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_version (version, applied_on) VALUES (?, ?)")) {
                    insert.setInt(1, m.version());
                    insert.setString(2, LocalDate.now(ZoneOffset.UTC).toString());
                    insert.executeUpdate();
                }
            }
            connection.commit();
            return before;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The version the database is at (0 when new). */
    public static int current(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            return current(s);
        }
    }

    private static int current(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            r.next();
            return r.getInt(1);
        }
    }

    /** The statements of a resource: split at semicolons that end a line, "--" comments dropped. */
    static List<String> statements(String resource) {
        String sql;
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration " + resource);
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
