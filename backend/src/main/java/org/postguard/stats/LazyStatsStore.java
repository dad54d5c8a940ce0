package org.postguard.stats;

import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * A store opened on first use (or by {@link #openInBackground()}), so the server starts without
 * waiting for the database. If opening fails, every use fails with the same
 * {@link IllegalStateException} until the server restarts.
 */
public final class LazyStatsStore implements StatsStore {
    private final Supplier<StatsStore> opener;
    private StatsStore store;
    private RuntimeException failure;

    public LazyStatsStore(Supplier<StatsStore> opener) {
        this.opener = opener;
    }

    /** Opens the database now on a daemon thread; a failure is printed once and kept. */
    public void openInBackground() {
        Thread t = new Thread(() -> {
            try {
                store();
            } catch (RuntimeException e) {
                System.err.println("postguard: " + e.getMessage());
            }
        }, "postguard-stats-open");
        t.setDaemon(true);
        t.start();
    }

    private synchronized StatsStore store() {
        if (failure != null) {
            throw failure;
        }
        if (store == null) {
            try {
                store = opener.get();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return store;
    }

    @Override
    public void add(StatsBatch batch) {
        store().add(batch);
    }

    @Override
    public StatsTable read(LocalDate from, LocalDate to) {
        return store().read(from, to);
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
