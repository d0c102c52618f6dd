package io.trackline.domain.shipment;

import java.time.Duration;

/**
 * The time rules of PRODUCT.md §2 and §6.
 *
 * @param delayGrace   how long after the end of the due date a shipment counts as delayed
 * @param stalledAfter no scan for this long: stalled (default 48 h)
 * @param lostAfter    no scan for this long: suspected lost, a case is opened (default 10 days)
 * @param retention    how long an ended shipment is kept before TTL removes it (default 180 days)
 */
public record TrackingPolicy(Duration delayGrace, Duration stalledAfter, Duration lostAfter, Duration retention) {
    public static final TrackingPolicy DEFAULT =
            new TrackingPolicy(Duration.ofHours(12), Duration.ofHours(48), Duration.ofDays(10), Duration.ofDays(180));
}
