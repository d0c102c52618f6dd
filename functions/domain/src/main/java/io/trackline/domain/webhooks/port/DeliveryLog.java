package io.trackline.domain.webhooks.port;

import io.trackline.domain.webhooks.Attempt;
import io.trackline.domain.webhooks.Delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: what was sent to each endpoint, kept for {@link #RETENTION_DAYS} days: the deliveries (for replays) and every
 * attempt (for {@code GET …/deliveries}).
 */
public interface DeliveryLog {
    int RETENTION_DAYS = 30;

    /** Keeps a delivery for replays (idempotent: an event fanned out again overwrites it with the same). */
    void keep(Delivery delivery);

    void record(Attempt attempt);

    /** Attempts, newest first, after the given position. */
    AttemptPage attempts(String endpointId, int limit, Optional<String> after);

    /** The deliveries of events created in {@code [since, until)}, oldest first. */
    List<Delivery> createdBetween(String tenantId, String endpointId, Instant since, Instant until);

    /** The deliveries of these events that are still kept. */
    List<Delivery> ofEvents(String tenantId, String endpointId, Collection<String> eventIds);

    /** @param next an opaque position for the next page */
    record AttemptPage(List<Attempt> attempts, Optional<String> next) {
    }
}
