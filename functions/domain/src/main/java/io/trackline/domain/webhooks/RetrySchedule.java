package io.trackline.domain.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential backoff with jitter, for at least {@link #GIVE_UP_AFTER} (72 h)
 * from the first attempt. The n-th retry waits {@code min(12 h, 10 s × 3^(n-1))}, of which a random half: first
 * retries within a minute (5–10 s, 15–30 s, 45–90 s), then 2–4 min, 7–13 min, … up to 6–12 h. A delivery still failing
 * once 72 h have passed since its first attempt is given up, and its endpoint disabled. A {@code scale} below 1 shrinks
 * every duration (delays and the 72 h) alike, for tests on a real queue.
 */
public final class RetrySchedule {
    public static final Duration GIVE_UP_AFTER = Duration.ofHours(72);
    static final Duration FIRST = Duration.ofSeconds(10);
    static final Duration LONGEST = Duration.ofHours(12);
    /**
     * Attempts within 72 h when every jitter is at its smallest: the queue's {@code maxReceiveCount} must be above it,
     * so a message is never moved to the DLQ while its schedule still runs (a test holds {@code template.yaml} to it).
     */
    public static final int MOST_ATTEMPTS = 22;

    private final double scale;
    private final RandomGenerator random;

    public RetrySchedule(double scale, RandomGenerator random) {
        if (!(scale > 0 && scale <= 1)) throw new IllegalArgumentException("scale must be in (0, 1]: " + scale);
        this.scale = scale;
        this.random = random;
    }

    /**
     * When attempt {@code attempt + 1} is due after attempt {@code attempt} (1-based) failed at {@code now}, for a
     * delivery first attempted at {@code firstAttemptAt}; empty when it is given up.
     */
    public Optional<Instant> nextAttempt(int attempt, Instant firstAttemptAt, Instant now) {
        if (!now.isBefore(firstAttemptAt.plus(scaled(GIVE_UP_AFTER)))) return Optional.empty();
        long nominal = nominalMillis(attempt);
        long delay = nominal / 2 + (long) (random.nextDouble() * (nominal / 2.0));
        return Optional.of(now.plusMillis(Math.max(1, (long) (delay * scale))));
    }

    public Duration giveUpAfter() {
        return scaled(GIVE_UP_AFTER);
    }

    static long nominalMillis(int attempt) {
        double factor = Math.pow(3, Math.max(0, attempt - 1));
        return (long) Math.min(LONGEST.toMillis(), FIRST.toMillis() * factor);
    }

    private Duration scaled(Duration duration) {
        return Duration.ofMillis((long) (duration.toMillis() * scale));
    }
}
