package io.trackline.page.application;

import java.util.Optional;

/** Port: a shipment as the tracking page shows it, by its id. */
public interface TrackedPackages {
    /** Empty when no shipment has this id (never registered, or removed after its retention). */
    Optional<TrackedPackage> find(String shipmentId);
}
