package io.trackline.api.application.tracking;

import io.trackline.view.shipment.TrackedShipment;
import io.trackline.api.application.Refusal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Orders with their shipments and summary, for the tenant and for the customer ("Your Orders"). */
public final class OrderTracking {
    private final TrackingQueries queries;

    public OrderTracking(TrackingQueries queries) {
        this.queries = queries;
    }

    public List<TrackedShipment> forTenant(String tenantId, String orderId) {
        List<TrackedShipment> shipments = queries.shipmentsOfOrder(tenantId, orderId);
        if (shipments.isEmpty()) throw Refusal.notFound();
        return shipments;
    }

    /** Only the caller's shipments of the order; 404 when none is. */
    public TrackedOrder forOwner(String customerId, String orderRef) {
        OrderRef ref = OrderRef.decode(orderRef).orElseThrow(Refusal::notFound);
        List<TrackedShipment> shipments = queries.shipmentsOfOrder(ref.tenantId(), ref.orderId()).stream()
                .filter(s -> s.isOwnedBy(customerId))
                .toList();
        if (shipments.isEmpty()) throw Refusal.notFound();
        return new TrackedOrder(ref.tenantId(), ref.orderId(), customerId, null, shipments);
    }

    public Page<TrackedOrder> ordersOf(String customerId, int limit, Optional<Map<String, String>> after) {
        return queries.ordersOfCustomer(customerId, limit, after);
    }
}
