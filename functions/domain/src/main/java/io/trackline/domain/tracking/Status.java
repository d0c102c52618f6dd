package io.trackline.domain.tracking;

import java.util.Optional;

/** What is happening to a shipment now (PRODUCT.md §2). Terminal statuses never reopen. */
public enum Status {
    UNKNOWN(null, false),
    LABEL_CREATED(Milestone.LABEL_CREATED, false),
    PICKED_UP(Milestone.PICKED_UP, false),
    IN_TRANSIT(Milestone.IN_TRANSIT, false),
    OUT_FOR_DELIVERY(Milestone.OUT_FOR_DELIVERY, false),
    DELIVERY_ATTEMPTED(Milestone.OUT_FOR_DELIVERY, false),
    AVAILABLE_FOR_PICKUP(Milestone.OUT_FOR_DELIVERY, false),
    EXCEPTION(null, false),
    RETURN_TO_SENDER(null, false),
    DELIVERED(Milestone.DELIVERED, true),
    RETURNED(null, true),
    LOST(null, true),
    CANCELLED(null, true),
    EXPIRED(null, false);

    private final Milestone milestone;
    private final boolean terminal;

    Status(Milestone milestone, boolean terminal) {
        this.milestone = milestone;
        this.terminal = terminal;
    }

    /** The forward progress this status proves, if any (an exception proves none). */
    public Optional<Milestone> milestone() {
        return Optional.ofNullable(milestone);
    }

    public boolean isTerminal() {
        return terminal;
    }
}
