package io.trackline.api.tracking;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of tracking (CQRS): each method is one request to the store, so every read route stays one round trip.
 * Callers check ownership; the store knows nothing of tenants or customers beyond the keys it is given.
 */
public interface TrackingQueries {
    /** The shipment with at most {@code maxEvents} of its scans, newest first. */
    Optional<TrackedShipment> shipment(String shipmentId, int maxEvents);

    /** Every tenant's shipment of one carrier package, without scans. */
    List<TrackedShipment> shipmentsByTracking(String carrier, String trackingNumber);

    /** The shipments of one order, without scans; empty when the order does not exist. */
    List<TrackedShipment> shipmentsOfOrder(String tenantId, String orderId);

    /** A customer's orders, newest first, each with its shipments' current state. */
    Page<TrackedOrder> ordersOfCustomer(String customerId, int limit, Optional<Map<String, String>> after);

    /** The shipment (absent on later pages, whose cursor already proved access) and a page of its notifications. */
    ShipmentNotifications notifications(String shipmentId, int limit, Optional<Map<String, String>> after);

    record ShipmentNotifications(Optional<TrackedShipment> shipment, Page<NotificationRecord> page) {
    }
}
