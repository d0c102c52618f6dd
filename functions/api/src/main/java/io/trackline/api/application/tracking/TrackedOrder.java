package io.trackline.api.application.tracking;

import io.trackline.view.shipment.TrackedShipment;
import java.time.Instant;
import java.util.List;

/** An order of one customer at one tenant, with its shipments (without their scans). */
public record TrackedOrder(String tenantId, String orderId, String customerId, Instant createdAt,
                           List<TrackedShipment> shipments) {
    public TrackedOrder {
        shipments = List.copyOf(shipments);
    }
}
