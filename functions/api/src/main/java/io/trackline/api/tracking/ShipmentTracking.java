package io.trackline.api.tracking;

import io.trackline.api.http.Problems;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.TrackingNumber;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** "Track package" for each audience: the shipment with its history, or 404 when it is not the caller's. */
public final class ShipmentTracking {
    /** The newest scans shown; a package rarely has more than a few dozen. */
    public static final int MAX_EVENTS = 250;
    private final TrackingQueries queries;

    public ShipmentTracking(TrackingQueries queries) {
        this.queries = queries;
    }

    public TrackedShipment forTenant(String tenantId, String shipmentId) {
        return queries.shipment(shipmentId, MAX_EVENTS).filter(s -> s.belongsTo(tenantId)).orElseThrow(Problems::notFound);
    }

    public TrackedShipment forOwner(String customerId, String shipmentId) {
        return queries.shipment(shipmentId, MAX_EVENTS).filter(s -> s.isOwnedBy(customerId)).orElseThrow(Problems::notFound);
    }

    /** The tenant's shipment of this package, if any (a list of at most one: the package is unique per tenant). */
    public List<TrackedShipment> findForTenant(String tenantId, String carrier, String trackingNumber) {
        return package_(carrier, trackingNumber)
                .flatMap(p -> queries.shipmentsByTracking(p.carrier(), p.number()).stream()
                        .filter(s -> s.belongsTo(tenantId)).findFirst())
                .flatMap(s -> queries.shipment(s.id(), MAX_EVENTS))
                .map(List::of)
                .orElse(List.of());
    }

    /** Public tracking: the most recently registered shipment of the package, whichever tenant has it. */
    public TrackedShipment publicly(String carrier, String trackingNumber) {
        return package_(carrier, trackingNumber)
                .flatMap(p -> queries.shipmentsByTracking(p.carrier(), p.number()).stream()
                        .max(Comparator.comparing(s -> s.createdAt() == null ? java.time.Instant.EPOCH : s.createdAt())))
                .flatMap(s -> queries.shipment(s.id(), MAX_EVENTS))
                .orElseThrow(Problems::notFound);
    }

    private static Optional<Package> package_(String carrier, String trackingNumber) {
        try {
            return Optional.of(new Package(Carrier.of(carrier).code(), TrackingNumber.of(trackingNumber).value()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private record Package(String carrier, String number) {
    }
}
