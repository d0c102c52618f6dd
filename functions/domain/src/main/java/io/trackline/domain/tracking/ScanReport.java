package io.trackline.domain.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one webhook said about one package: its scans (possibly the whole history again) and the carrier's latest
 * estimate. This is the unit the webhook function enqueues and the processor applies.
 */
public record ScanReport(
        String source,
        String deliveryId,
        Instant receivedAt,
        Carrier carrier,
        TrackingNumber trackingNumber,
        List<Scan> scans,
        Optional<CarrierEstimate> estimate) {

    public ScanReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        scans = List.copyOf(scans);
        estimate = estimate == null ? Optional.empty() : estimate;
        for (Scan scan : scans) {
            if (!scan.carrier().equals(carrier) || !scan.trackingNumber().equals(trackingNumber)) {
                throw new IllegalArgumentException("every scan of a report belongs to its package");
            }
        }
    }
}
