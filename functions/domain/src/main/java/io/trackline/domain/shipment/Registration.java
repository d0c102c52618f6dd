package io.trackline.domain.shipment;

import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.TrackingNumber;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** What the seller told us when registering a shipment; it never changes with scans. */
public record Registration(
        String id,
        String tenantId,
        String orderId,
        String customerId,
        Carrier carrier,
        TrackingNumber trackingNumber,
        String service,
        LocalDate promisedDeliveryDate,
        DeliveryAddress deliveryAddress,
        Contact contact,
        Instant createdAt) {

    /** An order holds at most this many shipments: registration refuses more, so an order is read in one page. */
    public static final int MAX_SHIPMENTS_PER_ORDER = 100;

    public Registration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(createdAt, "createdAt");
        contact = contact == null ? Contact.NONE : contact;
    }
}
