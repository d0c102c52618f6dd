package io.trackline.api.registration;

import io.trackline.api.tracking.TrackedShipment;

/**
 * Registers a shipment (and its order on first sight), idempotent on carrier + tracking number within the tenant.
 * Attaching scans that arrived before registration belongs to the tracking engine's implementation of this port.
 */
public interface ShipmentRegistration {
    /** @throws OrderOfAnotherCustomer when the order exists for a different customer */
    Registered register(RegistrationRequest command);

    record Registered(TrackedShipment shipment, boolean created) {
    }

    final class OrderOfAnotherCustomer extends RuntimeException {
        public OrderOfAnotherCustomer() {
            super("the order belongs to another customer", null, false, false);
        }
    }
}
