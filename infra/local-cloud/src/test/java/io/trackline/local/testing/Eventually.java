package io.trackline.local.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits, bounded, for something the local cloud does asynchronously. */
public final class Eventually {
    /**
     * How long a test waits for the pipeline (webhook, processor, relay, then the notifier or the fan-out) to deliver:
     * a bound on a hang, not a latency target (latency is the benches'). The first class on a shared cloud waits on a
     * chain of cold starts, 3 to 10 s each on the shared 2-core machine while the other test JVM starts its own, and
     * slower under libfaketime ({@code make test-clock-shift}): with 30 s, AlertsEndToEndIT missed its first SMS
     * there on 2026-12-06, its fan-out still starting after 11 s and its notifier after more.
     */
    public static final Duration PIPELINE = Duration.ofSeconds(90);

    private Eventually() {
    }

    /** Polls {@code value} until it satisfies {@code done}, returning it; fails with {@code what} after {@code within}. */
    public static <T> T await(String what, Duration within, Supplier<T> value, java.util.function.Predicate<T> done) {
        Instant deadline = Instant.now().plus(within);
        T last = value.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("within " + within.toSeconds() + " s: " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what);
            }
            last = value.get();
        }
        return last;
    }
}
