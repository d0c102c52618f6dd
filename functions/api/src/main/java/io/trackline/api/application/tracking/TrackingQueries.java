package io.trackline.api.application.tracking;

import io.trackline.view.shipment.TrackedShipment;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.TrackingNumber;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of tracking (CQRS). Each method is one request to the store, except the two that follow an order's
 * index entries to their shipments (one Query plus one BatchGetItem: README "Targets not met, and why"). Callers check
 * ownership; the store knows nothing of tenants or customers beyond the keys it is given.
 */
public interface TrackingQueries {
    /** The shipment with at most {@code maxEvents} of its scans, newest first. */
    Optional<TrackedShipment> shipment(String shipmentId, int maxEvents);

    /** Every tenant's registration of one carrier package (at most 100), in no particular order. */
    List<PackageRegistration> registrations(Carrier carrier, TrackingNumber trackingNumber);

    /** The shipments of one order, without scans; empty when the order does not exist. */
    List<TrackedShipment> shipmentsOfOrder(String tenantId, String orderId);

    /** A customer's orders, newest first, each with its shipments' current state. */
    Page<TrackedOrder> ordersOfCustomer(String customerId, int limit, Optional<Map<String, String>> after);

    /** The shipment (absent on later pages, whose cursor already proved access) and a page of its notifications. */
    ShipmentNotifications notifications(String shipmentId, int limit, Optional<Map<String, String>> after);

    record ShipmentNotifications(Optional<TrackedShipment> shipment, Page<NotificationRecord> page) {
    }
}
