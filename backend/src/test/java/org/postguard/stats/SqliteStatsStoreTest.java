package org.postguard.stats;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The statistics store on an embedded SQLite file. */
class SqliteStatsStoreTest extends StatsStoreContract {
    @TempDir
    Path dir;
    private final AtomicInteger files = new AtomicInteger();

    @Override
    String freshUrl() {
        return "jdbc:sqlite:" + dir.resolve("stats-" + files.incrementAndGet() + ".db");
    }

    @Override
    String user() {
        return null;
    }

    @Override
    String password() {
        return null;
    }
}
