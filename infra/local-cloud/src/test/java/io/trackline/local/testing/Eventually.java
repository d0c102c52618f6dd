package io.trackline.local.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits, bounded, for something the local cloud does asynchronously. */
public final class Eventually {
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
