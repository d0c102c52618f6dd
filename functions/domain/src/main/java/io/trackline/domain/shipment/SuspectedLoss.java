package io.trackline.domain.shipment;

import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;

import java.time.Instant;

/**
 * The case the sweeper opens when a shipment has had no scan for {@link TrackingPolicy#lostAfter()}. Its id is derived
 * from the shipment and the silence it reports, so a retried sweep opens it once.
 */
public record SuspectedLoss(String caseId, String shipmentId, String tenantId, String customerId, Instant createdAt,
                            Status status, Milestone milestone, Instant lastScanAt) {
    public static final String TYPE = "SUSPECTED_LOST";
}
