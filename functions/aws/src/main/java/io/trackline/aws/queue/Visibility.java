package io.trackline.aws.queue;

import java.time.Duration;
import java.time.Instant;

/** The visibility timeout that keeps a received SQS message away until a given time: whole seconds, at most 12 hours. */
public final class Visibility {
    /** SQS's most for one {@code ChangeMessageVisibility}. */
    public static final Duration MAX = Duration.ofHours(12);

    private Visibility() {
    }

    /** Seconds from {@code now} until {@code at}, rounded up, between 0 and {@link #MAX}. */
    public static int secondsUntil(Instant now, Instant at) {
        long millis = Duration.between(now, at).toMillis();
        return (int) Math.max(0, Math.min(MAX.toSeconds(), (millis + 999) / 1000));
    }
}
