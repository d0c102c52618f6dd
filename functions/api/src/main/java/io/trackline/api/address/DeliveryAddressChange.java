package io.trackline.api.address;

import io.trackline.api.http.Problems;
import io.trackline.api.tracking.AddressChange;
import io.trackline.api.tracking.Address;
import io.trackline.api.tracking.TrackedShipment;
import io.trackline.api.tracking.TrackingQueries;

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
                    .orElseThrow(Problems::notFound);
            if (shipment.carrierHasIt()) throw Problems.addressChangeClosed();
            var change = new AddressChange(clock.instant(), shipment.deliveryAddress());
            if (addresses.change(shipmentId, customerId, shipment.version(), address, change)) {
                return shipment.withDeliveryAddress(address, change);
            }
            // A scan (or another change) moved the version: read again and decide on the new state.
        }
        throw Problems.busy();
    }
}
