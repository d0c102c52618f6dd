package io.trackline.api.application.tracking;

import io.trackline.view.shipment.PublicPackage;
import io.trackline.view.shipment.TrackedShipment;
import io.trackline.api.application.Refusal;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.TrackingNumber;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** "Track package" for each audience: the shipment with its history, or 404 when it is not the caller's. */
public final class ShipmentTracking {
    /** The newest scans shown; a package rarely has more than a few dozen. */
    public static final int MAX_EVENTS = 250;
    private final TrackingQueries queries;

    public ShipmentTracking(TrackingQueries queries) {
        this.queries = queries;
    }

    public TrackedShipment forTenant(String tenantId, String shipmentId) {
        return queries.shipment(shipmentId, MAX_EVENTS).filter(s -> s.belongsTo(tenantId)).orElseThrow(Refusal::notFound);
    }

    public TrackedShipment forOwner(String customerId, String shipmentId) {
        return queries.shipment(shipmentId, MAX_EVENTS).filter(s -> s.isOwnedBy(customerId)).orElseThrow(Refusal::notFound);
    }

    /**
     * The tenant's shipment of this package, if any (a list of at most one: a tenant registers a package once). Two
     * requests: the package's registrations, then the shipment.
     */
    public List<TrackedShipment> findForTenant(String tenantId, String carrier, String trackingNumber) {
        return registrations(carrier, trackingNumber)
                .filter(r -> r.tenantId().equals(tenantId))
                .findFirst()
                .flatMap(r -> queries.shipment(r.shipmentId(), MAX_EVENTS))
                .filter(s -> s.belongsTo(tenantId))
                .map(List::of)
                .orElse(List.of());
    }

    /**
     * Public tracking (PRODUCT.md §9): the carrier's facts of the package, from its OLDEST registration whose shipment
     * still exists. Every registered shipment gets each scan and estimate from its registration on (scans that came
     * before the first registration are attached to it), so the oldest has the fullest history, and a later
     * registration by anyone changes nothing the public sees; what is shown is a {@link PublicPackage}, which has no
     * field a tenant registers. Two requests; a younger registration is read only when TTL has removed the older
     * one's shipment (claims outlive shipments).
     */
    public PublicPackage publicly(String carrier, String trackingNumber) {
        return registrations(carrier, trackingNumber)
                .sorted(Comparator.comparing(PackageRegistration::registeredAt)
                        .thenComparing(PackageRegistration::shipmentId))
                .map(r -> queries.shipment(r.shipmentId(), MAX_EVENTS))
                .flatMap(Optional::stream)
                .findFirst()
                .map(PublicPackage::of)
                .orElseThrow(Refusal::notFound);
    }

    /** None for a carrier or tracking number that cannot exist, as for one nobody registered. */
    private Stream<PackageRegistration> registrations(String carrier, String trackingNumber) {
        Carrier code;
        TrackingNumber number;
        try {
            code = Carrier.of(carrier);
            number = TrackingNumber.of(trackingNumber);
        } catch (IllegalArgumentException e) {
            return Stream.empty();
        }
        return queries.registrations(code, number).stream();
    }
}
