package io.trackline.notifier.application;

import java.util.Optional;

/** Port: the shipment as the notifier needs it, read in one query. */
public interface ShipmentSnapshots {
    Optional<ShipmentSnapshot> find(String shipmentId);
}
