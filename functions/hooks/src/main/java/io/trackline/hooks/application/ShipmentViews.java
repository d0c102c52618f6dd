package io.trackline.hooks.application;

import io.trackline.view.shipment.TrackedShipment;

import java.util.Optional;

/** Port: a shipment as its tenant's API clients see it now ({@code GET /v1/shipments/{id}}), with its newest scan only. */
public interface ShipmentViews {
    Optional<TrackedShipment> newest(String shipmentId);
}
