package org.postguard.server;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets at most {@code running} checks run at once. A check that finds them all busy waits its
 * turn (first come, first served) for up to {@code wait}, in a queue of at most {@code waiting};
 * only when the queue is full or the wait runs out is it refused, and the server answers 429.
 *
 * <pre>{@code
 * CheckGate gate = new CheckGate(2, 256, Duration.ofSeconds(10));
 * if (gate.enter()) {
 *     try { ... } finally { gate.leave(); }
 * }
 * }</pre>
 */
final class CheckGate {
    private final Semaphore running;
    private final int maxWaiting;
    private final long waitNanos;
    private final AtomicInteger waiting = new AtomicInteger();

    CheckGate(int maxRunning, int maxWaiting, Duration wait) {
        if (maxRunning < 1 || maxWaiting < 0 || wait.isNegative()) {
            throw new IllegalArgumentException("a check gate needs at least one running check and no negative queue or wait");
        }
        this.running = new Semaphore(maxRunning, true);
        this.maxWaiting = maxWaiting;
        this.waitNanos = wait.toNanos();
    }

    /** Takes a place to run a check, waiting in the queue if need be; false when refused. */
    boolean enter() throws InterruptedException {
        if (running.tryAcquire(0, TimeUnit.NANOSECONDS)) { // honours the queue's order, unlike tryAcquire()
            return true;
        }
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return running.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Gives back the place taken by a successful {@link #enter()}. */
    void leave() {
        running.release();
    }

    /** Checks waiting in the queue now. */
    int waiting() {
        return waiting.get();
    }
}
