package io.trackline.notifier;

import java.time.Duration;

/**
 * The one rule that ties NotificationQueue's settings to the claim lease: <b>a message must outlive its own lease</b>.
 * When a receive claims an alert and then cannot finish or release the claim (a frozen dependency, a crash, a timeout),
 * every later receive finds that live claim and must retry; the message has to be received once more after the lease
 * (plus the function's timeout, how long its sender may still run) has ended, or it reaches the DLQ and the alert is lost.
 *
 * <p>Two ways a queue gives a message that time, and the invariant is that at least one of them fits in
 * {@code maxReceiveCount} receives:
 * <ul>
 *   <li><b>visibility alone</b>: receives come {@code visibilityTimeout} apart, so the last comes
 *       {@code visibilityTimeout × (maxReceiveCount − 1)} after the first; it needs
 *       {@code floor((lease + functionTimeout) / visibilityTimeout) + 2} receives;</li>
 *   <li><b>deferral</b>: a receive that finds a live claim makes the message invisible until the lease ends
 *       ({@code ChangeMessageVisibility}, {@code SqsRetries}); it needs 3 receives: the one that claims, one that finds
 *       the claim live and defers, one after the lease that takes it over.</li>
 * </ul>
 * {@code template.yaml} meets it by visibility alone (checked by {@code MessageLifetimeTest}), so AWS needs no working
 * deferral; the local cloud (2 s visibility) meets it only by deferral, and checks it at start.
 */
public record MessageLifetime(Duration visibilityTimeout, int maxReceiveCount, Duration lease, Duration functionTimeout) {
    /** Receives the deferral needs: claim, find it live and defer, take it over. */
    public static final int RECEIVES_WITH_DEFERRAL = 3;

    public MessageLifetime {
        if (visibilityTimeout.isNegative() || visibilityTimeout.isZero()) throw new IllegalArgumentException("visibility timeout must be positive");
        if (maxReceiveCount < 1) throw new IllegalArgumentException("maxReceiveCount must be at least 1");
    }

    /** The time from a message's first receive to its last when nothing defers it. */
    public Duration firstToLastReceive() {
        return visibilityTimeout.multipliedBy(maxReceiveCount - 1L);
    }

    /** Receives needed when every retry comes back after the visibility timeout alone. */
    public long receivesWithoutDeferral() {
        return lease.plus(functionTimeout).toMillis() / visibilityTimeout.toMillis() + 2;
    }

    public boolean holdsWithoutDeferral() {
        return receivesWithoutDeferral() <= maxReceiveCount;
    }

    public boolean holds() {
        return holdsWithoutDeferral() || RECEIVES_WITH_DEFERRAL <= maxReceiveCount;
    }

    /** @throws IllegalStateException naming the numbers when a message could reach the DLQ before its lease ends */
    public MessageLifetime check(String where) {
        if (!holds()) throw new IllegalStateException(where + ": a notification message would reach its DLQ before its claim"
                + " lease ends: maxReceiveCount " + maxReceiveCount + " allows " + firstToLastReceive().toSeconds()
                + " s from first to last receive (visibility " + visibilityTimeout.toSeconds() + " s), but the lease ("
                + lease.toSeconds() + " s) plus the function timeout (" + functionTimeout.toSeconds() + " s) needs "
                + receivesWithoutDeferral() + " receives, or " + RECEIVES_WITH_DEFERRAL + " with deferral"
                + " (README \"Alerts\", \"Exactly once\")");
        return this;
    }
}
