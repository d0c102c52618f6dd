package io.trackline.view.shipment;

import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The read side's view of a shipment item and (when asked for) its scans, newest first. {@code milestone} is null
 * until the first forward scan.
 */
public record TrackedShipment(
        String id,
        String tenantId,
        String orderId,
        String customerId,
        String carrier,
        String trackingNumber,
        String service,
        Status status,
        Milestone milestone,
        ExceptionReason exceptionReason,
        boolean actionRequired,
        boolean delayed,
        boolean terminal,
        OffsetDateTime statusOccurredAt,
        Eta eta,
        Address deliveryAddress,
        Contact contact,
        Instant createdAt,
        long version,
        List<AddressChange> addressChanges,
        List<TrackingEvent> events) {

    public TrackedShipment {
        eta = eta == null ? Eta.NONE : eta;
        addressChanges = addressChanges == null ? List.of() : List.copyOf(addressChanges);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public boolean isOwnedBy(String customer) {
        return customerId != null && customerId.equals(customer);
    }

    public boolean belongsTo(String tenant) {
        return tenantId != null && tenantId.equals(tenant);
    }

    public boolean isDelivered() {
        return status == Status.DELIVERED;
    }

    /** Whether the carrier has the package: from then on only support can redirect it. */
    public boolean carrierHasIt() {
        return !io.trackline.domain.shipment.DeliveryAddress.changeable(status, milestone, terminal);
    }

    public TrackedShipment withDeliveryAddress(Address address, AddressChange change) {
        var changes = new java.util.ArrayList<>(addressChanges);
        changes.add(change);
        return new TrackedShipment(id, tenantId, orderId, customerId, carrier, trackingNumber, service, status, milestone,
                exceptionReason, actionRequired, delayed, terminal, statusOccurredAt, eta, address, contact, createdAt,
                version + 1, changes, events);
    }
}
