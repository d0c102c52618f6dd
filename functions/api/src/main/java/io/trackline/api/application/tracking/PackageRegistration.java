package io.trackline.api.application.tracking;

import java.time.Instant;

/** One tenant's registration of a carrier package (its tracking claim): which shipment tracks it, and since when. */
public record PackageRegistration(String tenantId, String shipmentId, Instant registeredAt) {
}
