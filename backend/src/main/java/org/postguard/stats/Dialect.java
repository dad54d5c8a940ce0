package org.postguard.stats;

/** The databases the statistics store runs on; the SQL is the same except where noted. */
public enum Dialect {
    /** An embedded SQLite file (the default). */
    SQLITE,
    /** A PostgreSQL server (an organisation's collector). */
    POSTGRESQL;

    /** The dialect of a JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql://...}). */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Statistics need a jdbc:sqlite: or jdbc:postgresql: URL.");
    }
}
