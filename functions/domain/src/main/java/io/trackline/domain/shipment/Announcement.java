package io.trackline.domain.shipment;

import io.trackline.domain.alerts.ShipmentEvent;

import java.util.Objects;

/**
 * Something a shipment update must announce exactly once: a {@link ShipmentEvent} for the shipment-events topic, or a
 * {@link SuspectedLoss} case for support. It is written to the outbox in the same write as the state change that caused
 * it; the store's change stream publishes it from there (README "Exactly once").
 */
public record Announcement(ShipmentEvent event, SuspectedLoss suspectedLoss) {
    public Announcement {
        if ((event == null) == (suspectedLoss == null)) throw new IllegalArgumentException("exactly one of event or case");
    }

    public static Announcement of(ShipmentEvent event) {
        return new Announcement(Objects.requireNonNull(event), null);
    }

    public static Announcement of(SuspectedLoss loss) {
        return new Announcement(null, Objects.requireNonNull(loss));
    }

    /** Stable across retries: the event id, or the case id prefixed so it never collides with one. */
    public String id() {
        return event != null ? event.eventId() : "case-" + suspectedLoss.caseId();
    }
}
