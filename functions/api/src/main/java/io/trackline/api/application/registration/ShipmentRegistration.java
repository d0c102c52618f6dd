package io.trackline.api.application.registration;

import io.trackline.view.shipment.TrackedShipment;

/**
 * Registers a shipment (and its order on first sight), idempotent on carrier + tracking number within the tenant.
 * Attaching scans that arrived before registration belongs to the tracking engine's implementation of this port.
 */
public interface ShipmentRegistration {
    /** @throws io.trackline.api.application.Refusal when the order exists for a different customer, or is full */
    Registered register(RegistrationRequest command);

    record Registered(TrackedShipment shipment, boolean created) {
    }
}
