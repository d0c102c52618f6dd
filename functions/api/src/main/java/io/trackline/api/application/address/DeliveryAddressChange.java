package io.trackline.api.application.address;

import io.trackline.api.application.Refusal;
import io.trackline.view.shipment.AddressChange;
import io.trackline.view.shipment.Address;
import io.trackline.view.shipment.TrackedShipment;
import io.trackline.api.application.tracking.TrackingQueries;

import java.time.Clock;

/** "Change my delivery address": allowed until the carrier has the package, never losing a concurrent scan. */
public final class DeliveryAddressChange {
    private static final int ATTEMPTS = 3;
    private final TrackingQueries queries;
    private final DeliveryAddresses addresses;
    private final Clock clock;

    public DeliveryAddressChange(TrackingQueries queries, DeliveryAddresses addresses, Clock clock) {
        this.queries = queries;
        this.addresses = addresses;
        this.clock = clock;
    }

    public TrackedShipment change(String customerId, String shipmentId, Address address) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            TrackedShipment shipment = queries.shipment(shipmentId, 0)
                    .filter(s -> s.isOwnedBy(customerId))
                    .orElseThrow(Refusal::notFound);
            if (shipment.carrierHasIt()) throw Refusal.addressChangeClosed();
            var change = new AddressChange(clock.instant(), shipment.deliveryAddress());
            if (addresses.change(shipmentId, customerId, shipment.version(), address, change)) {
                return shipment.withDeliveryAddress(address, change);
            }
            // A scan (or another change) moved the version: read again and decide on the new state.
        }
        throw Refusal.concurrentChange();
    }
}
