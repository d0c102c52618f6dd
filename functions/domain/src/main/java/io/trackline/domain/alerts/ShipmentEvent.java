package io.trackline.domain.alerts;

import io.trackline.domain.tracking.CarrierText;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A domain event on the shipment-events topic: one per status change (from the processor) or per detected condition
 * (from the sweeper). {@code eventId} is stable across retries, so subscribers deduplicate on it. Its carrier text
 * ({@code description}, {@code location}) is printable ({@link CarrierText}) before any SMS or email is built from it.
 *
 * @param trigger     what happened, and the SNS message attribute subscribers filter on
 * @param occurredAt  when the carrier scanned it (or when the sweeper detected it)
 * @param eta         the latest expected delivery date, if known
 * @param sequence    the shipment's stored version this event was committed with: it increases per shipment, so a
 *                    receiver can drop an update older than one it has (0 on events written before it existed)
 */
public record ShipmentEvent(
        String eventId,
        Trigger trigger,
        String shipmentId,
        String tenantId,
        String orderId,
        String customerId,
        String carrier,
        String trackingNumber,
        Status status,
        Status previousStatus,
        Milestone milestone,
        ExceptionReason exceptionReason,
        boolean actionRequired,
        boolean delayed,
        LocalDate eta,
        String description,
        Location location,
        OffsetDateTime occurredAt,
        Instant publishedAt,
        long sequence) {

    public ShipmentEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(shipmentId, "shipmentId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
        description = CarrierText.clean(description);
    }

    /** When Trackline published it (events written before that field existed: when it happened). */
    public Instant createdAt() {
        return publishedAt != null ? publishedAt : occurredAt.toInstant();
    }
}
