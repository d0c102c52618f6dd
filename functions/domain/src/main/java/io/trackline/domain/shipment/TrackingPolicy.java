package io.trackline.domain.shipment;

import io.trackline.domain.tracking.CarrierEstimate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The time rules of PRODUCT.md §2, §6 and §9.
 *
 * @param delayGrace   how long after the end of the due date a shipment counts as delayed
 * @param stalledAfter no scan for this long: stalled (default 48 h)
 * @param lostAfter    no scan for this long: suspected lost, a case is opened (default 10 days)
 * @param retention    how long an ended shipment is kept before TTL removes it (default 180 days)
 * @param scanAhead    how far after its receipt a scan may say it happened (clock skew; default 1 h)
 * @param scanMaxAge   how long before its receipt a scan may say it happened (default 365 days: a history re-sent
 *                     by an aggregator, a long return leg)
 */
public record TrackingPolicy(Duration delayGrace, Duration stalledAfter, Duration lostAfter, Duration retention,
                             Duration scanAhead, Duration scanMaxAge) {
    public static final Duration DEFAULT_SCAN_AHEAD = Duration.ofHours(1);
    public static final Duration DEFAULT_SCAN_MAX_AGE = Duration.ofDays(365);
    public static final TrackingPolicy DEFAULT =
            new TrackingPolicy(Duration.ofHours(12), Duration.ofHours(48), Duration.ofDays(10), Duration.ofDays(180));

    /** The plausible-time window at its defaults. */
    public TrackingPolicy(Duration delayGrace, Duration stalledAfter, Duration lostAfter, Duration retention) {
        this(delayGrace, stalledAfter, lostAfter, retention, DEFAULT_SCAN_AHEAD, DEFAULT_SCAN_MAX_AGE);
    }

    public TrackingPolicy {
        if (scanAhead == null || scanAhead.isNegative()) throw new IllegalArgumentException("scanAhead must be >= 0");
        if (scanMaxAge == null || scanMaxAge.isNegative()) throw new IllegalArgumentException("scanMaxAge must be >= 0");
    }

    /**
     * PRODUCT.md §9: a carrier time is plausible when it lies in [receivedAt − scanMaxAge, receivedAt + scanAhead].
     * {@code occurredAt} carries the carrier's offset, so comparing instants is exact whatever the offset. A scan
     * outside the window is kept in the history, flagged, and never applied to the state (it cannot freeze a status
     * from the future nor start the lost clock from the past).
     */
    public boolean plausible(OffsetDateTime occurredAt, Instant receivedAt) {
        Instant at = occurredAt.toInstant();
        return !at.isAfter(receivedAt.plus(scanAhead)) && !at.isBefore(receivedAt.minus(scanMaxAge));
    }

    /**
     * A carrier's estimated delivery date is plausible within {@code scanMaxAge} of the (UTC) day it was reported, either
     * way: a missed estimate stays a fact about the delay for as long as a scan may look back, and no parcel is
     * estimated more than that ahead. Its {@code reportedAt} is our receipt, so it needs no check. An estimate outside
     * is not applied (estimates are state, not history: the ETA keeps what it had), so a 2099 date cannot become the
     * ETA nor announce a delay, and a 1995 one cannot make a shipment overdue.
     */
    public boolean plausible(CarrierEstimate estimate) {
        LocalDate reported = estimate.reportedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        long days = scanMaxAge.toDays();
        return !estimate.date().isBefore(reported.minusDays(days)) && !estimate.date().isAfter(reported.plusDays(days));
    }
}
