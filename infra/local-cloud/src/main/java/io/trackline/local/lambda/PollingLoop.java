package io.trackline.local.lambda;

import io.trackline.aws.log.Log;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The thread behind an emulated event source mapping: polls until closed, waits {@code idle} after a poll that found
 * nothing (sources without a long poll), and outlives a failed poll (logged, retried after a second) as Lambda's
 * pollers do.
 */
final class PollingLoop implements AutoCloseable {
    private static final Log LOG = Log.of(PollingLoop.class);

    private final String name;
    private final BooleanSupplier pollOnce;
    private final Duration idle;
    private final Duration longestPoll;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param pollOnce    one poll and its invocation; true if it found something
     * @param longestPoll how long one poll may block (a long poll's wait), for {@link #close()}
     */
    PollingLoop(String name, BooleanSupplier pollOnce, Duration idle, Duration longestPoll) {
        this.name = name;
        this.pollOnce = pollOnce;
        this.idle = idle;
        this.longestPoll = longestPoll;
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    boolean running() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                if (!pollOnce.getAsBoolean()) sleep(idle);
            } catch (RuntimeException e) {
                if (!running) return;
                LOG.error("poll failed", "poller", name, "error", e.toString());
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(longestPoll.plus(idle).plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) return;
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
