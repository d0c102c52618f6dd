package io.trackline.domain.alerts;

import io.trackline.domain.tracking.Status;

/** Why a shipment event was published; the SNS message attribute {@code trigger} carries its name. */
public enum Trigger {
    LABEL_CREATED, PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERY_ATTEMPTED, AVAILABLE_FOR_PICKUP, EXCEPTION,
    RETURN_TO_SENDER, DELIVERED, RETURNED, LOST, CANCELLED, EXPIRED, UNKNOWN,
    /** The shipment became delayed, or its estimate slipped again. */
    DELAYED,
    /**
     * The carrier's latest estimated delivery date changed, and nothing else was announced for it (no status change,
     * no delay): for API clients' webhooks ({@code shipment.eta_changed}); no alert and no support case follows it.
     */
    ETA_CHANGED,
    /** No scan for 48 hours. */
    STALLED,
    /** No scan for 10 days: a case was opened. */
    SUSPECTED_LOST;

    public static Trigger forStatus(Status status) {
        return valueOf(status.name());
    }
}
